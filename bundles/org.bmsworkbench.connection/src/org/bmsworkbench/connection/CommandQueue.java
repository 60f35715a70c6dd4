package org.bmsworkbench.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The commands waiting for a bus, in their own order (for the bus: by priority, then first come), and the one
 * place the bus thread waits: for a command, for the next poll, or for the next try to open a port. A waiting
 * bus thread wakes at once when a command arrives or the bus closes ({@link #wake}).
 *
 * @param <E> a queued command
 */
final class CommandQueue<E extends Comparable<? super E>> {

    /** The longest the bus thread waits at a time, so it looks at its state at least once a second. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final PriorityQueue<E> queue = new PriorityQueue<>();
    private final BusClock clock;

    CommandQueue(BusClock clock) {
        this.clock = clock;
    }

    void add(E command) {
        lock.lock();
        try {
            queue.add(command);
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The first command, taken out; {@code null} when none waits. */
    E poll() {
        lock.lock();
        try {
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code command} out; false when it was not waiting (any more). */
    boolean remove(E command) {
        lock.lock();
        try {
            return queue.remove(command);
        } finally {
            lock.unlock();
        }
    }

    /** Takes out every waiting command, e.g. to fail them all when the port is gone. */
    List<E> removeAll() {
        lock.lock();
        try {
            List<E> all = new ArrayList<>(queue);
            queue.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a waiting bus thread, e.g. to close. */
    void wake() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code nanos} (at most a second) unless a command waits or {@code stop} holds. */
    void awaitWork(long nanos, BooleanSupplier stop) throws InterruptedException {
        lock.lock();
        try {
            if (queue.isEmpty() && !stop.getAsBoolean()) {
                clock.awaitNanos(wake, Math.min(nanos, MAX_WAIT_NANOS));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lets {@code nanos} pass, whatever is queued, unless {@code stop} comes to hold. */
    void pause(long nanos, BooleanSupplier stop) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (!stop.getAsBoolean() && left > 0) {
                left = clock.awaitNanos(wake, left);
            }
        } finally {
            lock.unlock();
        }
    }
}
