package org.bmsworkbench.sim.wire;

import java.io.Closeable;
import java.io.IOException;

/** Where the simulated line meets its host: a pseudo-terminal, a TCP port, or an in-process pipe. */
public interface Endpoint extends Closeable {

    /** Waits for the next connection of a host; throws once the endpoint is closed. */
    Link accept() throws IOException, InterruptedException;

    /** What a host connects to, e.g. "/dev/pts/7" or "127.0.0.1:5020". */
    String describe();

    @Override
    void close();
}
