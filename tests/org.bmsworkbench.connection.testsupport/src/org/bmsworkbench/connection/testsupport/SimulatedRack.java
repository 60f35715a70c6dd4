package org.bmsworkbench.connection.testsupport;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.Port;
import org.bmsworkbench.connection.WriteGuard;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.link.SimLinkProvider;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.InProcessEndpoint;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.Link;
import org.bmsworkbench.sim.wire.SimLine;

/**
 * A simulated modbus-native bus behind the real {@link Bus}, seen as the one bus of a {@link OneBusConnection}:
 * its packs' simulated time runs {@code speedUp} times faster than real time (0: frozen after 5 s), its line can
 * be given faults, every frame on it is kept, and the write guard is whatever the test installs.
 */
public class SimulatedRack extends OneBusConnection implements AutoCloseable {

    public final BmsProtocol protocol = new NativeModbusProtocol();
    public final SimBus sim;
    public final SimLine line;
    public final Faults faults = new Faults(11);
    public final List<FrameRecord> frames = new CopyOnWriteArrayList<>();
    public final Bus bus;
    public final String busId;
    private final InProcessEndpoint endpoint = new InProcessEndpoint();
    public volatile WriteGuard guard = WriteGuard.NONE;

    /**
     * @param busOptions extra options of the bus spec, e.g. {@code ",interval=20"}
     */
    public SimulatedRack(String busId, int packs, int cells, int temps, double speedUp, String busOptions)
            throws Exception {
        this.busId = busId;
        List<PackSpec> specs = new ArrayList<>();
        for (int a = 1; a <= packs; a++) {
            specs.add(PackSpec.typical(a, cells, temps));
        }
        sim = new SimBus(specs, protocol.parameterDefinitions(), 7, LocalDateTime.of(2026, 7, 1, 8, 0), 1);
        sim.advance(5);
        if (speedUp > 0) {
            sim.start(speedUp);
        }
        line = new SimLine(sim, protocol.deviceCodec().orElseThrow(), endpoint, LineTiming.none(), faults, m -> { });
        line.start();
        BusEvents events = new BusEvents() {
            @Override
            public void frame(FrameRecord record) {
                frames.add(record);
            }
        };
        BusSettings settings = BusSettings.parse("sim:" + packs + ",cells=" + cells + ",temps=" + temps + busOptions,
                LinkLookup.of(new SimLinkProvider()));
        bus = new Bus(busId, settings, protocol, this::connect, events, Clock.systemUTC(), m -> { }, () -> guard);
        attach(bus, busId, protocol.id());
        judgedProtocol = protocol;
        bus.start();
        await(() -> bus.packStates().stream().allMatch(p -> p != null && p.state() == PackLinkState.ONLINE),
                "every pack online", 20);
    }

    private Port connect() throws IOException {
        Link link = endpoint.connect();
        return Port.of("in-process", link.in(), link.out(), link::close);
    }

    /** Frames sent that change a pack (writes and control), as the line saw them. */
    public long changingFramesSent() {
        return frames.stream().filter(f -> f.direction() == FrameRecord.Direction.TX)
                .filter(f -> protocol.changesDevice(f.bytes())).count();
    }

    public Optional<PackSnapshot> latest(int address) {
        return bus.latest(address);
    }

    public PackLinkState state(int address) {
        return bus.packStates().stream().filter(p -> p != null && p.address() == address).map(PackStatus::state)
                .findFirst().orElse(PackLinkState.OFFLINE);
    }

    @Override
    public void close() {
        bus.close();
        line.close();
        endpoint.close();
        sim.close();
    }
}
