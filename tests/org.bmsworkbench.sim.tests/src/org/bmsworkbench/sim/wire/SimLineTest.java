package org.bmsworkbench.sim.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.protocol.ydt1363.PylontechProtocol;
import org.bmsworkbench.protocol.ydt1363.SeplosV2Protocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated bus on an in-process line: what a master sees, with wire timing and injected faults. */
class SimLineTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private record Setup(SimBus bus, SimLine line, HostSide host, Link link, InProcessEndpoint endpoint) {
    }

    private Setup start(BmsProtocol protocol, LineTiming timing, int packs, int cells, int temps) throws IOException {
        List<PackSpec> specs = new ArrayList<>();
        for (int a = 1; a <= packs; a++) {
            specs.add(PackSpec.typical(a, cells, temps));
        }
        SimBus bus = new SimBus(specs, new NativeModbusProtocol().parameterDefinitions(), 11,
                LocalDateTime.of(2026, 5, 1, 12, 0), 0.1);
        bus.advance(1);
        InProcessEndpoint endpoint = new InProcessEndpoint();
        SimLine line = new SimLine(bus, protocol.deviceCodec().orElseThrow(), endpoint, timing, new Faults(3),
                m -> { });
        line.start();
        Link link = endpoint.connect();
        open.add(line);
        open.add(bus);
        return new Setup(bus, line, new HostSide(protocol, link), link, endpoint);
    }

    private static PackSnapshot read(HostSide host, BmsProtocol protocol, int address) throws Exception {
        PackSnapshot merged = null;
        for (Request r : protocol.requests(Command.ANALOG, address)) {
            HostSide.Outcome o = host.transact(r, 1000);
            assertFalse(o.timedOut(), "no reply to " + r + "; errors " + o.errors());
            PackSnapshot s = o.reply().packs().get(0);
            merged = merged == null ? s : merged.mergedWith(s);
        }
        return merged;
    }

    @Test
    void aMasterReadsEveryPackOfA176CellBusAsTheBoardsReportIt() throws Exception {
        BmsProtocol protocol = new NativeModbusProtocol();
        Setup s = start(protocol, LineTiming.none(), 3, 176, 33);
        for (int address = 1; address <= 3; address++) {
            PackSnapshot host = read(s.host(), protocol, address);
            PackSnapshot board = s.bus().pack(address).snapshot();
            assertEquals(176, host.cellCount());
            assertEquals(33, host.temperatureCount());
            assertArrayEquals(board.cellVoltages(), host.cellVoltages(), 0.0005);
            assertArrayEquals(board.temperatures(), host.temperatures(), 0.05);
            assertEquals(board.get(Quantity.VOLTAGE), host.get(Quantity.VOLTAGE), 0.001);
            assertEquals(board.get(Quantity.SOC), host.get(Quantity.SOC), 0.05);
        }
    }

    @Test
    void onADeviceTheHostIsAnnouncedOnlyWhenItsFirstRequestArrives() throws Exception {
        BmsProtocol protocol = new NativeModbusProtocol();
        SimBus bus = new SimBus(List.of(PackSpec.typical(1, 16, 4)), protocol.parameterDefinitions(), 11,
                LocalDateTime.of(2026, 5, 1, 12, 0), 0.1);
        open.add(bus);
        InProcessEndpoint pipes = new InProcessEndpoint();
        // A pty or serial device: open at once, whether or not a host is at its other end.
        Endpoint device = new Endpoint() {
            @Override
            public Link accept() throws IOException, InterruptedException {
                return pipes.accept();
            }

            @Override
            public boolean acceptMeansAHost() {
                return false;
            }

            @Override
            public String describe() {
                return "/dev/pts/99";
            }

            @Override
            public void close() {
                pipes.close();
            }
        };
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        SimLine line = new SimLine(bus, protocol.deviceCodec().orElseThrow(), device, LineTiming.none(), new Faults(3),
                log::add);
        line.start();
        open.add(line);
        Link link = pipes.connect();
        Thread.sleep(200);
        assertEquals(List.of("opened simulator; no request from a host yet"), List.copyOf(log));
        HostSide host = new HostSide(protocol, link);
        assertFalse(host.transact(protocol.requests(Command.ALARM_STATUS, 1).get(0), 1000).timedOut());
        assertEquals(List.of("opened simulator; no request from a host yet",
                "host connected: simulator (its first request arrived)"), List.copyOf(log));
    }

    @Test
    void anAbsentAddressStaysSilent() throws Exception {
        BmsProtocol protocol = new NativeModbusProtocol();
        Setup s = start(protocol, LineTiming.none(), 2, 16, 4);
        HostSide.Outcome o = s.host().transact(protocol.requests(Command.ALARM_STATUS, 7).get(0), 300);
        assertTrue(o.timedOut());
        assertTrue(o.errors().isEmpty(), "not a byte: " + o.errors());
        assertEquals(1, s.line().stats().silent());
    }

    @Test
    void bytesTakeTheirWireTime() throws Exception {
        BmsProtocol protocol = new NativeModbusProtocol();
        LineTiming timing = new LineTiming(9600, 10, 20);
        Setup s = start(protocol, timing, 1, 16, 4);
        Request summary = protocol.requests(Command.ALARM_STATUS, 1).get(0);
        HostSide.Outcome o = s.host().transact(summary, 2000);
        assertFalse(o.timedOut());
        // 8 request bytes + 125 reply bytes of 10 bits at 9600 baud, and 20 ms of turnaround
        double theory = (8 + 125) * 10 / 9600.0 + 0.020;
        double seconds = o.nanos() / 1e9;
        assertTrue(seconds >= theory - 0.002, "faster than the wire: " + seconds + " s < " + theory + " s");
        assertTrue(seconds < theory + 0.1, "much slower than the wire: " + seconds + " s for " + theory + " s");
    }

    @Test
    void injectedFaultsLookToTheMasterAsTheyWouldOnARealLine() throws Exception {
        BmsProtocol protocol = new NativeModbusProtocol();
        Setup s = start(protocol, LineTiming.none(), 2, 16, 4);
        Request r = protocol.requests(Command.ALARM_STATUS, 2).get(0);
        Faults faults = s.line().faults();

        faults.once(Fault.DROP);
        assertTrue(s.host().transact(r, 200).timedOut());

        faults.once(Fault.CORRUPT);
        HostSide.Outcome corrupt = s.host().transact(r, 200);
        assertTrue(corrupt.timedOut() && !corrupt.errors().isEmpty(), "a corrupt reply is dropped, with a reason: "
                + corrupt.errors());

        faults.once(Fault.ECHO);
        HostSide.Outcome echo = s.host().transact(r, 500);
        assertNotNull(echo.reply(), "the reply after the echo is read");
        assertTrue(echo.saw(Kind.ECHO), "echo reported: " + echo.errors());

        faults.once(Fault.GARBAGE);
        HostSide.Outcome garbage = s.host().transact(r, 500);
        assertNotNull(garbage.reply(), "the reply after the garbage is read: " + garbage.errors());

        faults.once(Fault.WRONG_ADDRESS);
        HostSide.Outcome wrong = s.host().transact(r, 200);
        assertTrue(wrong.timedOut(), "another pack's reply is not taken for this one");
        assertTrue(wrong.saw(Kind.WRONG_ADDRESS), "wrong address reported: " + wrong.errors());

        faults.once(Fault.DELAY);
        s.line().faults().set(Fault.DELAY, 0, 150);
        HostSide.Outcome late = s.host().transact(r, 1000);
        assertNotNull(late.reply());
        assertTrue(late.nanos() >= 150_000_000L, "delayed by 150 ms: " + late.nanos() / 1e6 + " ms");

        assertEquals(1, s.line().stats().faults(Fault.DROP));
        assertEquals(1, s.line().stats().faults(Fault.WRONG_ADDRESS));
    }

    @Test
    void aDisconnectBreaksTheLinkAndTheHostCanConnectAgain() throws Exception {
        BmsProtocol protocol = new NativeModbusProtocol();
        Setup s = start(protocol, LineTiming.none(), 1, 16, 4);
        s.line().faults().set(Fault.DISCONNECT, 0, 0.2);
        s.line().faults().once(Fault.DISCONNECT);
        Request r = protocol.requests(Command.ALARM_STATUS, 1).get(0);
        assertThrows(IOException.class, () -> {
            for (int i = 0; i < 50; i++) {
                s.host().transact(r, 100);
            }
        });
        Link again = s.endpoint().connect();
        HostSide host = new HostSide(protocol, again);
        assertNotNull(host.transact(r, 1000).reply());
        assertEquals(2, s.line().stats().connections());
    }

    @Test
    void faultsFollowTheirProbabilityAndTheSeed() {
        Faults a = new Faults(9);
        Faults b = new Faults(9);
        a.set("drop=0.2,corrupt=0.1");
        b.set("drop=0.2,corrupt=0.1");
        int drops = 0;
        for (int i = 0; i < 5000; i++) {
            Faults.Decision da = a.next();
            assertEquals(da, b.next());
            drops += da.has(Fault.DROP) ? 1 : 0;
        }
        assertEquals(1000, drops, 100);
        assertEquals("drop probability 2.0 is outside 0..1", Faults.problem("drop=2"));
        assertEquals("unknown fault 'melt' (drop, corrupt, delay, garbage, wrong-address, echo, disconnect)",
                Faults.problem("melt=0.1"));
    }

    @Test
    void yd1363PacksAnswerOnTheSameKindOfLine() throws Exception {
        for (BmsProtocol protocol : List.of(new PylontechProtocol(), new SeplosV2Protocol())) {
            Setup s = start(protocol, LineTiming.none(), 2, 16, 4);
            for (int address = 1; address <= 2; address++) {
                HostSide.Outcome o = s.host().transact(protocol.requests(Command.ANALOG, address).get(0), 1000);
                assertNotNull(o.reply(), protocol.id() + " pack " + address + ": " + o.errors());
                PackSnapshot host = o.reply().packs().get(0);
                PackSnapshot board = s.bus().pack(address).snapshot();
                assertArrayEquals(board.cellVoltages(), host.cellVoltages(), 0.0005, protocol.id());
                assertEquals(board.get(Quantity.CURRENT), host.get(Quantity.CURRENT), 0.051, protocol.id());
                assertEquals(board.get(Quantity.REMAINING_CAPACITY), host.get(Quantity.REMAINING_CAPACITY), 0.011);
            }
            s.line().faults().once(Fault.WRONG_ADDRESS);
            HostSide.Outcome wrong = s.host().transact(protocol.requests(Command.ANALOG, 2).get(0), 300);
            assertTrue(wrong.timedOut() && wrong.saw(Kind.WRONG_ADDRESS), protocol.id() + ": " + wrong.errors());
        }
    }
}
