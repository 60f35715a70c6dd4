package org.bmsworkbench.connection;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An open line to a bus: a serial port, a TCP gateway or the in-process simulator. Only the connection
 * service reads and writes it, one transaction at a time. A byte port (the default) carries a stream: reads may
 * block, and {@link InputStream#available()} must say what can be read without blocking. A {@link #framed()} port
 * (CAN, UDP) carries whole frames instead, through {@link #sendFrame} and {@link #receiveFrame}; its streams are
 * not used by the connection service.
 */
public interface Port extends Closeable {

    InputStream in();

    OutputStream out();

    /** For people and logs, e.g. "/dev/ttyUSB0" or "tcp 10.0.0.7:4196". */
    String name();

    /** True when the line carries whole frames (a datagram, a CAN frame) rather than a byte stream. */
    default boolean framed() {
        return false;
    }

    /** Sends one whole frame; a byte port writes it to {@link #out()} and flushes. */
    default void sendFrame(byte[] frame) throws IOException {
        OutputStream out = out();
        out.write(frame);
        out.flush();
    }

    /**
     * The next whole frame that arrived, waiting at most {@code timeoutMillis} (0: not at all) for one.
     *
     * @return the frame, or null when none came in time
     * @throws IOException when the line is lost
     */
    default byte[] receiveFrame(long timeoutMillis) throws IOException {
        throw new UnsupportedOperationException(name() + " carries bytes, not frames");
    }

    /** Releases what carries a port's streams. */
    @FunctionalInterface
    interface Closer {
        void close() throws IOException;
    }

    /** A port over two streams, closed by {@code closer}. */
    static Port of(String name, InputStream in, OutputStream out, Closer closer) {
        return new Port() {
            @Override
            public InputStream in() {
                return in;
            }

            @Override
            public OutputStream out() {
                return out;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() throws IOException {
                closer.close();
            }
        };
    }
}
