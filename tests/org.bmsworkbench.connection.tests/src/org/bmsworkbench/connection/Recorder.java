package org.bmsworkbench.connection;

import java.time.Duration;
import java.util.List;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.BooleanSupplier;

import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.LinkStatistics;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackStatus;

/** Keeps everything a bus reports, for assertions from the test thread. */
final class Recorder implements BusEvents {

    final List<BusStatus> buses = new Appended<>();
    final List<PackStatus> packs = new Appended<>();
    final List<PackData> snapshots = new Appended<>();
    final List<FlagChange> flags = new Appended<>();
    final List<LinkStatistics> links = new Appended<>();
    final List<FrameRecord> frames = new Appended<>();
    final List<CommandProgress> progress = new Appended<>();
    volatile long sweeps;

    @Override
    public void busState(BusStatus s) {
        buses.add(s);
    }

    @Override
    public void packState(PackStatus s) {
        packs.add(s);
    }

    @Override
    public void snapshot(PackData d) {
        snapshots.add(d);
    }

    @Override
    public void flag(FlagChange c) {
        flags.add(c);
    }

    @Override
    public void link(LinkStatistics s) {
        links.add(s);
    }

    @Override
    public void frame(FrameRecord r) {
        frames.add(r);
    }

    @Override
    public void progress(CommandProgress p) {
        progress.add(p);
    }

    @Override
    public void sweep(String busId, long number) {
        sweeps = number;
    }

    long snapshotsOf(int address) {
        return snapshots.stream().filter(d -> d.address() == address).count();
    }

    /** Waits for {@code condition}, failing with {@code what} after {@code timeout}. */
    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /**
     * Appended to by the bus thread and read by the test thread while the bus runs. A bus on the virtual clock
     * reports tens of thousands of frames in a second of real time, too many to copy the whole list at each
     * one as a copy-on-write list does; elements are never removed or replaced, so a reader sees a prefix.
     */
    static final class Appended<T> extends AbstractList<T> implements RandomAccess {
        private volatile Object[] items = new Object[256];
        private volatile int size;

        @Override
        public synchronized boolean add(T item) {
            Object[] a = items;
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size] = item;
            items = a;
            size = size + 1;
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            int n = size;
            Objects.checkIndex(index, n);
            return (T) items[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
