package org.bmsworkbench.core.security;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;

/** Where the security files live: the workspace's {@code .metadata}, or {@code ~/.bmsworkbench} without one. */
final class WorkspaceFiles {

    private WorkspaceFiles() {
    }

    /**
     * @param instanceArea the framework property {@code osgi.instance.area}, a {@code file:} URL of the workspace
     *                     (Equinox does not encode it), or {@code null}
     */
    static Path folder(String instanceArea) {
        if (instanceArea != null && !instanceArea.isBlank()) {
            try {
                return Path.of(URI.create(instanceArea.replace(" ", "%20"))).resolve(".metadata");
            } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                // Not a local folder: the files go where they go without a workspace, and every message
                // about them names the full path, so the user sees which place is used.
                return home();
            }
        }
        return home();
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"), ".bmsworkbench");
    }
}
