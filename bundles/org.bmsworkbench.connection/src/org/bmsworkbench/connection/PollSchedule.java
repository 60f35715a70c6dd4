package org.bmsworkbench.connection;

import java.util.function.IntPredicate;

/**
 * Which pack to poll next: the packs in the order of the settings, round-robin from the one polled last, each
 * when it is due. A pack is due again one poll interval after its poll started, or later when it is backed
 * off. Also counts sweeps: a sweep is over when every pack was polled, or skipped because it is only probed.
 * Times are monotonic nanoseconds from the bus's clock. Used by the bus thread only.
 */
final class PollSchedule {

    private final long[] dueNanos;
    private final long[] sweptBy;
    private final long intervalNanos;
    private int last = -1;
    private long sweeps;

    PollSchedule(int packs, long intervalNanos) {
        this.dueNanos = new long[packs];
        this.sweptBy = new long[packs];
        this.intervalNanos = intervalNanos;
    }

    /** Every pack is due at {@code now}, e.g. when the port has just opened. */
    void allDueAt(long now) {
        java.util.Arrays.fill(dueNanos, now);
    }

    /**
     * The next pack due at {@code now} after the one polled last, taken as the one polled now; or -1 when none
     * is due. Packs passed over that {@code onlyProbed} says are only probed count as swept.
     */
    int next(long now, IntPredicate onlyProbed) {
        int packs = dueNanos.length;
        for (int i = 1; i <= packs; i++) {
            int index = (last + i) % packs;
            if (dueNanos[index] - now <= 0) {
                last = index;
                return index;
            }
            if (onlyProbed.test(index)) {
                sweptBy[index] = sweeps + 1;
            }
        }
        return -1;
    }

    /** Nanoseconds from {@code now} until the first pack is due; at most 0 when one is due already. */
    long untilNext(long now) {
        long earliest = Long.MAX_VALUE;
        for (long due : dueNanos) {
            earliest = Math.min(earliest, due - now);
        }
        return earliest;
    }

    /** The poll of pack {@code index} started at {@code start}: it is due again one interval later. */
    void started(int index, long start) {
        dueNanos[index] = start + intervalNanos;
    }

    /** Pack {@code index} is next due at {@code at}, e.g. after a probe backoff. */
    void dueAt(int index, long at) {
        dueNanos[index] = at;
    }

    /** Pack {@code index} is polled again right away, before the round-robin moves on. */
    void again(int index, long now) {
        dueNanos[index] = now;
        last = (index - 1 + dueNanos.length) % dueNanos.length;
    }

    /** Pack {@code index} was polled in the current sweep. */
    void swept(int index) {
        sweptBy[index] = sweeps + 1;
    }

    /** Whether the current sweep is now complete; it then counts, and the next one begins. */
    boolean sweepComplete() {
        for (long s : sweptBy) {
            if (s <= sweeps) {
                return false;
            }
        }
        sweeps++;
        return true;
    }

    /** Sweeps completed. */
    long sweeps() {
        return sweeps;
    }
}
