package org.bmsworkbench.records;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.testsupport.OneBusConnection;
import org.bmsworkbench.connection.Port;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.PackLinkState;
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
 * A real {@link Bus} over an in-process simulated line, whose packs store a data record every simulated minute:
 * the record rings the reader must read. Every frame on the line is kept.
 */
final class RecordRack extends OneBusConnection implements AutoCloseable {

    static final String BUS = "bus-r";

    final BmsProtocol protocol = new NativeModbusProtocol();
    final SimBus sim;
    final SimLine line;
    final InProcessEndpoint endpoint = new InProcessEndpoint();
    final List<FrameRecord> frames = new CopyOnWriteArrayList<>();
    final Bus bus;

    /** {@code packs} packs; pack 1 stores {@code records} data records before the bus opens. */
    RecordRack(int packs, int records, LocalDateTime start) throws Exception {
        List<PackSpec> specs = new ArrayList<>();
        for (int a = 1; a <= packs; a++) {
            specs.add(PackSpec.typical(a, 16, 4));
        }
        sim = new SimBus(specs, protocol.parameterDefinitions(), 7, start, 10);
        sim.pack(1).writeParameters(Map.of("storageInterval", 1.0));
        sim.advance(records * 60.0 + 5);
        line = new SimLine(sim, protocol.deviceCodec().orElseThrow(), endpoint, LineTiming.none(), new Faults(11),
                m -> { });
        line.start();
        BusEvents events = new BusEvents() {
            @Override
            public void frame(FrameRecord record) {
                frames.add(record);
            }
        };
        BusSettings settings = BusSettings.parse("sim:" + packs + ",cells=16,temps=4,interval=20,timeout=150",
                LinkLookup.of(new SimLinkProvider()));
        bus = new Bus(BUS, settings, protocol, this::connect, events, Clock.systemUTC(), m -> { });
        attach(bus, BUS, protocol.id());
        bus.start();
        await(() -> bus.packStates().stream().allMatch(p -> p.state() == PackLinkState.ONLINE), "every pack online");
    }

    private Port connect() throws IOException {
        Link link = endpoint.connect();
        return Port.of("in-process", link.in(), link.out(), link::close);
    }

    /** Stores {@code n} more data records on pack 1 (its interval is a minute). */
    void storeMore(int n) {
        sim.advance(n * 60.0);
    }

    boolean online(int address) {
        return bus.packStates().stream().anyMatch(p -> p.address() == address && p.state() == PackLinkState.ONLINE);
    }

    long framesTo(int address, FrameRecord.Direction direction) {
        return frames.stream().filter(f -> f.address() == address && f.direction() == direction).count();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        OneBusConnection.await(condition, what, 60);
    }

    @Override
    public void close() {
        bus.close();
        line.close();
        endpoint.close();
        sim.close();
    }
}
