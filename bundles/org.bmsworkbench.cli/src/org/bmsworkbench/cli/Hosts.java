package org.bmsworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's name, for the session facts: without a DNS look-up, which can hang on a cabinet PC offline. */
public final class Hosts {

    private Hosts() {
    }

    public static String name() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                return Files.readString(etc).strip();
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
