package org.bmsworkbench.connection;

import java.util.List;

import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.LinkStatistics;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackSnapshot;

/**
 * Where a {@link Bus} reports what happens on it. In the workbench this posts to EventAdmin
 * ({@link EventAdminEvents}); tests and the command line collect or print instead. Called on the bus's own
 * thread: implementations must return quickly and must not call back into the bus.
 */
public interface BusEvents {

    default void busState(BusStatus status) {
    }

    default void packState(PackStatus status) {
    }

    default void snapshot(PackData data) {
    }

    default void flag(FlagChange change) {
    }

    default void link(LinkStatistics statistics) {
    }

    default void frame(FrameRecord record) {
    }

    default void progress(CommandProgress progress) {
    }

    /**
     * A pack was polled: {@code snapshot} is what it answered, {@code null} when it did not answer. Not
     * posted to EventAdmin (the snapshot goes there as {@link PackData}); for the command line and benchmarks.
     */
    default void visited(String busId, int address, PackSnapshot snapshot) {
    }

    /**
     * Every pack has been polled once more (or skipped because it is offline and backed off) since the last
     * sweep; {@code number} counts from 1. Not posted to EventAdmin.
     */
    default void sweep(String busId, long number) {
    }

    /** Reports to each of {@code sinks} in turn. */
    static BusEvents all(List<BusEvents> sinks) {
        List<BusEvents> copy = List.copyOf(sinks);
        return new BusEvents() {
            @Override
            public void busState(BusStatus s) {
                copy.forEach(e -> e.busState(s));
            }

            @Override
            public void packState(PackStatus s) {
                copy.forEach(e -> e.packState(s));
            }

            @Override
            public void snapshot(PackData d) {
                copy.forEach(e -> e.snapshot(d));
            }

            @Override
            public void flag(FlagChange c) {
                copy.forEach(e -> e.flag(c));
            }

            @Override
            public void link(LinkStatistics s) {
                copy.forEach(e -> e.link(s));
            }

            @Override
            public void frame(FrameRecord r) {
                copy.forEach(e -> e.frame(r));
            }

            @Override
            public void progress(CommandProgress p) {
                copy.forEach(e -> e.progress(p));
            }

            @Override
            public void visited(String busId, int address, PackSnapshot snapshot) {
                copy.forEach(e -> e.visited(busId, address, snapshot));
            }

            @Override
            public void sweep(String busId, long number) {
                copy.forEach(e -> e.sweep(busId, number));
            }
        };
    }
}
