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
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.InProcessEndpoint;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.Link;
import org.bmsworkbench.sim.wire.SimLine;

/**
 * The simulator inside the workbench: a {@link SimBus} of packs at the bus's addresses, running in real
 * time (times the speed-up), behind an in-process line with the wire timing of the chosen baud rate. Its
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
        for (int address : addresses) {
            if (address < 1 || address > 247) {
                throw new IllegalArgumentException("a simulated pack cannot sit at address " + address);
            }
            specs.add(PackSpec.typical(address, sim.cells(), sim.sensors()));
        }
        bus = new SimBus(specs, definitions, sim.seed(), LocalDateTime.now(), 1.0);
        LineTiming timing = sim.baud() == 0 ? LineTiming.none() : new LineTiming(sim.baud(), 10, sim.turnaround());
        line = new SimLine(bus, codec, endpoint, timing, new Faults(sim.seed()), log);
        bus.start(sim.speed());
        line.start();
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
