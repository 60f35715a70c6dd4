package org.bmsworkbench.sim.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.sim.SimBus;

/**
 * The simulated bus on a line: takes host connections from an {@link Endpoint}, cuts requests out of the
 * bytes with the protocol's {@link DeviceCodec}, lets the boards answer, and puts the answers on the line
 * with the wire timing (a request is complete only when its last byte would have arrived at the baud rate,
 * the board waits its turnaround, and the reply's bytes leave at the baud rate) and any injected faults.
 */
public final class SimLine implements AutoCloseable {

    private static final int MAX_BUFFER = 8192;
    private static final byte[] EOF = new byte[0];

    private final SimBus bus;
    private final DeviceCodec codec;
    private final Endpoint endpoint;
    private final Faults faults;
    private final LineStats stats = new LineStats();
    private final Consumer<String> log;
    private volatile LineTiming timing;
    private volatile boolean running;
    private volatile Link current;
    /** Whether the host of the current link is known to be there: it connected, or it sent a request. */
    private boolean hostSeen;
    private Thread thread;

    /**
     * @param log receives one line per connection change and per line problem (not per frame)
     */
    public SimLine(SimBus bus, DeviceCodec codec, Endpoint endpoint, LineTiming timing, Faults faults,
            Consumer<String> log) {
        this.bus = bus;
        this.codec = codec;
        this.endpoint = endpoint;
        this.timing = timing;
        this.faults = faults;
        this.log = log;
    }

    public LineStats stats() {
        return stats;
    }

    public Faults faults() {
        return faults;
    }

    public LineTiming timing() {
        return timing;
    }

    public void setTiming(LineTiming timing) {
        this.timing = timing;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "bmsw-sim-line " + endpoint.describe());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            Link link;
            try {
                link = endpoint.accept();
            } catch (IOException e) {
                if (running) {
                    log.accept("the line " + endpoint.describe() + " failed: " + e.getMessage());
                    running = false;
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            stats.connections.incrementAndGet();
            current = link;
            hostSeen = endpoint.acceptMeansAHost();
            log.accept(hostSeen ? "host connected: " + link.name()
                    : "opened " + link.name() + "; no request from a host yet");
            double down = serve(link);
            current = null;
            link.close();
            if (down > 0 && running) {
                log.accept("line down for " + down + " s (disconnect fault)");
                sleepSeconds(down);
            } else if (running && hostSeen) {
                log.accept("host disconnected: " + link.name());
            }
        }
    }

    private static void sleepSeconds(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers one connection until it breaks; returns the down time of a disconnect fault, or 0. */
    private double serve(Link link) {
        BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(link.in(), chunks), "bmsw-sim-reader " + link.name());
        reader.setDaemon(true);
        reader.start();
        byte[] buffer = new byte[MAX_BUFFER];
        int length = 0;
        long frameStart = 0;
        long lastByte = 0;
        try {
            while (running) {
                byte[] chunk = chunks.poll(length == 0 ? 200_000_000L : timing.silenceNanos(), TimeUnit.NANOSECONDS);
                long now = System.nanoTime();
                if (chunk == null) {
                    if (length > 0 && now - lastByte >= timing.silenceNanos()) {
                        // a frame cut short: a board's frame timer throws it away
                        stats.discardedPartials.incrementAndGet();
                        length = 0;
                    }
                    continue;
                }
                if (chunk == EOF) {
                    return 0;
                }
                if (length == 0) {
                    frameStart = now;
                }
                lastByte = now;
                int n = Math.min(chunk.length, buffer.length - length);
                System.arraycopy(chunk, 0, buffer, length, n);
                length += n;
                while (length > 0) {
                    int r = codec.scan(buffer, length);
                    if (r == 0) {
                        if (length == buffer.length) {
                            stats.noiseBytes.addAndGet(length);
                            length = 0;
                        }
                        break;
                    }
                    int used = Math.min(Math.abs(r), length);
                    byte[] frame = Arrays.copyOf(buffer, used);
                    System.arraycopy(buffer, used, buffer, 0, length - used);
                    length -= used;
                    if (r < 0) {
                        stats.noiseBytes.addAndGet(used);
                        continue;
                    }
                    if (!hostSeen) {
                        hostSeen = true;
                        log.accept("host connected: " + link.name() + " (its first request arrived)");
                    }
                    double down = handle(frame, frameStart, link.out());
                    frameStart = System.nanoTime();
                    if (down > 0) {
                        return down;
                    }
                }
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (IOException e) {
            if (running) {
                log.accept("writing to " + link.name() + " failed: " + e.getMessage());
            }
            return 0;
        } finally {
            reader.interrupt();
        }
    }

    private void read(InputStream in, BlockingQueue<byte[]> chunks) {
        byte[] b = new byte[1024];
        try {
            while (true) {
                int n = in.read(b);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    chunks.add(Arrays.copyOf(b, n));
                }
            }
        } catch (IOException e) {
            // the link closed or broke: the serving loop ends on EOF below
        }
        chunks.add(EOF);
    }

    /** Answers one request; returns the down time when a disconnect fault hits, else 0. */
    private double handle(byte[] request, long frameStart, OutputStream out) throws IOException {
        stats.requests.incrementAndGet();
        LineTiming t = timing;
        int address = codec.addressOf(request);
        bus.lineActivity(address);
        long requestEnd = frameStart + request.length * t.characterNanos();
        Faults.Decision decision = faults.next();
        if (decision.has(Fault.DISCONNECT)) {
            stats.fault(Fault.DISCONNECT);
            return Math.max(0.001, decision.downSeconds());
        }
        Optional<byte[]> answer;
        synchronized (bus) {
            answer = codec.answer(request, bus);
        }
        byte[] reply = answer.orElse(null);
        if (reply == null) {
            stats.silent.incrementAndGet();
        }
        if (reply != null && decision.has(Fault.DROP)) {
            stats.fault(Fault.DROP);
            reply = null;
        }
        if (reply != null && decision.has(Fault.WRONG_ADDRESS)) {
            int other = address == 1 ? 2 : address - 1;
            Optional<byte[]> moved = codec.readdressed(reply, other);
            if (moved.isPresent()) {
                stats.fault(Fault.WRONG_ADDRESS);
                reply = moved.get();
            }
        }
        if (reply != null && decision.has(Fault.CORRUPT)) {
            stats.fault(Fault.CORRUPT);
            reply = reply.clone();
            int at = faults.nextInt(reply.length);
            reply[at] ^= (byte) (1 << faults.nextInt(8));
        }
        byte[] wire = reply == null ? new byte[0] : reply;
        if (decision.has(Fault.GARBAGE)) {
            stats.fault(Fault.GARBAGE);
            byte[] junk = new byte[3 + faults.nextInt(18)];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = (byte) faults.nextInt(256);
            }
            wire = concat(junk, wire);
        }
        if (decision.has(Fault.ECHO)) {
            stats.fault(Fault.ECHO);
            wire = concat(request, wire);
        }
        long start = requestEnd + t.turnaroundNanos();
        if (decision.has(Fault.DELAY)) {
            stats.fault(Fault.DELAY);
            start += Math.round(decision.delayMillis() * 1e6);
        }
        if (wire.length == 0) {
            return 0;
        }
        if (reply != null) {
            stats.replies.incrementAndGet();
        }
        send(wire, start, t, out);
        return 0;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Writes {@code bytes} starting at {@code start} (nanoTime), each byte leaving at the baud rate. */
    private static void send(byte[] bytes, long start, LineTiming t, OutputStream out) throws IOException {
        waitUntil(start);
        long perChar = t.characterNanos();
        if (perChar == 0) {
            out.write(bytes);
            out.flush();
            return;
        }
        // bytes go out in slices of about 2 ms, each released when its last byte would have left the UART
        int slice = (int) Math.max(1, 2_000_000L / perChar);
        for (int i = 0; i < bytes.length; i += slice) {
            int n = Math.min(slice, bytes.length - i);
            waitUntil(start + (i + n) * perChar);
            out.write(bytes, i, n);
            out.flush();
        }
    }

    private static void waitUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** Closes the current host connection now (the disconnect fault, applied from outside). */
    public void dropConnection() {
        Link l = current;
        if (l != null) {
            l.close();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        endpoint.close();
        dropConnection();
        if (thread != null) {
            thread.interrupt();
        }
    }
}
