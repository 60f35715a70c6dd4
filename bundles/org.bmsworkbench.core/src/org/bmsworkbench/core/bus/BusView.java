package org.bmsworkbench.core.bus;

import java.util.List;

import org.bmsworkbench.events.BusStatus;

/**
 * One bus and its packs, by ascending address.
 *
 * @param status the last state the bus reported
 * @param packs  its packs
 */
public record BusView(BusStatus status, List<PackView> packs) {

    public BusView {
        packs = List.copyOf(packs);
    }

    public String busId() {
        return status.busId();
    }
}
