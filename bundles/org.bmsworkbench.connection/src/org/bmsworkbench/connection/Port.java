package org.bmsworkbench.connection;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An open line to a bus: a serial port, a TCP gateway or the in-process simulator. Only the connection
 * service reads and writes it, one transaction at a time. Reads may block; {@link InputStream#available()}
 * must say what can be read without blocking.
 */
public interface Port extends Closeable {

    InputStream in();

    OutputStream out();

    /** For people and logs, e.g. "/dev/ttyUSB0" or "tcp 10.0.0.7:4196". */
    String name();

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
