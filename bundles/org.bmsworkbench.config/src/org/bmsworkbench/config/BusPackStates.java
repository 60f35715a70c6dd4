package org.bmsworkbench.config;

import java.util.Optional;

import org.bmsworkbench.connection.Buses;
import org.bmsworkbench.control.PackStates;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackSnapshot;

/**
 * The packs' values and link states straight from the buses, for the guarded writes of programs without the
 * workbench's views (the firmware command line, the firmware benchmark): what the bus last polled is what is shown.
 */
public final class BusPackStates implements PackStates {

    private final Buses buses;

    public BusPackStates(Buses buses) {
        this.buses = buses;
    }

    @Override
    public Optional<PackSnapshot> latest(String busId, int address) {
        return buses.bus(busId).flatMap(b -> b.latest(address));
    }

    @Override
    public PackLinkState state(String busId, int address) {
        return buses.bus(busId).flatMap(b -> b.packStates().stream()
                .filter(p -> p != null && p.address() == address).map(PackStatus::state).findFirst())
                .orElse(PackLinkState.OFFLINE);
    }
}
