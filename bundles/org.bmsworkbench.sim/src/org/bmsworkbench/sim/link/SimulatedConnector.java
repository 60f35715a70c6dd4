package org.bmsworkbench.sim.link;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bmsworkbench.connection.Connector;
import org.bmsworkbench.connection.Port;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.sim.CurrentProfile;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.InProcessEndpoint;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.Link;
import org.bmsworkbench.sim.wire.SimLine;

/**
 * The simulator inside the workbench: a {@link SimBus} of packs at the bus's addresses, running in real
 * time (times the speed-up), following the transport's profile (by default charge and discharge cycles, each pack
 * at another point of the cycle), behind an in-process line with the wire timing of the chosen baud rate. Its
 * faults can be switched on at run time, so the bus's recovery is seen exactly as on a real line.
 */
public final class SimulatedConnector implements Connector {

    private final SimBus bus;
    private final SimLine line;
    private final InProcessEndpoint endpoint = new InProcessEndpoint();

    /**
     * @param definitions the parameter page the boards keep (the native page; the boards also answer to the
     *                    other protocols' names for the same settings)
     */
    public SimulatedConnector(SimulatedTransport sim, BmsProtocol protocol, List<ParameterDefinition> definitions,
            List<Integer> addresses, Consumer<String> log) {
        DeviceCodec codec = protocol.deviceCodec().orElseThrow(() -> new IllegalArgumentException(
                protocol.displayName() + " has no simulated device side; choose another protocol for the simulated bus"));
        List<PackSpec> specs = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            int address = addresses.get(i);
            if (address < 1 || address > 247) {
                throw new IllegalArgumentException("a simulated pack cannot sit at address " + address);
            }
            PackSpec spec = PackSpec.typical(address, sim.cells(), sim.sensors());
            specs.add(sim.cycling() ? spec.withInitialSoc(startingSoc(i, addresses.size())) : spec);
        }
        bus = new SimBus(specs, definitions, sim.seed(), LocalDateTime.now(), 1.0);
        for (int i = 0; i < addresses.size(); i++) {
            bus.pack(addresses.get(i)).setProfile(profile(sim, i));
            if (sim.records() > 0) {
                bus.pack(addresses.get(i)).storePastRecords(sim.records(), sim.records() / 5);
            }
        }
        LineTiming timing = sim.baud() == 0 ? LineTiming.none() : new LineTiming(sim.baud(), 10, sim.turnaround());
        line = new SimLine(bus, codec, endpoint, timing, new Faults(sim.seed()), log);
        bus.start(sim.speed());
        line.start();
    }

    /**
     * Where pack {@code index} of {@code count} starts a cycle: spread over 20..80 %, so that the packs are out of
     * phase (a single pack starts at 60 % as before).
     */
    static double startingSoc(int index, int count) {
        return count <= 1 ? 60 : 20 + 60.0 * index / (count - 1);
    }

    /** The pack's profile: a cycle starts charging on even packs and discharging on odd ones. */
    static CurrentProfile profile(SimulatedTransport sim, int index) {
        CurrentProfile p = CurrentProfile.parse(sim.profile());
        return sim.cycling() ? CurrentProfile.cycle(((CurrentProfile.Cycle) p).cRate(), index % 2 == 1) : p;
    }

    @Override
    public Port open() throws IOException {
        Link link = endpoint.connect();
        return Port.of("simulated bus", link.in(), link.out(), link::close);
    }

    /** The simulated packs, to change their profile or read their true values. */
    public SimBus simBus() {
        return bus;
    }

    /** The simulated line, to switch faults and read its counters. */
    public SimLine line() {
        return line;
    }

    @Override
    public void close() {
        line.close();
        endpoint.close();
        bus.close();
    }
}
