package org.bmsworkbench.control;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.testsupport.OneBusConnection;
import org.bmsworkbench.connection.Port;
import org.bmsworkbench.connection.WriteGuard;
import org.bmsworkbench.events.FrameRecord;
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
 * One simulated bus behind the real {@link Bus}, seen through the {@link ConnectionService} interface the write
 * service uses; the guard is whatever the test installs. Every frame on the line is kept.
 */
final class SimulatedRack extends OneBusConnection implements PackStates, AutoCloseable {

    static final String BUS = "bus-g";

    final BmsProtocol protocol = new NativeModbusProtocol();
    final SimBus sim;
    final SimLine line;
    final InProcessEndpoint endpoint = new InProcessEndpoint();
    final List<FrameRecord> frames = new CopyOnWriteArrayList<>();
    final Bus bus;
    volatile WriteGuard guard = WriteGuard.NONE;

    SimulatedRack(int packs) throws Exception {
        List<PackSpec> specs = new ArrayList<>();
        for (int a = 1; a <= packs; a++) {
            specs.add(PackSpec.typical(a, 16, 4));
        }
        sim = new SimBus(specs, protocol.parameterDefinitions(), 7, LocalDateTime.of(2026, 7, 1, 8, 0), 1);
        sim.advance(5);
        line = new SimLine(sim, protocol.deviceCodec().orElseThrow(), endpoint, LineTiming.none(), new Faults(11),
                m -> { });
        line.start();
        BusEvents events = new BusEvents() {
            @Override
            public void frame(FrameRecord record) {
                frames.add(record);
            }
        };
        BusSettings settings = BusSettings.parse("sim:" + packs + ",cells=16,temps=4,interval=20",
                LinkLookup.of(new SimLinkProvider()));
        bus = new Bus(BUS, settings, protocol, this::connect, events, Clock.systemUTC(), m -> { }, () -> guard);
        attach(bus, BUS, protocol.id());
        bus.start();
        await(() -> bus.packStates().stream().allMatch(p -> p.state() == org.bmsworkbench.events.PackLinkState.ONLINE),
                "every pack online");
    }

    private Port connect() throws IOException {
        Link link = endpoint.connect();
        return Port.of("in-process", link.in(), link.out(), link::close);
    }

    /** Frames sent to a pack that change it (writes and control), as the line saw them. */
    long changingFramesSent() {
        return frames.stream().filter(f -> f.direction() == FrameRecord.Direction.TX)
                .filter(f -> protocol.changesDevice(f.bytes())).count();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        OneBusConnection.await(condition, what, 20);
    }

    @Override
    public Optional<PackSnapshot> latest(String busId, int address) {
        return BUS.equals(busId) ? bus.latest(address) : Optional.empty();
    }

    @Override
    public org.bmsworkbench.events.PackLinkState state(String busId, int address) {
        return bus.packStates().stream().filter(p -> p.address() == address).map(PackStatus::state).findFirst()
                .orElse(org.bmsworkbench.events.PackLinkState.OFFLINE);
    }

    @Override
    public void close() {
        bus.close();
        line.close();
        endpoint.close();
        sim.close();
    }
}
