package org.bmsworkbench.sim.wire;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A serial device opened by name, such as one end of a pseudo-terminal pair made with
 * {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}: the host opens the other end as its serial port.
 * The terminal must already be in raw mode (socat's {@code raw,echo=0}); the baud rate of a pty is
 * nominal, the simulator's wire timing paces the bytes.
 */
public final class SerialEndpoint implements Endpoint {

    private final Path device;
    private volatile boolean closed;

    public SerialEndpoint(Path device) {
        if (!Files.exists(device)) {
            throw new IllegalArgumentException(device + " does not exist (for a pty pair: socat -d -d "
                    + "pty,raw,echo=0 pty,raw,echo=0)");
        }
        this.device = device;
    }

    @Override
    public Link accept() throws IOException {
        if (closed) {
            throw new IOException(device + " is closed");
        }
        FileInputStream in = new FileInputStream(device.toFile());
        FileOutputStream out;
        try {
            out = new FileOutputStream(device.toFile());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return Link.of(device.toString(), in, out, () -> {
            try (in; out) {
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("closing " + device, e);
            }
        });
    }

    /** Opening the device says nothing about the host at its other end. */
    @Override
    public boolean acceptMeansAHost() {
        return false;
    }

    @Override
    public String describe() {
        return device.toString();
    }

    @Override
    public void close() {
        closed = true;
    }
}
