package org.bmsworkbench.connection;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;

/**
 * The one source of time of a bus and its transaction runner: the monotonic time that schedules polls,
 * timeouts and backoff, the wall time stamped on what is reported, and the waiting between them. Tests put a
 * virtual clock here, so that seconds of scheduling pass without anyone waiting for them.
 */
interface BusClock {

    /** Monotonic nanoseconds, only meaningful as differences. */
    long nanoTime();

    /** The time stamped on states, snapshots and frames. */
    Instant instant();

    /**
     * Waits on {@code condition}, whose lock the caller holds, until it is signalled or {@code nanos} passed;
     * like {@link Condition#awaitNanos}, it may return early, and returns the nanoseconds left.
     */
    long awaitNanos(Condition condition, long nanos) throws InterruptedException;

    /** Lets {@code nanos} pass without holding anything, e.g. while a reply is on its way. */
    void parkNanos(long nanos);

    /** The system's monotonic time and waits, with {@code clock} for the time stamped on reports. */
    static BusClock system(Clock clock) {
        return new BusClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }

            @Override
            public long awaitNanos(Condition condition, long nanos) throws InterruptedException {
                return condition.awaitNanos(nanos);
            }

            @Override
            public void parkNanos(long nanos) {
                LockSupport.parkNanos(nanos);
            }
        };
    }
}
