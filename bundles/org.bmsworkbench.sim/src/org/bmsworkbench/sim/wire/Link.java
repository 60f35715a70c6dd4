package org.bmsworkbench.sim.wire;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/** One connection of the simulated line to a host: the bytes the host sends and the way back. */
public interface Link extends Closeable {

    InputStream in();

    OutputStream out();

    /** A short name for logs, e.g. "/dev/pts/7" or "tcp 127.0.0.1:40312". */
    String name();

    @Override
    void close();

    /** A link over two streams; {@code closer} releases whatever carries them and must not throw. */
    static Link of(String name, InputStream in, OutputStream out, Runnable closer) {
        return new Link() {
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
            public void close() {
                closer.run();
            }
        };
    }
}
