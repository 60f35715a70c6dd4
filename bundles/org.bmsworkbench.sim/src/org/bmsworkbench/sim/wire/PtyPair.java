package org.bmsworkbench.sim.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by {@code socat} in a folder of its own: the simulator opens {@link #device()},
 * the host side (the connection service, a Modbus master) opens {@link #host()}, as over a null-modem cable.
 * The benchmarks measure a real serial path through it.
 */
public final class PtyPair implements AutoCloseable {

    private final Path dir;
    private final Process socat;

    private PtyPair(Path dir, Process socat) {
        this.dir = dir;
        this.socat = socat;
    }

    /** Makes the pair as {@code dir/device} and {@code dir/host}; waits up to 2 s for socat to make them. */
    public static PtyPair open(Path dir) throws IOException {
        Path device = dir.resolve("device");
        Path host = dir.resolve("host");
        Process socat;
        try {
            socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + device,
                    "pty,raw,echo=0,link=" + host).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("socat is needed for the pty pair (apt-get install socat): " + e.getMessage(), e);
        }
        for (int i = 0; i < 100 && !(Files.exists(device) && Files.exists(host)); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                socat.destroy();
                throw new IOException("interrupted while socat made the pty pair", e);
            }
        }
        if (!Files.exists(device) || !Files.exists(host)) {
            socat.destroy();
            throw new IOException("socat did not make the pty pair in 2 s");
        }
        return new PtyPair(dir, socat);
    }

    public Path device() {
        return dir.resolve("device");
    }

    public Path host() {
        return dir.resolve("host");
    }

    /** Ends socat (forcibly after 2 s) and removes the folder; an error names what could not be removed. */
    @Override
    public void close() throws IOException {
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socat.destroyForcibly();
        }
        try (var links = Files.list(dir)) {
            for (Path p : links.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new IOException("could not remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
