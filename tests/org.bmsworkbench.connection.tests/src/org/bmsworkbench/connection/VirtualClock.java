package org.bmsworkbench.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;

/**
 * Time that passes only when the bus waits. A wait ends at once by moving the time to its end, unless that
 * lies beyond the horizon: then the time stops at the horizon and the waiting thread holds still until a test
 * moves the horizon on ({@link #runFor}). So the state a test sees after {@code runFor} is the state at that
 * exact time, whatever the speed of the machine. Without a horizon ({@link #release}) time runs freely.
 */
final class VirtualClock implements BusClock {

    /** How often a thread held at the horizon looks again, in real time, for a signal it may have missed. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Instant start;
    private long now;
    private long horizon;
    private boolean held;

    VirtualClock(Instant start) {
        this.start = start;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Instant instant() {
        return start.plusNanos(now);
    }

    /** Virtual time since the start. */
    synchronized Duration elapsed() {
        return Duration.ofNanos(now);
    }

    @Override
    public long awaitNanos(Condition condition, long nanos) throws InterruptedException {
        long target;
        synchronized (this) {
            target = now + Math.max(0, nanos);
            if (target <= horizon) {
                advanceTo(target);
                return 0;
            }
            advanceTo(horizon);
            held = true;
            notifyAll();
        }
        // still holding the bus's lock: wait on its condition, so a command or close wakes the bus at once
        condition.awaitNanos(RECHECK_NANOS);
        synchronized (this) {
            return target - now;
        }
    }

    @Override
    public synchronized void parkNanos(long nanos) {
        long target = now + Math.max(0, nanos);
        while (target > horizon) {
            advanceTo(horizon);
            held = true;
            notifyAll();
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        advanceTo(target);
    }

    private void advanceTo(long t) {
        if (t > now) {
            now = t;
            held = false;
        }
    }

    /**
     * Lets {@code d} of virtual time pass and returns once the bus stands at the new horizon, waiting in real
     * time only for the bus thread to compute what happens meanwhile.
     */
    void runFor(Duration d) throws InterruptedException {
        runFor(d, () -> false);
    }

    /**
     * As {@link #runFor(Duration)}, but returns as soon as {@code enough} holds: for a bus thread that is held
     * by something other than time, e.g. a command waiting for the test. {@code enough} is asked without this
     * clock's lock, so it may touch the simulated rack.
     */
    void runFor(Duration d, BooleanSupplier enough) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (this) {
            horizon = now + d.toNanos();
            notifyAll();
        }
        while (!enough.getAsBoolean()) {
            synchronized (this) {
                if (held && now == horizon) {
                    return;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the bus did not reach " + Duration.ofNanos(horizon)
                            + " of virtual time; it is at " + Duration.ofNanos(now));
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, RECHECK_NANOS));
            }
        }
    }

    /** From now on time runs as fast as the bus waits, e.g. to let it close. */
    synchronized void release() {
        horizon = Long.MAX_VALUE;
        notifyAll();
    }
}
