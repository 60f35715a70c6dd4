package org.bmsworkbench.protocol.jbd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.junit.jupiter.api.Test;

/** The golden frame of issue 20 and the frame rules of docs/protocols/jbd.md. */
class JbdCodecTest {

    static final String BASIC_REQUEST = "DD A5 03 00 FF FD 77";
    static final String BASIC_REPLY = "DD 03 00 1D 06 18 00 00 01 F2 01 F4 00 00 2C 7C 00 00 00 00 00 00 80 64 03 04 03"
            + " 0B 8B 0B 8A 0B 84 FA 8D 77";

    private final JbdProtocol jbd = new JbdProtocol();

    @Test
    void theReadRequestsAreTheDocumentedFrames() throws Exception {
        List<Request> analog = jbd.requests(Command.ANALOG, 1);
        assertEquals(BASIC_REQUEST, Hex.spaced(analog.get(0).frame()));
        assertEquals("DD A5 04 00 FF FC 77", Hex.spaced(analog.get(1).frame()));
        assertEquals("DD A5 05 00 FF FB 77", Hex.spaced(jbd.requests(Command.MANUFACTURER, 1).get(0).frame()));
        assertEquals(1, jbd.requests(Command.ALARM_STATUS, 1).size());
    }

    @Test
    void theGoldenBasicInformationDecodesToTheIssuesValues() throws Exception {
        Request request = jbd.parseRequest(Hex.parse(BASIC_REQUEST));
        Reply reply = jbd.decode(request, Hex.parse(BASIC_REPLY));
        PackSnapshot p = reply.packs().get(0);
        assertEquals(15.60, p.get(Quantity.VOLTAGE), 1e-9);
        assertEquals(0.0, p.get(Quantity.CURRENT), 1e-9);
        assertEquals(4.98, p.get(Quantity.REMAINING_CAPACITY), 1e-9);
        assertEquals(5.00, p.get(Quantity.FULL_CAPACITY), 1e-9);
        assertEquals(0, p.get(Quantity.CYCLES));
        assertEquals(100, p.get(Quantity.SOC));
        assertArrayEquals(new double[] { 22.4, 22.3, 21.7 }, p.temperatures(), 1e-9);
        assertTrue(p.hasFlag(PackFlag.CFET_ON));
        assertTrue(p.hasFlag(PackFlag.DFET_ON));
        assertFalse(p.hasFlag(PackFlag.CELL_OVP));
        assertFalse(p.hasFlag(PackFlag.BALANCING));
        assertEquals("2022-03-28", reply.identity().text().get("productionDate"));
        assertEquals("8.0", reply.identity().text().get("softwareVersion"));
        assertEquals(4, reply.details().get("cellCount"));
        assertEquals(3, reply.details().get("fetBits"));
    }

    @Test
    void theStreamDecoderCutsTheGoldenReplyOutOfEchoAndGarbage() throws Exception {
        Request request = jbd.requests(Command.ALARM_STATUS, 1).get(0);
        FrameDecoder decoder = jbd.decoder(request);
        decoder.feed(Hex.parse("00 DD 11 " + BASIC_REQUEST));
        decoder.feed(Hex.parse(BASIC_REPLY));
        List<DecodeResult> results = new java.util.ArrayList<>();
        DecodeResult r;
        while (!((r = decoder.next()) instanceof DecodeResult.NeedMore)) {
            results.add(r);
            if (r instanceof DecodeResult.Frame) {
                break;
            }
        }
        assertEquals(Kind.GARBAGE, ((DecodeResult.Failure) results.get(0)).error().kind());
        assertEquals(Kind.ECHO, ((DecodeResult.Failure) results.get(1)).error().kind());
        assertArrayEquals(Hex.parse(BASIC_REPLY), ((DecodeResult.Frame) results.get(2)).bytes());
    }

    @Test
    void aWrongChecksumIsNamed() throws Exception {
        byte[] bad = Hex.parse(BASIC_REPLY);
        bad[bad.length - 2] ^= 1;
        Request request = jbd.parseRequest(Hex.parse(BASIC_REQUEST));
        ProtocolException e = assertThrows(ProtocolException.class, () -> jbd.decode(request, bad));
        assertEquals(Kind.BAD_CHECKSUM, e.error().kind());
        assertEquals("the checksum FA8C of the reply does not match (FA8D expected)", e.getMessage());
    }

    @Test
    void theRegisterByteIsNotSummedInAReply() throws Exception {
        // The same data answering register 04 carries the same checksum: the stream decoder must not take it.
        byte[] other = Hex.parse(BASIC_REPLY);
        other[1] = 0x04;
        Request request = jbd.parseRequest(Hex.parse(BASIC_REQUEST));
        ProtocolException e = assertThrows(ProtocolException.class, () -> jbd.decode(request, other));
        assertEquals(Kind.UNEXPECTED_REPLY, e.error().kind());
    }

    @Test
    void cellsProtectionBitsAndBalanceAreDecoded() throws Exception {
        Request cells = jbd.requests(Command.ANALOG, 1).get(1);
        Reply reply = jbd.decode(cells, JbdFrames.frame(0x04, 0, Hex.parse("0D 05 0C FE 0D 10 0C E4")));
        assertArrayEquals(new double[] { 3.333, 3.326, 3.344, 3.300 }, reply.packs().get(0).cellVoltages(), 1e-9);

        byte[] data = Hex.parse("06 18 FF 38 01 F2 01 F4 00 07 00 00 00 05 00 00 04 41 80 64 02 04 00");
        Reply basic = jbd.decode(jbd.requests(Command.ALARM_STATUS, 1).get(0), JbdFrames.frame(0x03, 0, data));
        PackSnapshot p = basic.packs().get(0);
        assertEquals(-2.00, p.get(Quantity.CURRENT), 1e-9);
        assertEquals(7, p.get(Quantity.CYCLES));
        assertTrue(p.hasFlag(PackFlag.CELL_OVP));
        assertTrue(p.hasFlag(PackFlag.SCP));
        assertTrue(p.hasFlag(PackFlag.DSG_OTP));
        assertFalse(p.hasFlag(PackFlag.CELL_UVP));
        assertFalse(p.hasFlag(PackFlag.CFET_ON));
        assertTrue(p.hasFlag(PackFlag.DFET_ON));
        assertTrue(p.hasFlag(PackFlag.BALANCING));
        assertTrue(p.isBalancing(0));
        assertFalse(p.isBalancing(1));
        assertTrue(p.isBalancing(2));
        assertEquals(0, p.temperatureCount());
        assertEquals(false, basic.details().get("mosSoftwareLock"));
        assertTrue(basic.identity().text().get("productionDate") == null, "date 0 is no date");
    }

    @Test
    void aShortBasicInformationIsABadPayload() throws Exception {
        byte[] data = Hex.parse("06 18 00 00 01 F2 01 F4 00 00 2C 7C 00 00 00 00 00 00 80 64 03 04 03 0B 8B");
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> jbd.decode(jbd.requests(Command.ALARM_STATUS, 1).get(0), JbdFrames.frame(0x03, 0, data)));
        assertEquals(Kind.BAD_PAYLOAD, e.error().kind());
        assertEquals("3 temperature sensors need 29 data bytes, the reply has 25", e.getMessage());
    }

    @Test
    void statusEightyIsTheBoardsRefusal() throws Exception {
        Reply reply = jbd.decode(jbd.requests(Command.MANUFACTURER, 1).get(0), JbdFrames.frame(0x05, 0x80,
                new byte[0]));
        assertTrue(reply.isError());
        assertEquals(0x80, reply.error().code());
    }

    @Test
    void theVersionTextIsIdentity() throws Exception {
        Reply reply = jbd.decode(jbd.requests(Command.MANUFACTURER, 1).get(0), JbdFrames.frame(0x05, 0,
                "JBD-SP04S020".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals("JBD-SP04S020", reply.identity().text().get("hardwareVersion"));
    }

    @Test
    void noWriteIsGuessed() throws Exception {
        ProtocolException e = assertThrows(ProtocolException.class, () -> jbd.control(1, ControlAction.CFET_OFF));
        assertEquals(Kind.UNSUPPORTED, e.error().kind());
        assertThrows(ProtocolException.class, () -> jbd.setClock(1, java.time.LocalDateTime.now()));
        assertThrows(ProtocolException.class, () -> jbd.requests(Command.SET_PARAMETERS, 1));
        assertThrows(ProtocolException.class, () -> jbd.requests(Command.ANALOG, 2));
        // Factory mode entry, read from the bytes, changes the device.
        assertTrue(jbd.changesDevice(JbdFrames.frame(0x5A, 0x00, new byte[] { 0x56, 0x78 })));
        assertFalse(jbd.changesDevice(Hex.parse(BASIC_REQUEST)));
    }

    @Test
    void theCommandLineFindsTheProtocol() {
        assertTrue(ServiceLoader.load(BmsProtocol.class, JbdProtocol.class.getClassLoader()).stream()
                .anyMatch(p -> p.type() == JbdProtocol.class));
    }
}
