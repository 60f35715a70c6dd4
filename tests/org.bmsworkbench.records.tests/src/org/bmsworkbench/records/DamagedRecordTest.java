package org.bmsworkbench.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Locale;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.modbus.Crc16;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.junit.jupiter.api.Test;

/** Records that do not decode, impossible values, unset clocks and the alarm codes, through the real decoder. */
class DamagedRecordTest {

    private final BmsProtocol protocol = new NativeModbusProtocol();

    /** The 60 registers of a record window (docs/protocols/modbus-native.md, 8.9). */
    private static int[] window(int kind, int index, int count, int year, int month, int day, int code, int soc) {
        int[] r = new int[60];
        r[0] = kind;
        r[2] = index;
        r[4] = count;
        r[5] = 2;
        r[6] = year;
        r[7] = month;
        r[8] = day;
        r[9] = 22;
        r[10] = 7;
        r[11] = 41;
        r[12] = 1;
        r[13] = code;
        r[15] = 58410; // 58.410 V
        r[17] = 20120; // +20.120 A
        r[18] = soc;
        r[19] = 3330;
        r[20] = 3662;
        r[21] = 215;
        r[22] = 274;
        r[23] = 0x0008;
        r[25] = 0x0008;
        r[27] = 288;
        r[28] = 291;
        for (int i = 29; i < 60; i++) {
            r[i] = 0x8000;
        }
        return r;
    }

    private Reply decode(Command command, int[] registers) throws Exception {
        Request request = protocol.requests(command, 1).get(0);
        byte[] body = new byte[3 + 120];
        body[0] = 1;
        body[1] = 3;
        body[2] = 120;
        for (int i = 0; i < 60; i++) {
            body[3 + 2 * i] = (byte) (registers[i] >> 8);
            body[4 + 2 * i] = (byte) registers[i];
        }
        return protocol.decode(request, Crc16.append(body));
    }

    @Test
    void aGoodAlarmRecordDecodesWithItsText() throws Exception {
        Reply reply = decode(Command.ALARM_RECORDS, window(0x0200, 4, 37, 2024, 5, 16, 0x0203, 998));
        DeviceRecord r = RecordReader.toRecord(RecordKind.ALARM, 4, reply);
        assertNotNull(r);
        assertFalse(r.damaged(), r.damage());
        assertEquals(LocalDateTime.of(2024, 5, 16, 22, 7, 41), r.time());
        assertEquals(0x0203, r.code());
        assertEquals(58.41, r.values().get(Quantity.VOLTAGE), 1e-9);
        assertEquals(99.8, r.values().get(Quantity.SOC), 1e-9);
        assertTrue(r.active().contains(PackFlag.CELL_OVP));
        assertEquals(37, ((Number) reply.details().get("record.count")).intValue());
        assertEquals("Cell-OVP raised", AlarmCodes.describe(r.code(), Locale.ENGLISH));
        assertEquals("\u5355\u4f53\u8fc7\u538b\u4fdd\u62a4 \u53d1\u751f", AlarmCodes.describe(r.code(), Locale.CHINESE));
        assertEquals("Cell-OVP released", AlarmCodes.describe(0x8203, Locale.ENGLISH));
        assertEquals("Chg-OC raised", AlarmCodes.describe(0x0110, Locale.ENGLISH));
        assertEquals("CFET Error raised", AlarmCodes.describe(0x0300, Locale.ENGLISH));
        assertEquals(FlagCategory.PROTECTION, AlarmCodes.category(0x8203).orElseThrow());
    }

    @Test
    void aRecordWhoseTimeDoesNotDecodeIsKeptMarkedDamaged() throws Exception {
        Reply reply = decode(Command.HISTORY, window(0x0100, 9, 37, 2024, 13, 40, 0, 500));
        DeviceRecord r = RecordReader.toRecord(RecordKind.DATA, 9, reply);
        assertNotNull(r, "never dropped");
        assertTrue(r.damaged());
        assertTrue(r.damage().contains("is not a time"), r.damage());
        assertNull(r.time());
        assertEquals(9, r.index());
        assertEquals(58.41, r.values().get(Quantity.VOLTAGE), 1e-9, "what did decode is shown");
    }

    @Test
    void impossibleValuesMarkTheRecordDamaged() throws Exception {
        Reply reply = decode(Command.HISTORY, window(0x0100, 3, 37, 2024, 5, 16, 0, 2500));
        DeviceRecord r = RecordReader.toRecord(RecordKind.DATA, 3, reply);
        assertTrue(r.damaged());
        assertTrue(r.damage().contains("SOC 250.0 % is outside"), r.damage());
        assertEquals(LocalDateTime.of(2024, 5, 16, 22, 7, 41), r.time());
    }

    @Test
    void anUnknownAlarmCodeAndAWrongIndexAreDamage() throws Exception {
        DeviceRecord r = RecordReader.toRecord(RecordKind.ALARM, 5,
                decode(Command.ALARM_RECORDS, window(0x0200, 4, 37, 2024, 5, 16, 0x0277, 500)));
        assertTrue(r.damage().contains("alarm code 0x0277 is unknown"), r.damage());
        assertTrue(r.damage().contains("holds record 4, not 5"), r.damage());
    }

    @Test
    void yearsOfAClockNeverSetAreFlagged() throws Exception {
        DeviceRecord r = RecordReader.toRecord(RecordKind.DATA, 0,
                decode(Command.HISTORY, window(0x0100, 0, 37, 2000, 1, 1, 0, 500)));
        assertTrue(r.clockNotSet());
        assertFalse(r.damaged());
        assertTrue(RecordValues.clockNotSet(LocalDateTime.of(1970, 1, 1, 0, 0)));
        assertFalse(RecordValues.clockNotSet(LocalDateTime.of(2026, 1, 1, 0, 0)));
    }

    @Test
    void anEmptyWindowHoldsNoRecord() throws Exception {
        int[] empty = new int[60];
        empty[0] = 0x0100;
        Reply reply = decode(Command.HISTORY, empty);
        assertNull(RecordReader.toRecord(RecordKind.DATA, 0, reply));
        assertEquals(0, ((Number) reply.details().get("record.count")).intValue());
    }

    @Test
    void selectingARecordChangesNothingOnTheBoardButOtherWritesDo() throws Exception {
        for (Request r : protocol.selectRecord(Command.ALARM_RECORDS, 1, 0)) {
            assertFalse(protocol.changesDevice(r.frame()), r.description());
            assertEquals("01 10 20 00 00 03 06 02 00 00 00 00 00 4C A2", hex(r.frame()), "example 10.20");
        }
        for (Request r : protocol.nextRecord(Command.ALARM_RECORDS, 1, 1)) {
            assertFalse(protocol.changesDevice(r.frame()));
            assertEquals("01 10 20 01 00 02 04 00 00 00 01 6A 62", hex(r.frame()), "example 10.22");
        }
        for (Request r : protocol.selectRecord(Command.HISTORY, 1, BmsProtocol.SELECT_KIND_ONLY)) {
            assertFalse(protocol.changesDevice(r.frame()));
        }
        for (Request r : protocol.setClock(1, LocalDateTime.of(2026, 1, 1, 0, 0))) {
            assertTrue(protocol.changesDevice(r.frame()), "a clock write still changes the board");
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02X", x & 0xFF));
        }
        return s.toString();
    }
}
