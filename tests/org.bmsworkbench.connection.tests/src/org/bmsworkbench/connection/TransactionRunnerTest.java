package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.wire.Fault;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.InProcessEndpoint;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.Link;
import org.bmsworkbench.sim.wire.SimLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactions against the simulated bus on an in-process line, with its faults. */
class TransactionRunnerTest {

    private final BmsProtocol protocol = new NativeModbusProtocol();
    private final List<AutoCloseable> open = new ArrayList<>();
    private SimBus bus;
    private SimLine line;
    private TransactionRunner runner;

    @BeforeEach
    void start() throws IOException {
        bus = new SimBus(List.of(PackSpec.typical(1, 16, 4), PackSpec.typical(2, 16, 4)),
                protocol.parameterDefinitions(), 21, LocalDateTime.of(2026, 6, 1, 0, 0), 0.1);
        bus.advance(1);
        InProcessEndpoint endpoint = new InProcessEndpoint();
        line = new SimLine(bus, protocol.deviceCodec().orElseThrow(), endpoint, LineTiming.none(), new Faults(2),
                m -> { });
        line.start();
        Link link = endpoint.connect();
        open.add(line);
        open.add(bus);
        runner = new TransactionRunner(port(link), 0, 10);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static Port port(Link link) {
        return Port.of(link.name(), link.in(), link.out(), link::close);
    }

    private Request summary(int address) throws Exception {
        return protocol.requests(Command.ALARM_STATUS, address).get(0);
    }

    @Test
    void aReplyIsDecodedOnTheFirstAttempt() throws Exception {
        Outcome o = runner.run(protocol, summary(2), 500, 2);
        assertTrue(o.ok());
        assertEquals(1, o.attempts());
        assertEquals(bus.pack(2).snapshot().get(Quantity.VOLTAGE), o.reply().packs().get(0).get(Quantity.VOLTAGE),
                0.001);
        assertEquals(8, o.bytesSent());
        assertEquals(125, o.bytesReceived());
    }

    @Test
    void aDroppedReplyIsRetriedAndCounted() throws Exception {
        line.faults().once(Fault.DROP);
        Outcome o = runner.run(protocol, summary(1), 150, 2);
        assertTrue(o.ok());
        assertEquals(2, o.attempts());
        assertEquals(1, o.timeouts());
    }

    @Test
    void aCorruptReplyNeverReachesTheCallerAsData() throws Exception {
        line.faults().set("corrupt=1");
        Outcome o = runner.run(protocol, summary(1), 150, 1);
        assertFalse(o.ok());
        assertNull(o.reply());
        assertEquals(2, o.attempts());
        assertFalse(o.errors().isEmpty(), "each corrupt frame is reported");
        line.faults().set("none");
        assertTrue(runner.run(protocol, summary(1), 500, 0).ok(), "the bus goes on");
    }

    @Test
    void anEchoAndGarbageAreDroppedAndTheReplyAfterThemIsTaken() throws Exception {
        line.faults().set("echo=1,garbage=1");
        Outcome o = runner.run(protocol, summary(2), 500, 0);
        assertTrue(o.ok(), "errors: " + o.errors());
        assertTrue(o.errors().stream().anyMatch(e -> e.kind() == Kind.ECHO), o.errors().toString());
    }

    @Test
    void anAbsentPackTimesOutAfterEveryRetry() throws Exception {
        Outcome o = runner.run(protocol, summary(9), 100, 2);
        assertTrue(o.timedOut());
        assertEquals(3, o.attempts());
        assertEquals(3, o.timeouts());
        assertEquals(0, o.bytesReceived());
    }

    @Test
    void aLostLineIsAnIoErrorForTheCaller() throws Exception {
        line.faults().once(Fault.DISCONNECT);
        assertThrows(IOException.class, () -> {
            for (int i = 0; i < 20; i++) {
                runner.run(protocol, summary(1), 100, 0);
            }
        });
    }

    @Test
    void aLateReplyIsNotTakenForTheNextOne() throws Exception {
        line.faults().once(Fault.DELAY);
        line.faults().set(Fault.DELAY, 0, 120);
        Outcome late = runner.run(protocol, summary(1), 50, 0);
        assertTrue(late.timedOut());
        Thread.sleep(150);
        Outcome next = runner.run(protocol, summary(2), 500, 0);
        assertNotNull(next.reply());
        assertEquals(2, next.reply().packs().get(0).address(), "pack 1's late reply was discarded");
    }
}
