package org.bmsworkbench.sim.wire;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulated line has seen and done, for the command line's status and for tests. */
public final class LineStats {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong replies = new AtomicLong();
    final AtomicLong silent = new AtomicLong();
    final AtomicLong noiseBytes = new AtomicLong();
    final AtomicLong discardedPartials = new AtomicLong();
    final AtomicLong connections = new AtomicLong();
    private final Map<Fault, AtomicLong> faults = new EnumMap<>(Fault.class);

    LineStats() {
        for (Fault f : Fault.values()) {
            faults.put(f, new AtomicLong());
        }
    }

    void fault(Fault f) {
        faults.get(f).incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long replies() {
        return replies.get();
    }

    /** Requests no board answered (absent address, broadcast, bad checksum, a board asleep). */
    public long silent() {
        return silent.get();
    }

    public long noiseBytes() {
        return noiseBytes.get();
    }

    public long connections() {
        return connections.get();
    }

    public long faults(Fault f) {
        return faults.get(f).get();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(requests()).append(" requests, ").append(replies()).append(" replies, ").append(silent())
                .append(" unanswered");
        for (Fault f : Fault.values()) {
            long n = faults(f);
            if (n > 0) {
                sb.append(", ").append(f.key()).append(' ').append(n);
            }
        }
        if (noiseBytes() > 0) {
            sb.append(", ").append(noiseBytes()).append(" noise bytes dropped");
        }
        return sb.toString();
    }
}
