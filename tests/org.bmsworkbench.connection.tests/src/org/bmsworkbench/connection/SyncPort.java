package org.bmsworkbench.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.wire.Fault;
import org.bmsworkbench.sim.wire.Faults;

/**
 * A port whose boards answer on the writing thread: each whole request is answered by the simulated rack at
 * once, and the reply becomes readable {@code latencyNanos} later on the virtual clock. No other thread is
 * involved, so what the bus sees depends only on the virtual time. Requests to the addresses in {@code deaf}
 * get no answer, as if that pack's cable were cut. The line faults of {@link Faults} (dropped, corrupted,
 * re-addressed and delayed replies, garbage and echoes) are applied as {@link org.bmsworkbench.sim.wire.SimLine}
 * applies them; a disconnect is not.
 */
final class SyncPort implements Port {

    private final SimBus sim;
    private final DeviceCodec codec;
    private final BusClock clock;
    private final long latencyNanos;
    private final Set<Integer> deaf;
    private final Faults faults;
    private final Random random = new Random(11);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final ArrayDeque<Byte> replies = new ArrayDeque<>();
    private long readableAt;
    private volatile boolean closed;

    SyncPort(SimBus sim, DeviceCodec codec, BusClock clock, long latencyNanos, Set<Integer> deaf, Faults faults) {
        this.faults = faults;
        this.sim = sim;
        this.codec = codec;
        this.clock = clock;
        this.latencyNanos = latencyNanos;
        this.deaf = deaf;
    }

    private final InputStream in = new InputStream() {
        @Override
        public int available() throws IOException {
            check();
            return clock.nanoTime() >= readableAt ? replies.size() : 0;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = Math.min(len, available());
            for (int i = 0; i < n; i++) {
                b[off + i] = replies.poll();
            }
            return n;
        }
    };

    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            written.write(b, off, len);
            answer();
        }
    };

    private void answer() {
        byte[] buffer = written.toByteArray();
        int length = buffer.length;
        int r;
        while (length > 0 && (r = codec.scan(buffer, length)) != 0) {
            int used = Math.min(Math.abs(r), length);
            byte[] request = Arrays.copyOf(buffer, used);
            buffer = Arrays.copyOfRange(buffer, used, length);
            length -= used;
            if (r < 0 || deaf.contains(codec.addressOf(request))) {
                continue;
            }
            sim.lineActivity(codec.addressOf(request));
            Optional<byte[]> reply;
            synchronized (sim) {
                reply = codec.answer(request, sim);
            }
            Faults.Decision decision = faults.next();
            byte[] wire = onTheLine(request, reply.orElse(null), decision);
            for (byte x : wire) {
                replies.add(x);
            }
            if (wire.length > 0) {
                readableAt = clock.nanoTime() + latencyNanos
                        + (decision.has(Fault.DELAY) ? Math.round(decision.delayMillis() * 1e6) : 0);
            }
        }
        written.reset();
        written.write(buffer, 0, length);
    }

    /** What reaches the host for {@code reply} under the line faults of {@code decision}. */
    private byte[] onTheLine(byte[] request, byte[] reply, Faults.Decision decision) {
        if (reply != null && decision.has(Fault.DROP)) {
            reply = null;
        }
        if (reply != null && decision.has(Fault.WRONG_ADDRESS)) {
            int address = codec.addressOf(request);
            reply = codec.readdressed(reply, address == 1 ? 2 : address - 1).orElse(reply);
        }
        if (reply != null && decision.has(Fault.CORRUPT)) {
            reply = reply.clone();
            reply[random.nextInt(reply.length)] ^= (byte) (1 << random.nextInt(8));
        }
        byte[] wire = reply == null ? new byte[0] : reply;
        if (decision.has(Fault.GARBAGE)) {
            byte[] junk = new byte[3 + random.nextInt(18)];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = (byte) random.nextInt(256);
            }
            wire = concat(junk, wire);
        }
        if (decision.has(Fault.ECHO)) {
            wire = concat(request, wire);
        }
        return wire;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private void check() throws IOException {
        if (closed) {
            throw new IOException("sync port closed");
        }
    }

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
        return "sync";
    }

    @Override
    public void close() {
        closed = true;
    }
}
