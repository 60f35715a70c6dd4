package org.bmsworkbench.protocol.daly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
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

/** The golden frame of issue 20 (the Daly document's example) and the frame rules of docs/protocols/daly.md. */
class DalyCodecTest {

    static final String SOC_REQUEST = "A5 40 90 08 00 00 00 00 00 00 00 00 7D";
    static final String SOC_REPLY = "A5 01 90 08 02 FC 00 00 75 A1 00 00 52";

    private final DalyProtocol daly = new DalyProtocol();

    static byte[] reply(int command, String data) {
        return DalyFrames.frame(DalyFrames.BOARD, command, Hex.parse(data));
    }

    static byte[] concat(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    @Test
    void theGoldenFrameDecodesToTheDocumentsValues() throws Exception {
        assertEquals(SOC_REQUEST, Hex.spaced(daly.requests(Command.ANALOG, 1).get(0).frame()));
        Request request = daly.parseRequest(Hex.parse(SOC_REQUEST));
        PackSnapshot p = daly.decode(request, Hex.parse(SOC_REPLY)).packs().get(0);
        assertEquals(76.4, p.get(Quantity.VOLTAGE), 1e-9);
        assertEquals(11.3, p.get(Quantity.CURRENT), 1e-9);
        assertEquals(0.0, p.get(Quantity.SOC), 1e-9);
    }

    @Test
    void aWrongChecksumIsNamed() throws Exception {
        byte[] bad = Hex.parse(SOC_REPLY);
        bad[12] = 0x53;
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> daly.decode(daly.parseRequest(Hex.parse(SOC_REQUEST)), bad));
        assertEquals(Kind.BAD_CHECKSUM, e.error().kind());
        assertEquals("the checksum 53 of the reply does not match (52 expected)", e.getMessage());
    }

    @Test
    void theCountsOfZeroFourTellTheCellRequestOfTheSamePlanHowManyFramesToCollect() throws Exception {
        List<Request> plan = daly.requests(Command.ANALOG, 1);
        assertEquals(List.of(0x90, 0x91, 0x92, 0x94, 0x95, 0x96),
                plan.stream().map(r -> ((DalyRequest) r).dalyCommand()).toList());
        DalyRequest cells = (DalyRequest) plan.get(4);
        ProtocolException unknown = assertThrows(ProtocolException.class,
                () -> daly.decode(cells, reply(0x95, "01 0C E4 0C E5 0C E6 00")));
        assertEquals("the pack's cell count is not known yet (no 0x94 reply), so its frames cannot be placed",
                unknown.getMessage());
        Reply counts = daly.decode(plan.get(3), reply(0x94, "05 02 01 00 00 00 2A 00"));
        assertEquals(42, counts.packs().get(0).get(Quantity.CYCLES));
        assertEquals(5, counts.details().get("cellCount"));
        assertEquals(2, cells.frames());
        assertEquals(1, ((DalyRequest) daly.requests(Command.ANALOG, 1).get(4)).frames(),
                "another plan (another bus) has counts of its own");

        // Five cells in two frames; the sixth place repeats a cell and is dropped.
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(cells.frame());
        stream.writeBytes(reply(0x95, "01 0C E4 0C E5 0C E6 00"));
        stream.writeBytes(reply(0x95, "02 0C E7 0C E8 0C E4 00"));
        FrameDecoder decoder = daly.decoder(cells);
        byte[] bytes = stream.toByteArray();
        decoder.feed(bytes, 0, 20);
        assertEquals(Kind.ECHO, ((DecodeResult.Failure) decoder.next()).error().kind());
        assertTrue(decoder.next() instanceof DecodeResult.NeedMore);
        decoder.feed(bytes, 20, bytes.length - 20);
        byte[] whole = ((DecodeResult.Frame) decoder.next()).bytes();
        assertEquals(26, whole.length);
        PackSnapshot p = daly.decode(cells, whole).packs().get(0);
        assertArrayEquals(new double[] { 3.300, 3.301, 3.302, 3.303, 3.304 }, p.cellVoltages(), 1e-9);

        DalyRequest temperatures = (DalyRequest) plan.get(5);
        PackSnapshot t = daly.decode(temperatures, reply(0x96, "01 41 3C 00 00 00 00 00")).packs().get(0);
        assertArrayEquals(new double[] { 25, 20 }, t.temperatures(), 1e-9);
    }

    @Test
    void rangesStateBalanceAndFailuresAreDecoded() throws Exception {
        List<Request> status = daly.requests(Command.ALARM_STATUS, 1);
        PackSnapshot range = daly.decode(daly.requests(Command.ANALOG, 1).get(1),
                reply(0x91, "0D 05 03 0C FE 01 00 00")).packs().get(0);
        assertEquals(3.333, range.get(Quantity.MAX_CELL_VOLTAGE), 1e-9);
        assertEquals(3.326, range.get(Quantity.MIN_CELL_VOLTAGE), 1e-9);
        PackSnapshot temps = daly.decode(daly.requests(Command.ANALOG, 1).get(2),
                reply(0x92, "41 01 28 02 00 00 00 00")).packs().get(0);
        assertEquals(25, temps.get(Quantity.MAX_CELL_TEMPERATURE));
        assertEquals(0, temps.get(Quantity.MIN_CELL_TEMPERATURE));

        PackSnapshot fet = daly.decode(status.get(0), reply(0x93, "02 00 01 07 00 01 86 A0")).packs().get(0);
        assertTrue(fet.hasFlag(PackFlag.DISCHARGING));
        assertFalse(fet.hasFlag(PackFlag.CHARGING));
        assertFalse(fet.hasFlag(PackFlag.CFET_ON));
        assertTrue(fet.hasFlag(PackFlag.DFET_ON));
        assertEquals(100.0, fet.get(Quantity.REMAINING_CAPACITY), 1e-9);

        PackSnapshot balance = daly.decode(status.get(1), reply(0x97, "05 00 00 00 00 00 00 00")).packs().get(0);
        assertTrue(balance.isBalancing(0));
        assertTrue(balance.isBalancing(2));
        assertFalse(balance.isBalancing(1));

        Reply failures = daly.decode(status.get(2), reply(0x98, "02 01 00 01 00 08 04 07"));
        PackSnapshot f = failures.packs().get(0);
        assertTrue(f.hasFlag(PackFlag.CELL_OVP), "byte 0 bit 1: cell voltage high, level 2");
        assertFalse(f.hasFlag(PackFlag.CELL_OV));
        assertTrue(f.hasFlag(PackFlag.CHG_OT), "byte 1 bit 0: charge temperature high, level 1");
        assertTrue(f.hasFlag(PackFlag.CELL_DIFF));
        assertTrue(f.hasFlag(PackFlag.EEPROM_ERROR));
        assertTrue(f.hasFlag(PackFlag.SCP));
        assertFalse(f.hasFlag(PackFlag.CELL_UVP));
        assertEquals(7, failures.details().get("faultCode"));
    }

    @Test
    void badRepliesAreTypedErrors() throws Exception {
        Request soc = daly.parseRequest(Hex.parse(SOC_REQUEST));
        assertEquals(Kind.WRONG_ADDRESS, assertThrows(ProtocolException.class, () -> daly.decode(soc,
                DalyFrames.frame(0x02, 0x90, new byte[8]))).error().kind());
        assertEquals(Kind.UNEXPECTED_REPLY, assertThrows(ProtocolException.class, () -> daly.decode(soc,
                reply(0x91, "00 00 00 00 00 00 00 00"))).error().kind());
        assertEquals(Kind.BAD_FORMAT, assertThrows(ProtocolException.class, () -> daly.decode(soc,
                Hex.parse("A5 01 90 08 02 FC"))).error().kind());
        DalyRequest cells = (DalyRequest) daly.parseRequest(DalyFrames.frame(0x40, 0x95, new byte[8]));
        assertEquals(Kind.BAD_PAYLOAD, assertThrows(ProtocolException.class, () -> daly.decode(cells,
                reply(0x95, "00 0C E4 0C E5 0C E6 00"))).error().kind());
        byte[] twice = new byte[26];
        System.arraycopy(reply(0x95, "01 0C E4 0C E5 0C E6 00"), 0, twice, 0, 13);
        System.arraycopy(reply(0x95, "01 0C E4 0C E5 0C E6 00"), 0, twice, 13, 13);
        assertEquals("frame number 1 twice", assertThrows(ProtocolException.class, () -> daly.decode(cells, twice))
                .getMessage());
        // A typed request has no counts: every frame given is decoded.
        assertEquals(6, daly.decode(cells, concat(reply(0x95, "01 0C E4 0C E5 0C E6 00"),
                reply(0x95, "02 0C E4 0C E5 0C E6 00"))).packs().get(0).cellCount());
        assertEquals(Kind.BAD_PAYLOAD, assertThrows(ProtocolException.class, () -> daly.decode(daly.parseRequest(
                DalyFrames.frame(0x40, 0x94, new byte[8])), reply(0x94, "40 00 00 00 00 00 00 00"))).error().kind());
    }

    @Test
    void noWriteIsGuessed() throws Exception {
        assertEquals(Kind.UNSUPPORTED, assertThrows(ProtocolException.class,
                () -> daly.control(1, ControlAction.DFET_OFF)).error().kind());
        assertThrows(ProtocolException.class, () -> daly.setClock(1, java.time.LocalDateTime.now()));
        assertThrows(ProtocolException.class, () -> daly.requests(Command.SET_PARAMETERS, 1));
        assertTrue(daly.changesDevice(DalyFrames.frame(0x40, 0xD9, new byte[8])));
        assertFalse(daly.changesDevice(Hex.parse(SOC_REQUEST)));
    }

    @Test
    void theCommandLineFindsTheProtocol() {
        assertTrue(ServiceLoader.load(BmsProtocol.class, DalyProtocol.class.getClassLoader()).stream()
                .anyMatch(p -> p.type() == DalyProtocol.class));
    }
}
