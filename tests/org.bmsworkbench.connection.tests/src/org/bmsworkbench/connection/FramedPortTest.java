package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;

import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A frame-based line (as CAN or UDP would be): whole frames out and in, fed whole to the protocol's decoder. */
class FramedPortTest {

    private final BmsProtocol protocol = new NativeModbusProtocol();
    private final SimBus sim = new SimBus(List.of(PackSpec.typical(1, 16, 4)), protocol.parameterDefinitions(), 5,
            LocalDateTime.of(2026, 6, 1, 0, 0), 0.1);
    private final FakeFramedPort port = new FakeFramedPort(protocol.deviceCodec().orElseThrow(), sim);
    private final TransactionRunner runner = new TransactionRunner(port, 0, 10);

    @AfterEach
    void stop() {
        sim.close();
    }

    private Request summary(int address) throws Exception {
        return protocol.requests(Command.ALARM_STATUS, address).get(0);
    }

    @Test
    void aPortCarriesBytesUnlessItSaysOtherwise() {
        Port bytes = Port.of("bytes", InputStream.nullInputStream(), OutputStream.nullOutputStream(), () -> { });
        assertFalse(bytes.framed());
        assertTrue(port.framed());
    }

    @Test
    void theRequestGoesOutAsOneFrameAndTheReplyFrameIsDecoded() throws Exception {
        sim.advance(1);
        Outcome o = runner.run(protocol, summary(1), 500, 0);
        assertTrue(o.ok(), "errors: " + o.errors());
        assertEquals(1, port.sent.size());
        assertEquals(List.of(summary(1).frame().length), port.sent.stream().map(f -> f.length).toList());
        assertEquals(sim.pack(1).snapshot().get(Quantity.VOLTAGE), o.reply().packs().get(0).get(Quantity.VOLTAGE),
                0.001);
        assertEquals(8, o.bytesSent());
        assertEquals(125, o.bytesReceived());
    }

    @Test
    void aGarbageFrameBeforeTheReplyIsCountedAndDropped() throws Exception {
        port.before.add(new byte[] { 0x55, 0x55, 0x55 });
        Outcome o = runner.run(protocol, summary(1), 500, 0);
        assertTrue(o.ok(), "errors: " + o.errors());
        assertFalse(o.errors().isEmpty(), "the garbage frame is reported");
        assertEquals(128, o.bytesReceived());
    }

    @Test
    void aFrameLeftFromEarlierIsDiscardedBeforeTheRequest() throws Exception {
        port.incoming.add(new byte[] { 1, 2, 3, 4 });
        Outcome o = runner.run(protocol, summary(1), 500, 0);
        assertTrue(o.ok(), "errors: " + o.errors());
        assertTrue(o.errors().isEmpty(), "the stale frame never reached the decoder: " + o.errors());
        assertEquals(4 + 125, o.bytesReceived());
    }

    @Test
    void anAbsentPackTimesOutAfterEveryRetry() throws Exception {
        Outcome o = runner.run(protocol, summary(9), 60, 1);
        assertTrue(o.timedOut());
        assertEquals(2, o.attempts());
        assertEquals(2, o.timeouts());
        assertEquals(0, o.bytesReceived());
    }
}
