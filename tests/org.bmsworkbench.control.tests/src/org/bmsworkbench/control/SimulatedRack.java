package org.bmsworkbench.control;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.bmsworkbench.connection.testsupport.OneBusConnection;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.PackSnapshot;

/**
 * Two or more simulated packs (16 cells, 4 sensors, simulated time frozen) behind the real {@code Bus}, seen through
 * the {@link org.bmsworkbench.connection.ConnectionService} and {@link PackStates} the write service uses.
 */
final class SimulatedRack extends org.bmsworkbench.connection.testsupport.SimulatedRack implements PackStates {

    static final String BUS = "bus-g";

    SimulatedRack(int packs) throws Exception {
        super(BUS, packs, 16, 4, 0, ",interval=20");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        OneBusConnection.await(condition, what, 20);
    }

    @Override
    public Optional<PackSnapshot> latest(String busId, int address) {
        return BUS.equals(busId) ? latest(address) : Optional.empty();
    }

    @Override
    public PackLinkState state(String busId, int address) {
        return state(address);
    }
}
