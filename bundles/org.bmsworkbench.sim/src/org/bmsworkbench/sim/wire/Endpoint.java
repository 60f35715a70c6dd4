package org.bmsworkbench.sim.wire;

import java.io.Closeable;
import java.io.IOException;

/** Where the simulated line meets its host: a pseudo-terminal, a TCP port, or an in-process pipe. */
public interface Endpoint extends Closeable {

    /** Waits for the next connection of a host; throws once the endpoint is closed. */
    Link accept() throws IOException, InterruptedException;

    /**
     * Whether {@link #accept()} returning means that a host connected (a TCP client, an in-process host). A serial
     * device or pty is open as soon as the simulator opens it, whether or not anything is at the other end; the
     * line then only knows of a host when its first request arrives.
     */
    default boolean acceptMeansAHost() {
        return true;
    }

    /** What a host connects to, e.g. "/dev/pts/7" or "127.0.0.1:5020". */
    String describe();

    @Override
    void close();
}
