package org.bmsworkbench.core.bus;

import java.time.Instant;
import java.util.List;

import org.bmsworkbench.events.PackLinkState;

/**
 * An immutable picture of every bus and pack at one moment.
 *
 * @param revision registry revision it was taken at
 * @param time     the moment the effective states were derived for
 * @param buses    buses in the order they first reported
 */
public record Overview(long revision, Instant time, List<BusView> buses) {

    public Overview {
        buses = List.copyOf(buses);
    }

    /** Number of buses that are open. */
    public int openBuses() {
        return (int) buses.stream().filter(b -> b.status().state().isLive()).count();
    }

    /** Number of packs in {@code state}, judged by their effective state. */
    public int packs(PackLinkState state) {
        return (int) buses.stream().flatMap(b -> b.packs().stream()).filter(p -> p.effectiveState() == state)
                .count();
    }

    /** Number of packs known on all buses. */
    public int totalPacks() {
        return buses.stream().mapToInt(b -> b.packs().size()).sum();
    }
}
