package org.bmsworkbench.core;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;

/**
 * Where the workbench keeps its files: the workspace folder ({@code osgi.instance.area}), or
 * {@code ~/.bmsworkbench} without one.
 */
public final class Workspace {

    private Workspace() {
    }

    /**
     * The workspace folder.
     *
     * @param instanceArea the framework property {@code osgi.instance.area}, a {@code file:} URL of the workspace
     *                     (Equinox does not encode it), or {@code null}
     */
    public static Path root(String instanceArea) {
        if (instanceArea != null && !instanceArea.isBlank()) {
            try {
                return Path.of(URI.create(instanceArea.replace(" ", "%20")));
            } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                // Not a local folder: the files go where they go without a workspace, and every message
                // about them names the full path, so the user sees which place is used.
                return home();
            }
        }
        return home();
    }

    /** The workspace's {@code .metadata} folder (security files, logs, settings). */
    public static Path metadata(String instanceArea) {
        Path root = root(instanceArea);
        return root.equals(home()) ? root : root.resolve(".metadata");
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"), ".bmsworkbench");
    }
}
