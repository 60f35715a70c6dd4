package org.bmsworkbench.sim.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The simulated line inside the same JVM: a host calls {@link #connect()} and gets the two streams of a
 * serial port; the simulator's side accepts the other ends. A disconnect fault closes both pipes, so the
 * host sees an I/O error exactly as when a USB adapter is pulled, and may connect again.
 */
public final class InProcessEndpoint implements Endpoint {

    private static final int PIPE_BYTES = 64 * 1024;
    private static final long CONNECT_WAIT_MILLIS = 2000;
    private final SynchronousQueue<Link> pending = new SynchronousQueue<>();
    private volatile boolean closed;

    /** The host's side of a new connection; blocks until the simulator's line takes it. */
    public Link connect() throws IOException {
        if (closed) {
            throw new IOException("the simulated bus is closed");
        }
        BytePipe toDevice = new BytePipe(PIPE_BYTES);
        BytePipe toHost = new BytePipe(PIPE_BYTES);
        Link device = link("simulator", toDevice.inputStream(), toHost.outputStream(), toDevice, toHost);
        try {
            // a line that is down (a disconnect fault) or closed takes nothing: the host sees a failed open
            if (!pending.offer(device, CONNECT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                device.close();
                throw new IOException("the simulated bus does not answer the connection");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to the simulated bus", e);
        }
        return link("in-process", toHost.inputStream(), toDevice.outputStream(), toDevice, toHost);
    }

    private static Link link(String name, InputStream in, OutputStream out, BytePipe a, BytePipe b) {
        return Link.of(name, in, out, () -> {
            a.close();
            b.close();
        });
    }

    @Override
    public Link accept() throws IOException, InterruptedException {
        if (closed) {
            throw new IOException("the simulated bus is closed");
        }
        return pending.take();
    }

    @Override
    public String describe() {
        return "in-process";
    }

    @Override
    public void close() {
        closed = true;
    }
}
