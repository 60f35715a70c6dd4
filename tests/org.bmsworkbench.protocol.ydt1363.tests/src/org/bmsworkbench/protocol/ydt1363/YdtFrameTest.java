package org.bmsworkbench.protocol.ydt1363;

import static org.bmsworkbench.protocol.ydt1363.Golden.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.testsupport.HalfDuplexStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YdtFrameTest {

    private final PylontechProtocol pylontech = new PylontechProtocol();

    /** A dialect that has the write commands, from this fragment's variants/test-writes.properties. */
    private static final class WritesProtocol extends YdtProtocol {
        WritesProtocol() {
            super("test-writes");
        }
    }

    @Test
    void encodesLengthAndChecksumAsTheStandard() {
        YdtFrame f = new YdtFrame(0x20, 2, 0x46, 0x42, new byte[] { 2 });
        assertEquals("~20024642E00202FD33\r", new String(f.encode(), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0xE002, YdtFrame.lengthField(2));
        assertEquals(0x0000, YdtFrame.lengthField(0));
        assertEquals(0xC06E, YdtFrame.lengthField(0x06E));
    }

    @Test
    void parseRoundTripsEveryLength() throws Exception {
        for (int n = 0; n < 300; n += 7) {
            byte[] info = new byte[n];
            for (int i = 0; i < n; i++) {
                info[i] = (byte) (i * 31);
            }
            YdtFrame f = new YdtFrame(0x25, 0x11, 0x46, 0x00, info);
            assertEquals(f, YdtFrame.parse(f.encode()));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "~20024642E00202FD34, BAD_CHECKSUM, CHKSUM is FD34 but the frame sums to FD33",
        "~20024642F00202FD32, BAD_LENGTH_CHECKSUM, LCHKSUM of LENGTH F002 is F; E expected",
        "~20024642E0020XFD33, BAD_FORMAT, character 15 ('X') is not a hexadecimal digit",
        "20024642E00202FD33, BAD_FORMAT, the frame does not start with '~'",
        "~2002, BAD_FORMAT, the frame has 4 characters after '~'; at least 16 are needed",
        "~20024642C00402FD33, BAD_FORMAT, LENID says 4 INFO characters but the frame has 2" })
    void namesWhatIsWrong(String frame, Kind kind, String message) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> YdtFrame.parse(ascii(frame)));
        assertEquals(kind, e.error().kind());
        assertEquals(message.replace(';', ','), e.getMessage());
    }

    @Test
    void returnCodesBecomeDeviceErrorsWithTheirMeaning() throws Exception {
        Request r = pylontech.requests(Command.ANALOG, 2).get(0);
        for (int[] code : new int[][] { { 0x02, 0 }, { 0x04, 0 }, { 0x90, 1 }, { 0xE3, 0 } }) {
            byte[] reply = new YdtFrame(0x20, 2, 0x46, code[0], new byte[0]).encode();
            Reply decoded = pylontech.decode(r, reply);
            assertEquals(code[0], decoded.error().code());
        }
        assertEquals("CHKSUM error", pylontech.decode(r, new YdtFrame(0x20, 2, 0x46, 2, new byte[0]).encode())
                .error().meaning());
        assertEquals("ADR error", pylontech.decode(r, new YdtFrame(0x20, 2, 0x46, 0x90, new byte[0]).encode())
                .error().meaning());
    }

    @Test
    void streamDecoderSkipsGarbageEchoAndOtherAddressesAndJoinsSplitReads() throws Exception {
        Request r = pylontech.requests(Command.ANALOG, 2).get(0);
        byte[] other = new YdtFrame(0x20, 3, 0x46, 0, new byte[] { 1 }).encode();
        HalfDuplexStream.check(pylontech, r, new byte[] { 0x00, (byte) 0xFF, 'x' }, other, ascii(Golden.G1_RESPONSE), 40);
    }

    @Test
    void streamDecoderReportsACorruptFrameAndFindsTheNextOne() {
        Request r = requestFor(2);
        FrameDecoder d = pylontech.decoder(r);
        byte[] bad = ascii(Golden.G1_RESPONSE);
        bad[30] = bad[30] == 'A' ? (byte) 'B' : (byte) 'A';
        d.feed(bad);
        d.feed(ascii(Golden.G1_RESPONSE));
        assertEquals(Kind.BAD_CHECKSUM, ((DecodeResult.Failure) d.next()).error().kind());
        assertTrue(d.next() instanceof DecodeResult.Frame);
    }

    @Test
    void aFrameWithoutEndIsDroppedAtTheLongestLength() {
        FrameDecoder d = pylontech.decoder(requestFor(2));
        byte[] endless = new byte[YdtFrame.MAX_FRAME + 10];
        java.util.Arrays.fill(endless, (byte) '0');
        endless[0] = '~';
        d.feed(endless);
        DecodeResult first = d.next();
        assertEquals(Kind.GARBAGE, ((DecodeResult.Failure) first).error().kind());
        assertTrue(d.buffered() < 20);
    }

    private Request requestFor(int address) {
        try {
            return pylontech.requests(Command.ANALOG, address).get(0);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void allPacksAnswerCarriesOnePackPerGroup() throws Exception {
        Request all = pylontech.requests(Command.ANALOG, 0xFF).get(0);
        byte[] group = java.util.HexFormat.of().parseHex("020CE40CE401" + "0BA6" + "0000C350" + "0000" + "02" + "C350" + "0005");
        byte[] info = new byte[2 + 2 * group.length];
        info[0] = 0x10;
        info[1] = 2;
        System.arraycopy(group, 0, info, 2, group.length);
        System.arraycopy(group, 0, info, 2 + group.length, group.length);
        Reply reply = pylontech.decode(all, new YdtFrame(0x20, 0, 0x46, 0, info).encode());
        assertEquals(2, reply.packs().size());
        assertEquals(2, reply.packs().get(1).address());
        assertEquals(3.3, reply.packs().get(1).cellVoltage(1), 1e-9);
    }

    @Test
    void writesAreRangeCheckedBeforeAnyByteIsBuilt() throws Exception {
        WritesProtocol p = new WritesProtocol();
        ParameterSet set = ParameterSet.of(p.parameterDefinitions()).with("cellOvp", 4.25)
                .with("chargeHighTemperature", 55.0).with("dischargeCurrentLimit", -150.0);
        Request w = p.writeParameters(3, set).get(0);
        YdtFrame f = YdtFrame.parse(w.frame());
        assertEquals(0x49, f.cid2());
        // address, 4250 mV, 3281 (0.1 K), -1500 (0.1 A)
        assertArrayEquals(java.util.HexFormat.of().parseHex("03109A0CD1FA24"), f.info());
        ParameterSet tooHigh = ParameterSet.of(p.parameterDefinitions()).withReadValue("cellOvp", 4.4)
                .with("chargeHighTemperature", 55.0).with("dischargeCurrentLimit", -150.0);
        ProtocolException e = assertThrows(ProtocolException.class, () -> p.writeParameters(3, tooHigh));
        assertEquals("Cell over voltage protection: 4.4 V is outside 3 .. 4.3 V", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> set.with("dischargeCurrentLimit", 10));
        ParameterSet partial = ParameterSet.of(p.parameterDefinitions()).with("cellOvp", 4.0);
        assertEquals(Kind.UNSUPPORTED, assertThrows(ProtocolException.class, () -> p.writeParameters(3, partial))
                .error().kind());
        assertThrows(ProtocolException.class, () -> p.writeParameters(17, set));
    }

    @Test
    void parametersReadBackAsWritten() throws Exception {
        WritesProtocol p = new WritesProtocol();
        Request read = p.requests(Command.GET_PARAMETERS, 3).get(0);
        byte[] info = java.util.HexFormat.of().parseHex("00109A0CD1FA24");
        Reply reply = p.decode(read, new YdtFrame(0x21, 3, 0x46, 0, info).encode());
        assertEquals(4.25, reply.parameters().value("cellOvp"), 1e-9);
        assertEquals(55.0, reply.parameters().value("chargeHighTemperature"), 1e-9);
        assertEquals(-150.0, reply.parameters().value("dischargeCurrentLimit"), 1e-9);
    }

    @Test
    void controlAndClock() throws Exception {
        WritesProtocol p = new WritesProtocol();
        assertArrayEquals(new byte[] { 5, 2 }, YdtFrame.parse(p.control(5, ControlAction.CFET_OFF).get(0).frame()).info());
        assertEquals(Kind.UNSUPPORTED, assertThrows(ProtocolException.class,
                () -> p.control(5, ControlAction.HIBERNATE)).error().kind());
        assertThrows(ProtocolException.class, () -> pylontech.control(2, ControlAction.CFET_OFF));
        LocalDateTime t = LocalDateTime.of(2026, 11, 24, 13, 5, 59);
        YdtFrame set = YdtFrame.parse(p.setClock(1, t).get(0).frame());
        assertArrayEquals(java.util.HexFormat.of().parseHex("07EA0B180D053B"), set.info());
        Request get = p.requests(Command.GET_CLOCK, 1).get(0);
        assertEquals(t, p.decode(get, new YdtFrame(0x21, 1, 0x46, 0, set.info()).encode()).clock());
        byte[] nonsense = java.util.HexFormat.of().parseHex("07EA0D180D053B");
        assertEquals(Kind.BAD_PAYLOAD, assertThrows(ProtocolException.class,
                () -> p.decode(get, new YdtFrame(0x21, 1, 0x46, 0, nonsense).encode())).error().kind());
        assertThrows(ProtocolException.class, () -> p.setClock(1, t.withYear(2100)));
    }

    @Test
    void pylontechAbove65AhSends24BitCapacities() throws Exception {
        Request r = pylontech.requests(Command.ANALOG, 2).get(0);
        // 1 cell, no sensor, 0 A, 51.2 V, remaining FFFF, 4 items: full FFFF, 12 cycles, 24-bit 74.000 / 100.000 Ah
        byte[] info = java.util.HexFormat.of().parseHex("1002010CE400" + "0000C800FFFF" + "04FFFF000C" + "0121100186A0");
        PackSnapshot s = pylontech.decode(r, new YdtFrame(0x20, 2, 0x46, 0, info).encode()).packs().get(0);
        assertEquals(74.0, s.get(Quantity.REMAINING_CAPACITY), 1e-9);
        assertEquals(100.0, s.get(Quantity.FULL_CAPACITY), 1e-9);
        assertEquals(12, s.get(Quantity.CYCLES));
        assertEquals(51.2, s.get(Quantity.VOLTAGE), 1e-9);
        byte[] unknownCount = java.util.HexFormat.of().parseHex("1002010CE400" + "0000C800FFFF" + "03FFFF000C0000");
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> pylontech.decode(r, new YdtFrame(0x20, 2, 0x46, 0, unknownCount).encode()));
        assertEquals(Kind.BAD_PAYLOAD, e.error().kind());
        assertTrue(e.getMessage().startsWith("user defined item count 3 is not one pylontech sends"), e.getMessage());
    }

    @Test
    void seplosHistoryRecordIsATimeAndAnAnalogGroup() throws Exception {
        SeplosV2Protocol seplos = new SeplosV2Protocol();
        Request r = seplos.requests(Command.HISTORY, 1).get(0);
        byte[] info = java.util.HexFormat.of().parseHex("0001" + "07EA0B180D053B" + "010CE400" + "FD5C14A0344E"
                + "0A426803134650004603E8149F0000000000000000");
        Reply reply = seplos.decode(r, new YdtFrame(0x20, 1, 0x46, 0, info).encode());
        assertEquals(java.time.LocalDateTime.of(2026, 11, 24, 13, 5, 59), reply.history().get(0).time());
        assertEquals(org.bmsworkbench.model.OperatingMode.DISCHARGE, reply.history().get(0).mode());
        assertEquals(52.8, reply.history().get(0).values().get(Quantity.VOLTAGE), 1e-9);
    }

    @Test
    void aTruncatedInfoIsABadPayloadNamingTheField() throws Exception {
        Request r = pylontech.requests(Command.ANALOG, 2).get(0);
        byte[] info = java.util.HexFormat.of().parseHex("1002030CE40CE4");
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> pylontech.decode(r, new YdtFrame(0x20, 2, 0x46, 0, info).encode()));
        assertEquals("INFO ends at byte 7 before cell 3 (2 bytes at byte 7)", e.getMessage());
    }

    @Test
    void protocolVersionComesFromTheReplyHeader() throws Exception {
        Request r = pylontech.requests(Command.PROTOCOL_VERSION, 2).get(0);
        assertEquals("3.5", pylontech.decode(r, new YdtFrame(0x35, 2, 0x46, 0, new byte[0]).encode()).details()
                .get("protocolVersion"));
    }
}
