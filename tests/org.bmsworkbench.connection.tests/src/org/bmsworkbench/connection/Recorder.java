package org.bmsworkbench.connection;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    final List<BusStatus> buses = new CopyOnWriteArrayList<>();
    final List<PackStatus> packs = new CopyOnWriteArrayList<>();
    final List<PackData> snapshots = new CopyOnWriteArrayList<>();
    final List<FlagChange> flags = new CopyOnWriteArrayList<>();
    final List<LinkStatistics> links = new CopyOnWriteArrayList<>();
    final List<FrameRecord> frames = new CopyOnWriteArrayList<>();
    final List<CommandProgress> progress = new CopyOnWriteArrayList<>();
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
}
