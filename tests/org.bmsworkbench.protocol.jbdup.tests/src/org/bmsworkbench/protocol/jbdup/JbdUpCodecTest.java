package org.bmsworkbench.protocol.jbdup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.modbus.Crc16;
import org.junit.jupiter.api.Test;

/** Requests, hand-assembled replies in the documented layout, and every way a reply can be wrong. */
class JbdUpCodecTest {

    /**
     * The pack status request to address 1, as the public dbus-serialbattery driver's tests spell it: header and
     * CRC checked against a second implementation.
     */
    static final String STATUS_REQUEST = "01 78 10 00 10 A0 00 00 7F B2";

    /** A 16-cell, 4-sensor pack status payload in the layout of docs/protocols/jbd-up.md (156 bytes). */
    static final String STATUS_PAYLOAD = String.join(" ",
            "14 C2", "00 00", "00 04 89 EA", // 53.14 V, unknown word, current 297450 = -25.50 A
            "18 38", "4D 18", "7D 00", "7A A8", // SOC 62.00 %, remaining 197.36, full 320.00, rated 314.00 Ah
            "02 7A", "02 83", "00 01", "00 64", // MOSFET 13.4 °C, ambient 14.3 °C, operation status 1, SOH 100
            "00 04 00 01", "00 00 00 24", // faults: bits 0 and 18; alarms: bits 2 and 5
            "00 01", "00 04", "00 03", // FETs: discharge only; connection state 4; 3 cycles
            "00 0A", "0C FB", "00 01", "0C F6", "0C F9", // max cell 10 3.323 V, min cell 1 3.318 V, average 3.321 V
            "00 01", "02 71", "00 04", "02 6D", "02 6F", // max T sensor 1 12.5 °C, min sensor 4 12.1 °C, avg 12.3
            "02 40", "09 60", "01 B0", "15 7C", // 57.6 V, 240.0 A charge; 43.2 V, 550.0 A discharge
            "00 10", // 16 cells
            "0C F6 0C F9 0C FA 0C FA 0C F9 0C F8 0C FA 0C FA 0C F9 0C FB 0C FA 0C FB 0C F9 0C FB 0C FA 0C F9",
            "00 04", "02 71 02 6F 02 6F 02 6D", // 4 sensors
            "00 00", "00 04", "0C 01", // unknown word, balancing cell 3, firmware 12.1
            "57 42 2D 55 50 2D 30 30 30 31 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", // WB-UP-0001
            "00 00 00 00 00 00 00 00 00 00"); // ten more bytes, not decoded

    private final JbdUpProtocol up = new JbdUpProtocol();

    static byte[] reply(int address, int start, int end, String payload) {
        return UpFrames.frame(address, UpFrames.READ, start, end, Hex.parse(payload));
    }

    static byte[] statusReply(int address) {
        return reply(address, 0x1000, 0x10A0, STATUS_PAYLOAD);
    }

    @Test
    void requestsMatchTheSecondImplementationAndOnlyThePackStatusIsRequired() throws Exception {
        List<Request> analog = up.requests(Command.ANALOG, 1);
        assertEquals(STATUS_REQUEST, Hex.spaced(analog.get(0).frame()));
        assertFalse(analog.get(0).optional(), "every board answers the pack status");
        assertEquals("01 78 20 06 20 18 00 00", Hex.spaced(java.util.Arrays.copyOf(analog.get(1).frame(), 8)));
        assertTrue(analog.get(1).optional());
        assertEquals(List.of("01 78 10 00 10 A0 00 00 7F B2"),
                up.requests(Command.ALARM_STATUS, 1).stream().map(r -> Hex.spaced(r.frame())).toList());
        assertTrue(up.requests(Command.MANUFACTURER, 3).stream().allMatch(Request::optional));
        assertEquals(3, up.requests(Command.MANUFACTURER, 3).get(0).frame()[0]);
        assertEquals(16, up.maxAddress());
        ProtocolException e = assertThrows(ProtocolException.class, () -> up.requests(Command.ANALOG, 17));
        assertEquals(Kind.UNSUPPORTED, e.error().kind());
    }

    @Test
    void aPackStatusDecodesToTheValuesItWasAssembledFrom() throws Exception {
        Request r = up.parseRequest(Hex.parse(STATUS_REQUEST));
        assertEquals(Command.ANALOG, r.command());
        Reply reply = up.decode(r, statusReply(1));
        PackSnapshot p = reply.packs().get(0);
        assertEquals(1, p.address());
        assertEquals(53.14, p.get(Quantity.VOLTAGE), 1e-9);
        assertEquals(-25.5, p.get(Quantity.CURRENT), 1e-9);
        assertEquals(62.0, p.get(Quantity.SOC), 1e-9);
        assertEquals(197.36, p.get(Quantity.REMAINING_CAPACITY), 1e-9);
        assertEquals(320.0, p.get(Quantity.FULL_CAPACITY), 1e-9);
        assertEquals(314.0, p.get(Quantity.DESIGN_CAPACITY), 1e-9);
        assertEquals(13.4, p.get(Quantity.MOSFET_TEMPERATURE), 1e-9);
        assertEquals(14.3, p.get(Quantity.ENVIRONMENT_TEMPERATURE), 1e-9);
        assertEquals(100, p.get(Quantity.SOH), 1e-9);
        assertEquals(3, p.get(Quantity.CYCLES), 1e-9);
        assertEquals(3.323, p.get(Quantity.MAX_CELL_VOLTAGE), 1e-9);
        assertEquals(3.318, p.get(Quantity.MIN_CELL_VOLTAGE), 1e-9);
        assertEquals(12.3, p.get(Quantity.AVERAGE_CELL_TEMPERATURE), 1e-9);
        assertEquals(240.0, p.get(Quantity.CHARGE_CURRENT_LIMIT), 1e-9);
        assertEquals(550.0, p.get(Quantity.DISCHARGE_CURRENT_LIMIT), 1e-9);
        assertEquals(16, p.cellCount());
        assertEquals(3.318, p.cellVoltage(0), 1e-9);
        assertEquals(3.323, p.cellVoltage(9), 1e-9);
        assertArrayEquals(new double[] { 12.5, 12.3, 12.3, 12.1 }, p.temperatures(), 1e-9);
        assertTrue(p.isBalancing(2));
        assertFalse(p.isBalancing(0));
        assertEquals(Set.of(PackFlag.CELL_OVP, PackFlag.SCP, PackFlag.PACK_OV, PackFlag.DSG_OC, PackFlag.DFET_ON,
                PackFlag.BALANCING), p.flags());
        assertEquals("12.1", reply.identity().text().get("softwareVersion"));
        assertEquals("WB-UP-0001", reply.identity().text().get("serialNumber"));
        assertEquals(57.6, (Double) reply.details().get("chargeVoltageLimit"), 1e-9);
        assertEquals(0x40001L, reply.details().get("faultBits"));
    }

    @Test
    void theCurrentOffsetGivesChargeAsPositive() throws Exception {
        String charging = STATUS_PAYLOAD.replaceFirst("00 04 89 EA", "00 04 95 18");
        PackSnapshot p = up.decode(up.requests(Command.ALARM_STATUS, 2).get(0),
                reply(2, 0x1000, 0x10A0, charging)).packs().get(0);
        assertEquals(3.12, p.get(Quantity.CURRENT), 1e-9);
    }

    @Test
    void theTotalsAndIdentityBlocksDecode() throws Exception {
        List<Request> analog = up.requests(Command.ANALOG, 1);
        Reply totals = up.decode(analog.get(1), reply(1, 0x2006, 0x2018,
                "18 8D 00 64 00 03 00 96 00 50 00 00 19 74 00 00 1E EA"));
        assertEquals(62.85, totals.packs().get(0).get(Quantity.SOC), 1e-9);
        assertEquals(791.4, totals.packs().get(0).get(Quantity.DISCHARGED_CAPACITY_TOTAL), 1e-9);
        assertEquals(651.6, (Double) totals.details().get("chargedCapacityTotal"), 1e-9);

        List<Request> identity = up.requests(Command.MANUFACTURER, 1);
        byte[] product = new byte[44];
        UpFrames.put16(product, 0, 33);
        UpFrames.put16(product, 2, 3);
        UpFrames.put16(product, 4, 12);
        UpFrames.put16(product, 6, 1);
        UpFrames.put16(product, 8, 7);
        UpFrames.putText(product, 12, 16, "UP16S015.16S200A");
        UpFrames.putText(product, 28, 16, "JBD");
        Reply p = up.decode(identity.get(0), UpFrames.frame(1, 0x78, 0x2810, 0x283C, product));
        assertEquals("JBD", p.identity().text().get("manufacturer"));
        assertEquals("UP16S015.16S200A", p.identity().text().get("model"));
        assertEquals("12.1.7", p.identity().text().get("softwareVersion"));
        assertEquals("rev 3", p.identity().text().get("hardwareVersion"));

        byte[] info = new byte[88];
        UpFrames.putText(info, 16, 30, "UP16S0150000000000");
        UpFrames.put16(info, 46, 2025);
        UpFrames.put16(info, 48, 5);
        UpFrames.put16(info, 50, 7);
        UpFrames.putText(info, 52, 30, "PACK-7");
        UpFrames.put16(info, 82, 2025);
        UpFrames.put16(info, 84, 13); // month 13: no date, not a made-up one
        UpFrames.put16(info, 86, 6);
        Reply i = up.decode(identity.get(1), UpFrames.frame(1, 0x78, 0x1C00, 0x1CA0, info));
        assertEquals("PACK-7", i.identity().text().get("serialNumber"));
        assertEquals("2025-05-07", i.identity().text().get("bmsProductionDate"));
        assertFalse(i.identity().text().containsKey("productionDate"));
    }

    @Test
    void wrongRepliesGiveTypedErrors() throws Exception {
        Request r = up.requests(Command.ANALOG, 1).get(0);
        byte[] good = statusReply(1);
        byte[] badCrc = good.clone();
        badCrc[badCrc.length - 1] ^= 1;
        assertEquals(Kind.BAD_CHECKSUM, kind(r, badCrc));
        assertEquals(Kind.WRONG_ADDRESS, kind(r, statusReply(2)));
        assertEquals(Kind.UNEXPECTED_REPLY, kind(r, reply(1, 0x2006, 0x2018, "00".repeat(18).replaceAll("(..)(?!$)", "$1 "))));
        assertEquals(Kind.BAD_FORMAT, kind(r, java.util.Arrays.copyOf(good, good.length - 1)));
        // a count of cells that runs past the payload
        String tooMany = STATUS_PAYLOAD.replaceFirst("00 10 0C F6", "00 50 0C F6");
        assertEquals(Kind.BAD_PAYLOAD, kind(r, reply(1, 0x1000, 0x10A0, tooMany)));
        String manySensors = STATUS_PAYLOAD.replaceFirst("00 04 02 71", "00 40 02 71");
        assertEquals(Kind.BAD_PAYLOAD, kind(r, reply(1, 0x1000, 0x10A0, manySensors)));
        assertEquals(Kind.BAD_PAYLOAD, kind(r, reply(1, 0x1000, 0x10A0, "14 C2 00 00")));
        assertEquals(Kind.BAD_FORMAT, assertThrows(ProtocolException.class,
                () -> up.parseRequest(Hex.parse("01 03 10 00 10 A0 00 00 7F B2"))).error().kind());
    }

    private Kind kind(Request r, byte[] frame) {
        return assertThrows(ProtocolException.class, () -> up.decode(r, frame)).error().kind();
    }

    @Test
    void writesAndUnknownFramesCountAsChangingThePackAndNoWriteIsBuilt() throws Exception {
        assertFalse(up.changesDevice(Hex.parse(STATUS_REQUEST)));
        for (Request r : up.requests(Command.MANUFACTURER, 2)) {
            assertFalse(up.changesDevice(r.frame()));
        }
        byte[] write = UpFrames.frame(1, UpFrames.WRITE, 0x2006, 0x2008, Hex.parse("11 4A 42 44 27 10"));
        assertTrue(up.changesDevice(write));
        assertTrue(up.changesDevice(UpFrames.frame(1, UpFrames.READ, 0x3000, 0x3010, new byte[0])));
        assertTrue(up.changesDevice(Hex.parse("01 78 10 00")));
        assertEquals(Kind.UNSUPPORTED, assertThrows(ProtocolException.class,
                () -> up.control(1, org.bmsworkbench.protocol.ControlAction.values()[0])).error().kind());
        assertEquals(Kind.UNSUPPORTED, assertThrows(ProtocolException.class,
                () -> up.requests(Command.SET_PARAMETERS, 1)).error().kind());
    }

    @Test
    void theStreamDecoderFindsTheReplyBehindEchoNoiseAndOtherPacks() throws Exception {
        Request r = up.requests(Command.ANALOG, 2).get(0);
        byte[] reply = statusReply(2);
        byte[] otherPack = statusReply(3);
        byte[] noise = Hex.parse("02 78 FF FF 13 37 05");
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        line.writeBytes(r.frame());
        line.writeBytes(noise);
        line.writeBytes(otherPack);
        line.writeBytes(reply);
        byte[] all = line.toByteArray();
        FrameDecoder d = up.decoder(r);
        java.util.List<Kind> failures = new java.util.ArrayList<>();
        byte[] frame = null;
        for (int at = 0; at < all.length && frame == null; at += 7) {
            d.feed(all, at, Math.min(7, all.length - at));
            for (DecodeResult x = d.next(); !(x instanceof DecodeResult.NeedMore); x = d.next()) {
                if (x instanceof DecodeResult.Failure f) {
                    failures.add(f.error().kind());
                } else {
                    frame = ((DecodeResult.Frame) x).bytes();
                    break;
                }
            }
        }
        assertArrayEquals(reply, frame);
        assertEquals(List.of(Kind.ECHO, Kind.GARBAGE, Kind.WRONG_ADDRESS), failures);
        assertTrue(Crc16.matches(frame, 0, frame.length));
    }
}
