package org.bmsworkbench.protocol.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.DeviceError;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.BoardResult;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.device.FirmwareTarget;
import org.bmsworkbench.protocol.testsupport.TestBoard;
import org.junit.jupiter.api.Test;

/**
 * The device side of the register maps against the host side and against the worked examples of
 * docs/protocols/modbus-native.md, section 10 (frames copied byte for byte).
 */
class ModbusDeviceCodecTest {

    private final ModbusProtocol host = new NativeModbusProtocol();
    private final DeviceCodec codec = host.deviceCodec().orElseThrow();
    private final TestBoard board = new TestBoard(examplePack());
    private DeviceBus bus = TestBoard.bus(board);

    // --- helpers ------------------------------------------------------------------------------------------

    /** The example pack of section 10: 16 cells, 4 sensors, discharging at 12.345 A (example 10.1). */
    static PackSnapshot examplePack() {
        PackSnapshot.Builder b = PackSnapshot.builder(1)
                .set(Quantity.VOLTAGE, 53.124).set(Quantity.CURRENT, -12.345).set(Quantity.SOC, 76.5)
                .set(Quantity.SOH, 98.0).set(Quantity.REMAINING_CAPACITY, 74.970).set(Quantity.FULL_CAPACITY, 98.0)
                .set(Quantity.DESIGN_CAPACITY, 100.0).set(Quantity.CYCLES, 123).set(Quantity.PORT_VOLTAGE, 53.044)
                .set(Quantity.INSULATION_POSITIVE, 5120).set(Quantity.INSULATION_NEGATIVE, 4870)
                .set(Quantity.AVERAGE_CELL_VOLTAGE, 3.320).set(Quantity.MAX_CELL_VOLTAGE, 3.335)
                .set(Quantity.MIN_CELL_VOLTAGE, 3.300).set(Quantity.AVERAGE_CELL_TEMPERATURE, 25.3)
                .set(Quantity.MAX_CELL_TEMPERATURE, 26.1).set(Quantity.MIN_CELL_TEMPERATURE, 24.8)
                .set(Quantity.ENVIRONMENT_TEMPERATURE, 23.1).set(Quantity.MOSFET_TEMPERATURE, 29.8)
                .set(Quantity.CHARGE_CURRENT_LIMIT, 100).set(Quantity.DISCHARGE_CURRENT_LIMIT, 100)
                .set(Quantity.DISCHARGED_CAPACITY_TOTAL, 12345.6).set(Quantity.DISCHARGED_ENERGY_TOTAL, 632.10);
        double[] cells = { 3.321, 3.318, 3.325, 3.319, 3.320, 3.320, 3.320, 3.320, 3.320, 3.320, 3.320, 3.320, 3.320,
            3.320, 3.335, 3.300 };
        for (int i = 0; i < cells.length; i++) {
            b.cellVoltage(i, cells[i]);
        }
        double[] temps = { 25.3, 24.8, 26.1, 25.0 };
        for (int i = 0; i < temps.length; i++) {
            b.temperature(i, temps[i]);
        }
        for (FlagCategory c : FlagCategory.values()) {
            b.reported(c);
        }
        for (PackFlag f : List.of(PackFlag.CFET_ON, PackFlag.DFET_ON, PackFlag.DISCHARGING, PackFlag.CFET_ENABLED,
                PackFlag.DFET_ENABLED, PackFlag.LED_ENABLED, PackFlag.DORMANCY_ENABLED)) {
            b.flag(f, true);
        }
        return b.build();
    }

    private Optional<byte[]> answer(byte[] request) {
        return codec.answer(request, bus);
    }

    /** The device's reply to a request written in hex, in hex. */
    private String ask(String request) {
        return answer(Hex.parse(request)).map(Hex::spaced).orElse("(silence)");
    }

    /** A request body in hex with its CRC appended. */
    private static byte[] frame(String body) {
        return Crc16.append(Hex.parse(body));
    }

    private static String exception(int function, int code) {
        return Hex.spaced(Crc16.append(new byte[] { 1, (byte) (function | 0x80), (byte) code }));
    }

    private Reply exchange(Request request) throws ProtocolException {
        byte[] reply = answer(request.frame()).orElseThrow(() -> new AssertionError("no reply to " + request));
        return host.decode(request, reply);
    }

    private void acknowledged(List<Request> writes) throws ProtocolException {
        for (Request w : writes) {
            Reply r = exchange(w);
            assertFalse(r.isError(), () -> w + " refused: " + r.error());
        }
    }

    /** A host poll of {@code command}, every reply decoded and merged as the workbench does. */
    private PackSnapshot poll(ModbusProtocol protocol, Command command, int address) throws ProtocolException {
        PackSnapshot merged = null;
        for (Request r : protocol.requests(command, address)) {
            Reply reply = protocol.decode(r, answer(r.frame()).orElseThrow());
            for (PackSnapshot s : reply.packs()) {
                merged = merged == null ? s : merged.mergedWith(s);
            }
        }
        return merged;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    // --- worked examples of section 10 -----------------------------------------------------------------------

    @Test
    void example10_1SummaryIsReproducedByteForByte() {
        assertEquals("01 04 78 00 00 CF 84 FF FF CF C7 02 FD 03 D4 00 01 24 DA 00 01 7E D0 00 01 86 A0 00 7B 00 00 00 "
                + "00 CF 34 14 00 13 06 0C F8 0D 07 0C E4 00 0F 00 10 00 23 00 FD 01 05 00 F8 00 03 00 02 00 E7 01 "
                + "2A 00 10 00 04 00 00 00 01 86 A0 00 01 86 A0 00 01 E2 40 00 00 F6 EA 00 13 00 00 00 00 00 00 00 "
                + "00 00 00 00 53 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FC 74",
                ask("01 04 00 00 00 3C F0 1B"));
    }

    @Test
    void examples10_3And10_5CellsAndSensorsWithTheUnfittedOneAbsent() {
        assertEquals("01 04 08 0C F9 0C F6 0C FD 0C F7 53 A8", ask("01 04 01 00 00 04 F0 35"));
        assertEquals("01 04 0A 00 FD 00 F8 01 05 00 FA 80 00 78 06", ask("01 04 02 00 00 05 31 B1"));
    }

    @Test
    void examples10_6To10_9ParametersAreReadAndWritten() {
        board.parameters.put("cellHighVoltageAlarm", 3.55);
        board.parameters.put("cellHighVoltageAlarmRecovery", 3.4);
        assertEquals("01 03 04 0D DE 0D 48 9C 03", ask("01 03 10 09 00 02 10 C9"));

        assertEquals("01 06 10 09 0E 10 58 A4", ask("01 06 10 09 0E 10 58 A4"));
        assertEquals(List.of("parameters {cellHighVoltageAlarm=3.6}"), board.calls);

        board.calls.clear();
        assertEquals("01 86 03 02 61", ask("01 06 10 09 17 70 53 1C"));
        assertEquals(List.of(), board.calls, "an out-of-range value reaches nothing");
        assertEquals(3.6, board.parameters.get("cellHighVoltageAlarm"));

        assertEquals("01 10 10 14 00 02 05 0C", ask("01 10 10 14 00 02 04 00 00 E1 00 76 C0"));
        assertEquals(List.of("parameters {packHighVoltageAlarm=57.6}"), board.calls);
    }

    @Test
    void examples10_10And10_11TheClockIsSetAndRead() {
        assertEquals("01 10 13 00 00 06 44 8F", ask("01 10 13 00 00 06 0C 07 E8 00 05 00 11 00 0D 00 2D 00 1E 7C 1B"));
        assertEquals(LocalDateTime.of(2024, 5, 17, 13, 45, 30), board.clock);
        assertEquals("01 03 0C 07 E8 00 05 00 11 00 0D 00 2D 00 1E 18 89", ask("01 03 13 00 00 06 C1 4C"));
    }

    @Test
    void examples10_12To10_17CoilsInterlockAndDiscreteInputs() {
        assertEquals("01 01 01 03 11 89", ask("01 01 00 00 00 07 7D C8"));

        board.nextResult = BoardResult.REFUSED_CFET_WHILE_DISCHARGING;
        assertEquals("01 85 04 43 53", ask("01 05 00 00 00 00 CD CA"));
        assertEquals("01 04 02 00 01 78 F0", ask("01 04 00 21 00 01 61 C0"));

        board.nextResult = BoardResult.DONE;
        board.calls.clear();
        assertEquals("01 05 00 01 FF 00 DD FA", ask("01 05 00 01 FF 00 DD FA"));
        assertEquals("01 0F 00 00 00 02 D4 0A", ask("01 0F 00 00 00 02 01 03 9E 96"));
        assertEquals(List.of("control DFET_ON", "control CFET_ON", "control DFET_ON"), board.calls);

        assertEquals("01 02 02 13 00 B4 88", ask("01 02 00 00 00 10 79 C6"));
    }

    @Test
    void aRefusalIsExplainedWithTheBoardsResultCode() throws ProtocolException {
        board.nextResult = BoardResult.REFUSED_DFET_WHILE_CHARGING;
        Reply refused = exchange(host.control(1, ControlAction.DFET_OFF).get(0));
        assertEquals(new DeviceError(4, "server device failure"), refused.error(), "the exception alone");
        Request why = host.refusalReasonRequest(1, refused.error()).orElseThrow();
        assertEquals("01 04 00 21 00 01 61 C0", Hex.spaced(why.frame()), "section 9.2: read 0x0021");
        assertEquals(new DeviceError(4, "refused: the discharge FET cannot be turned off while charging"),
                host.explain(refused.error(), exchange(why)));

        board.nextResult = BoardResult.REFUSED_PROTECTION;
        refused = exchange(host.control(1, ControlAction.CFET_ON).get(0));
        assertEquals("refused: a protection or a detection fault holds the FET off",
                host.explain(refused.error(), exchange(host.refusalReasonRequest(1, refused.error()).orElseThrow()))
                        .meaning());

        board.lastResult(BoardResult.DONE);
        assertEquals(refused.error(), host.explain(refused.error(), exchange(why)), "result 0 explains nothing");
        assertTrue(host.refusalReasonRequest(1, new DeviceError(2, "illegal data address")).isEmpty(),
                "an address error is not the board's refusal");
        assertTrue(new SeplosV3Protocol().refusalReasonRequest(1, refused.error()).isEmpty(),
                "Seplos V3 has no result register");
    }

    @Test
    void everyResultCodeOfSection9_1IsReadable() {
        for (BoardResult r : BoardResult.values()) {
            if (r.ok() || r == BoardResult.INVALID_VALUE) {
                continue;
            }
            Reply reason = Reply.builder(Command.RAW).detail("raw.commandResult", r.code()).build();
            String meaning = host.explain(new DeviceError(4, "server device failure"), reason).meaning();
            assertTrue(meaning.startsWith("refused: ") || meaning.startsWith("failed: "), r + ": " + meaning);
        }
    }

    @Test
    void examples10_18And10_19HibernateThenAWriteDuringAnEraseIsBusy() {
        assertEquals("01 05 00 03 FF 00 7C 3A", ask("01 05 00 03 FF 00 7C 3A"));
        assertEquals("01 05 00 05 FF 00 9C 3B", ask("01 05 00 05 FF 00 9C 3B"));
        assertEquals(List.of("control HIBERNATE", "control DELETE_ALARMS"), board.calls);
        board.busy = true;
        assertEquals("01 86 06 C2 62", ask("01 06 10 09 0E 10 58 A4"));
        assertEquals(2, board.calls.size(), "a busy board is not asked");
    }

    private static AlarmRecord example10_21Record(int index) {
        PackSnapshot.Builder v = PackSnapshot.builder(1).set(Quantity.VOLTAGE, 58.410).set(Quantity.CURRENT, 20.120)
                .set(Quantity.SOC, 99.8).set(Quantity.MIN_CELL_VOLTAGE, 3.330).set(Quantity.MAX_CELL_VOLTAGE, 3.662)
                .set(Quantity.ENVIRONMENT_TEMPERATURE, 21.5).set(Quantity.MOSFET_TEMPERATURE, 27.4);
        double[] temps = { 28.8, 29.1, 29.5, 29.0 };
        for (int i = 0; i < temps.length; i++) {
            v.temperature(i, temps[i]);
        }
        return new AlarmRecord(index, LocalDateTime.of(2024, 5, 16, 22, 7, 41).plusMinutes(index), OperatingMode.CHARGE,
                Set.of(PackFlag.CELL_OV, PackFlag.CELL_OVP), 0x0203, v.build());
    }

    @Test
    void examples10_20To10_22TheRecordWindow() {
        for (int i = 0; i < 37; i++) {
            board.alarms.add(example10_21Record(i));
        }
        assertEquals("01 10 20 00 00 03 8B C8", ask("01 10 20 00 00 03 06 02 00 00 00 00 00 4C A2"));
        assertEquals("01 03 78 02 00 00 00 00 00 00 00 00 25 00 04 07 E8 00 05 00 10 00 16 00 07 00 29 00 01 02 03 "
                + "00 00 E4 2A 00 00 4E 98 03 E6 0D 02 0E 4E 00 D7 01 12 00 08 00 00 00 08 00 00 01 20 01 23 01 27 "
                + "01 22 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 "
                + "80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 80 00 A2 71",
                ask("01 03 20 00 00 3C 4E 1B"));
        assertEquals("01 10 20 01 00 02 1B C8", ask("01 10 20 01 00 02 04 00 00 00 01 6A 62"));
        byte[] window = answer(frame("01 03 20 00 00 0C")).orElseThrow();
        assertEquals(0x0200, u16(window, 3), "the kind stays alarm records");
        assertEquals(1, u16(window, 7), "index 1");
        assertEquals(8, u16(window, 3 + 2 * 0x0A), "the minute of record 1, stored at 22:08");
    }

    @Test
    void example10_23TheBarCode() {
        board.texts.put("barCode", "BW176S33-000042");
        assertEquals("01 03 1E 42 57 31 37 36 53 33 33 2D 30 30 30 30 34 32 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
                + "00 4C C1", ask("01 03 14 80 00 0F 01 D6"));
    }

    @Test
    void examples10_24And10_25Calibration() {
        assertEquals("01 10 16 04 00 02 04 41", ask("01 10 16 04 00 02 04 00 05 00 F8 05 BF"));
        assertEquals("01 10 16 02 00 02 E4 40", ask("01 10 16 02 00 02 04 00 00 00 00 94 16"));
        assertEquals(List.of("calibrateTemperature 5 24.8", "calibrateCurrentZero"), board.calls);
    }

    @Test
    void examples10_26To10_30AFirmwareTransfer() throws ProtocolException {
        assertEquals("01 10 30 00 00 05 0F 0A", ask("01 10 30 00 00 05 0A 00 01 F3 A0 8A 3F 21 C7 00 01 A2 49"));
        assertEquals(127904, board.firmware.size);
        assertEquals(0x8A3F21C7L, board.firmware.crc);
        assertEquals("01 03 08 00 02 00 00 00 80 00 00 B7 FF", ask("01 03 30 05 00 04 5B 08"));

        StringBuilder block0 = new StringBuilder("01 10 30 09 00 41 82 00 00");
        for (int i = 0; i < 128; i++) {
            block0.append(String.format(" %02X", i));
        }
        assertEquals("01 10 30 09 00 41 DF 3B", ask(block0 + " ED C6"));
        // The other 999 blocks, as the host sends them.
        for (int n = 1; n < 1000; n++) {
            int[] values = new int[65];
            values[0] = n;
            Arrays.fill(values, 1, 65, n == 999 ? 0xFFFF : 0x5A5A);
            acknowledged(host.writeRegisters(Command.RAW, 1, 0x3009, values));
        }
        assertEquals(1000, board.firmware.nextBlock);
        assertEquals("01 06 30 04 00 02 46 CA", ask("01 06 30 04 00 02 46 CA"));
        assertEquals(FirmwareTarget.STATUS_FAILED, board.firmware.status, "this image is not the one of CRC 8A3F21C7");
        assertEquals(FirmwareTarget.ERROR_CRC, board.firmware.error);
        assertEquals(exception(6, 4), ask("01 06 30 04 00 03 87 0A"), "an image that is not verified is not activated");
        assertEquals(BoardResult.NOT_ALLOWED.code(), board.lastResult());
    }

    @Test
    void examples10_31To10_33Exceptions() {
        assertEquals("01 AB 01 9E F0", ask("01 2B 0E 01 00 70 77"));
        assertEquals("01 84 02 C2 C1", ask("01 04 03 00 00 01 31 8E"));
        assertEquals("01 83 03 01 31", ask("01 03 10 00 00 7E C1 2A"));
    }

    @Test
    void example10_34ABroadcastSetsEveryClockAndIsNotAnswered() {
        TestBoard other = new TestBoard(PackSnapshot.builder(2).build());
        bus = TestBoard.bus(board, other);
        assertEquals("(silence)", ask("00 10 13 00 00 06 0C 07 E8 00 05 00 11 00 0D 00 2D 00 1E 41 E7"));
        assertEquals(LocalDateTime.of(2024, 5, 17, 13, 45, 30), board.clock);
        assertEquals(LocalDateTime.of(2024, 5, 17, 13, 45, 30), other.clock);
        assertEquals("(silence)", ask(Hex.spaced(frame("00 06 10 09 0E 10"))));
        assertEquals(List.of("clock 2024-05-17T13:45:30"), board.calls, "a broadcast does nothing but the clock");
        assertEquals(List.of("clock 2024-05-17T13:45:30"), other.calls);
    }

    // --- round trips with the host side ------------------------------------------------------------------

    /** A full pack: 176 cells, 33 sensors (some unreadable), flags of every category and balance bits. */
    private static PackSnapshot fullPack() {
        PackSnapshot.Builder b = PackSnapshot.builder(1);
        double[] values = { 702.5, -150.25, 55.5, 97.1, 142.25, 280.0, 300.0, 417, 701.9, 3000, Double.NaN, 3.991, 4.1,
            3.85, 31.5, 40.2, -5.5, 19.9, 61.3, 150.0, 200.0, 98765.4, 4321.09 };
        Quantity[] quantities = Quantity.values();
        for (int i = 0; i < quantities.length; i++) {
            b.set(quantities[i], values[i]);
        }
        for (int i = 0; i < 176; i++) {
            b.cellVoltage(i, 3.85 + i / 1000.0);
        }
        for (int i = 0; i < 33; i++) {
            b.temperature(i, i == 7 || i == 32 ? Double.NaN : -20.0 + i * 1.7);
        }
        for (int cell : new int[] { 0, 16, 99, 175 }) {
            b.balancing(cell, true);
        }
        for (FlagCategory c : FlagCategory.values()) {
            b.reported(c);
        }
        for (PackFlag f : EnumSet.of(PackFlag.CFET_ON, PackFlag.CHARGING, PackFlag.BALANCING, PackFlag.BUZZER,
                PackFlag.CELL_OV, PackFlag.DSG_OC, PackFlag.CELL_OVP, PackFlag.INVERSED_CHARGER, PackFlag.CFET_ERROR,
                PackFlag.CALIBRATION_MISSING, PackFlag.CFET_ENABLED, PackFlag.CHARGE_LIMIT_ENABLED)) {
            b.flag(f, true);
        }
        return b.build();
    }

    @Test
    void anAnalogPollGivesBackEveryValueOfAFullPack() throws ProtocolException {
        PackSnapshot pack = fullPack();
        board.snapshot = pack;
        PackSnapshot read = poll(host, Command.ANALOG, 1);
        for (Quantity q : Quantity.values()) {
            assertEquals(pack.get(q), read.get(q), 1e-9, q.key());
        }
        assertEquals(176, read.cellCount());
        assertArrayEquals(pack.cellVoltages(), read.cellVoltages(), 1e-9);
        assertEquals(33, read.temperatureCount());
        for (int i = 0; i < 33; i++) {
            assertEquals(pack.temperature(i), read.temperature(i), 1e-9, "T" + (i + 1));
        }
        assertEquals(pack.balancing(), read.balancing());
        assertEquals(pack.flags(), read.flags());
        assertEquals(EnumSet.allOf(FlagCategory.class), read.reportedFlagCategories());
    }

    @Test
    void theFlagMirrorAndTheCoilsReadWhatTheSnapshotSays() {
        board.snapshot = fullPack();
        byte[] reply = answer(frame("01 02 00 00 00 70")).orElseThrow();
        RegisterMap map = RegisterMap.load(host.id());
        for (RegisterMap.Field f : map.blocks.get("flagInputs").fields()) {
            boolean on = (reply[3 + f.address / 8] & (1 << (f.address % 8))) != 0;
            assertEquals(board.snapshot.hasFlag(PackFlag.valueOf(f.target.substring(5))), on, f.target);
        }
        assertEquals("01 01 01 01", Hex.spaced(answer(frame("01 01 00 00 00 07")).orElseThrow()).substring(0, 11),
                "CFET on, DFET off, limiter out");
    }

    @Test
    void everyParameterGoesRoundTheHostAndTheBoard() throws ProtocolException {
        ParameterSet set = ParameterSet.of(host.parameterDefinitions());
        for (ParameterDefinition d : host.parameterDefinitions()) {
            double v = d.isChoice() ? d.choices().size() - 1 : d.round(d.minimum() + (d.maximum() - d.minimum()) / 3);
            set = set.with(d.key(), v);
        }
        acknowledged(host.writeParameters(1, set));
        assertEquals(5, board.calls.size(), "one board call per host frame: " + board.calls);
        for (ParameterDefinition d : host.parameterDefinitions()) {
            assertEquals(set.value(d.key()), board.parameters.get(d.key()), 1e-9, d.key());
        }
        ParameterSet read = null;
        for (Request r : host.requests(Command.GET_PARAMETERS, 1)) {
            ParameterSet part = exchange(r).parameters();
            read = read == null ? part : merge(read, part);
        }
        for (ParameterDefinition d : host.parameterDefinitions()) {
            assertEquals(set.value(d.key()), read.value(d.key()), 1e-9, d.key());
        }
    }

    private static ParameterSet merge(ParameterSet a, ParameterSet b) {
        ParameterSet result = a;
        for (Map.Entry<String, Double> e : b.values().entrySet()) {
            result = result.withReadValue(e.getKey(), e.getValue());
        }
        return result;
    }

    @Test
    void theClockAndTheTextsGoRoundTheHostAndTheBoard() throws ProtocolException {
        LocalDateTime t = LocalDateTime.of(2031, 12, 31, 23, 59, 58);
        acknowledged(host.setClock(1, t));
        assertEquals(t, exchange(host.requests(Command.GET_CLOCK, 1).get(0)).clock());

        Map<String, String> texts = Map.of("manufacturer", "BMS Workbench Ltd.", "model", "NB176", "productVersion", "V2",
                "batteryType", "LFP 280Ah", "serialNumber", "SN-0001", "remarks", "~ all 30 characters used here!",
                "softwareVersion", "NB176-1.04.2", "hardwareVersion", "NB176S33-R3", "protocolVersion", "1.0");
        board.texts.putAll(texts);
        DeviceIdentity identity = new DeviceIdentity(Map.of());
        for (Request r : host.requests(Command.MANUFACTURER, 1)) {
            identity = identity.mergedWith(exchange(r).identity());
        }
        for (Map.Entry<String, String> e : texts.entrySet()) {
            assertEquals(e.getValue(), identity.get(e.getKey()), e.getKey());
        }

        int[] registers = new int[15];
        byte[] code = "NEW-CODE 7".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < code.length; i++) {
            registers[i / 2] |= (code[i] & 0xFF) << (i % 2 == 0 ? 8 : 0);
        }
        acknowledged(host.writeRegisters(Command.RAW, 1, 0x1480, registers));
        assertEquals("NEW-CODE 7", board.texts.get("barCode"));
        assertEquals("NEW-CODE 7", exchange(host.requests(Command.SERIAL_NUMBER, 1).get(0)).identity().get("barCode"));
    }

    @Test
    void historyAndAlarmRecordsGoRoundTheHostAndTheBoard() throws ProtocolException {
        PackSnapshot values = PackSnapshot.builder(1).set(Quantity.VOLTAGE, 52.001).set(Quantity.CURRENT, -3.5)
                .set(Quantity.SOC, 64.2).set(Quantity.MIN_CELL_VOLTAGE, 3.2).set(Quantity.MAX_CELL_VOLTAGE, 3.31)
                .set(Quantity.ENVIRONMENT_TEMPERATURE, Double.NaN).set(Quantity.MOSFET_TEMPERATURE, -1.5)
                .temperature(0, 12.5).temperature(1, Double.NaN).temperature(2, 13.0).build();
        board.history.add(new HistoryRecord(0, LocalDateTime.of(2025, 1, 1, 0, 0, 0), OperatingMode.IDLE, values));
        board.history.add(new HistoryRecord(1, LocalDateTime.of(2025, 1, 1, 0, 5, 0), OperatingMode.DISCHARGE, values));
        board.alarms.add(example10_21Record(0));

        acknowledged(host.writeRegisters(Command.RAW, 1, 0x2000, new int[] { 0x0100, 0, 1 }));
        HistoryRecord h = exchange(host.requests(Command.HISTORY, 1).get(0)).history().get(0);
        assertEquals(1, h.index());
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 5, 0), h.time());
        assertEquals(OperatingMode.DISCHARGE, h.mode());
        for (Quantity q : List.of(Quantity.VOLTAGE, Quantity.CURRENT, Quantity.SOC, Quantity.MIN_CELL_VOLTAGE,
                Quantity.MAX_CELL_VOLTAGE, Quantity.ENVIRONMENT_TEMPERATURE, Quantity.MOSFET_TEMPERATURE)) {
            assertEquals(values.get(q), h.values().get(q), 1e-9, q.key());
        }
        assertEquals(3, h.values().temperatureCount());
        assertEquals(12.5, h.values().temperature(0), 1e-9);
        assertTrue(Double.isNaN(h.values().temperature(1)));
        assertEquals(BoardResult.DONE.code(), board.lastResult());

        acknowledged(host.writeRegisters(Command.RAW, 1, 0x2000, new int[] { 0x0200, 0, 0 }));
        AlarmRecord a = exchange(host.requests(Command.ALARM_RECORDS, 1).get(0)).alarms().get(0);
        AlarmRecord expected = example10_21Record(0);
        assertEquals(expected.time(), a.time());
        assertEquals(OperatingMode.CHARGE, a.mode());
        assertEquals(0x0203, a.code());
        assertEquals(expected.active(), a.active());
        assertEquals(58.410, a.values().get(Quantity.VOLTAGE), 1e-9);
    }

    @Test
    void theRecordWindowIsFrozenUntilTheNextSelection() {
        board.alarms.add(example10_21Record(0));
        assertEquals("01 10 20 00 00 03 8B C8", ask("01 10 20 00 00 03 06 02 00 00 00 00 00 4C A2"));
        board.alarms.set(0, new AlarmRecord(0, LocalDateTime.of(2030, 1, 1, 0, 0), OperatingMode.IDLE, Set.of(), 0x8203,
                PackSnapshot.builder(1).build()));
        board.alarms.add(example10_21Record(1));
        byte[] window = answer(frame("01 03 20 00 00 0E")).orElseThrow();
        assertEquals(2, u16(window, 3 + 2 * 4), "the count is the live one");
        assertEquals(2024, u16(window, 3 + 2 * 6), "the record is the one loaded at the selection");
        assertEquals(0x0203, u16(window, 3 + 2 * 0x0D));

        assertEquals(Hex.spaced(frame("01 06 20 00 02 00")), ask(Hex.spaced(frame("01 06 20 00 02 00"))));
        window = answer(frame("01 03 20 00 00 0E")).orElseThrow();
        assertEquals(2030, u16(window, 3 + 2 * 6));
        assertEquals(0x8203, u16(window, 3 + 2 * 0x0D));
    }

    @Test
    void aRecordIndexMustBeBelowTheCountButAKindAloneIsNotChecked() {
        assertEquals(exception(16, 3), ask(Hex.spaced(frame("01 10 20 00 00 03 06 01 00 00 00 00 00"))),
                "no data records: index 0 is not below the count");
        assertEquals(exception(6, 3), ask(Hex.spaced(frame("01 06 20 00 03 00"))), "kind 3 is unknown");
        assertEquals(Hex.spaced(frame("01 06 20 00 01 00")), ask(Hex.spaced(frame("01 06 20 00 01 00"))));
        byte[] window = answer(frame("01 03 20 00 00 0C")).orElseThrow();
        assertEquals(0x0100, u16(window, 3));
        assertEquals(0, u16(window, 7), "an empty store reads as zeros");
        assertEquals(0, u16(window, 3 + 2 * 6));
        assertEquals(exception(6, 2), ask(Hex.spaced(frame("01 06 20 02 00 00"))), "half of the index");
        board.busy = true;
        assertEquals(exception(3, 6), ask(Hex.spaced(frame("01 03 20 00 00 3C"))), "no window reads during an erase");
        assertTrue(ask(Hex.spaced(frame("01 04 00 00 00 3C"))).startsWith("01 04 78"), "other reads are served");
    }

    // --- framing and silence ----------------------------------------------------------------------------

    @Test
    void scanFindsTheRequestsAfterGarbageAndCorruptFrames() {
        byte[] good1 = Hex.parse("01 04 00 00 00 3C F0 1B");
        byte[] corrupt = Hex.parse("01 03 10 09 00 02 10 C8");
        byte[] unknown = Hex.parse("01 2B 0E 01 00 70 77");
        byte[] good2 = Hex.parse("01 10 10 14 00 02 04 00 00 E1 00 76 C0");
        byte[] line = concat(new byte[] { (byte) 0xFF, 0x7E, 0x00 }, good1, corrupt, unknown, good2,
                new byte[] { 0x01, 0x03 });
        List<String> found = new ArrayList<>();
        int at = 0;
        while (at < line.length) {
            byte[] rest = Arrays.copyOfRange(line, at, line.length);
            int n = codec.scan(rest, rest.length);
            if (n == 0) {
                break;
            }
            if (n > 0) {
                found.add(Hex.spaced(Arrays.copyOf(rest, n)));
            }
            at += Math.abs(n);
        }
        assertEquals(List.of(Hex.spaced(good1), Hex.spaced(unknown), Hex.spaced(good2)), found);
        assertEquals(line.length - 2, at, "the start of a request waits for the rest");
        assertEquals(0, codec.scan(good2, 10), "a part of a request waits for the rest");
        assertEquals(1, codec.addressOf(good1));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @Test
    void aBadChecksumAnAbsentAddressOrAWrongLengthIsNotAnswered() {
        assertEquals("(silence)", ask("01 04 00 00 00 3C F0 1C"));
        assertEquals("(silence)", ask(Hex.spaced(frame("05 04 00 00 00 3C"))));
        assertEquals("(silence)", ask(Hex.spaced(frame("01 04 00 00 00 3C 00"))));
        assertEquals("(silence)", ask(Hex.spaced(frame("01 10 10 14 00 02 04 00 00 E1"))));
        assertEquals(List.of(), board.calls);
    }

    @Test
    void eachCallGivesANewCodec() {
        assertNotSame(host.deviceCodec().orElseThrow(), host.deviceCodec().orElseThrow());
    }

    // --- write rules ----------------------------------------------------------------------------------------

    @Test
    void aFrameWithOneBadValueAppliesNothing() {
        assertEquals(exception(16, 3), ask(Hex.spaced(frame("01 10 10 09 00 02 04 0E 10 17 70"))));
        assertEquals(exception(16, 3), ask(Hex.spaced(frame("01 10 13 00 00 06 0C 07 E7 00 02 00 1E 00 00 00 00 00 00"))),
                "2023-02-30");
        assertEquals(exception(16, 3), ask(Hex.spaced(frame("01 10 14 80 00 0F 1E 41 07" + " 00".repeat(28)))),
                "a control character in a text");
        assertEquals(exception(16, 3), ask(Hex.spaced(frame("01 10 14 80 00 0F 1E 41 00 42" + " 00".repeat(27)))),
                "text after the padding");
        assertEquals(exception(16, 3), ask(Hex.spaced(frame("01 10 12 00 00 05 0A 00 01 86 A0 00 01 86 A1 00 07"))),
                "residual above full");
        assertEquals(exception(16, 3), ask(Hex.spaced(frame("01 10 16 02 00 02 04 00 00 00 05"))),
                "current calibration takes 0 only");
        assertEquals(exception(6, 3), ask(Hex.spaced(frame("01 06 16 06 00 05"))), "reset 5");
        assertEquals(exception(6, 3), ask(Hex.spaced(frame("01 06 30 04 00 05"))), "firmware command 5");
        assertEquals(List.of(), board.calls);
        assertTrue(board.parameters.isEmpty());
    }

    @Test
    void writesToReadOnlyReservedOrHalfFieldsAreAddressErrors() {
        assertEquals(exception(6, 2), ask(Hex.spaced(frame("01 06 10 14 00 00"))), "half of a u32");
        assertEquals(exception(6, 2), ask(Hex.spaced(frame("01 06 13 00 07 E8"))), "the clock alone");
        assertEquals(exception(16, 2), ask(Hex.spaced(frame("01 10 13 00 00 05 0A 07 E8 00 05 00 11 00 0D 00 2D"))),
                "five clock registers");
        assertEquals(exception(6, 2), ask(Hex.spaced(frame("01 06 14 80 41 42"))), "one register of a string");
        assertEquals(exception(6, 2), ask(Hex.spaced(frame("01 06 16 07 00 01"))), "calibration status is read-only");
        assertEquals(exception(6, 2), ask(Hex.spaced(frame("01 06 10 44 00 01"))), "reserved");
        assertEquals(exception(6, 2), ask(Hex.spaced(frame("01 06 30 09 00 00"))), "a block number without data");
        assertEquals(exception(16, 2), ask(Hex.spaced(frame("01 10 10 43 00 02 04 0D AC 00 00"))),
                "a reserved register after a parameter");
        assertEquals(exception(16, 3), ask(Hex.spaced(frame("01 10 10 09 00 02 03 0E 10 0D"))),
                "byte count not twice the quantity comes before the address check");
        assertEquals(List.of(), board.calls);
    }

    @Test
    void aBusyBoardRefusesEveryWriteButAFirmwareAbort() {
        board.busy = true;
        assertEquals(exception(6, 6), ask(Hex.spaced(frame("01 06 10 09 0E 10"))));
        assertEquals(exception(5, 6), ask(Hex.spaced(frame("01 05 00 00 FF 00"))));
        assertEquals(exception(15, 6), ask(Hex.spaced(frame("01 0F 00 00 00 02 01 03"))));
        assertEquals(exception(16, 6), ask("01 10 13 00 00 06 0C 07 E8 00 05 00 11 00 0D 00 2D 00 1E 7C 1B"));
        assertEquals(exception(6, 2), ask(Hex.spaced(frame("01 06 10 44 00 01"))), "addresses come before busy");
        assertEquals(exception(6, 6), ask("01 06 10 09 17 70 53 1C"), "busy comes before values");
        assertEquals(exception(5, 6), ask(Hex.spaced(frame("01 05 00 00 12 34"))), "busy comes before a coil value");
        assertEquals(List.of(), board.calls);
        board.firmware.status = FirmwareTarget.STATUS_RECEIVING;
        assertEquals(Hex.spaced(frame("01 06 30 04 00 04")), ask(Hex.spaced(frame("01 06 30 04 00 04"))));
        assertEquals(FirmwareTarget.STATUS_IDLE, board.firmware.status);

        board.busy = false;
        board.firmware.status = FirmwareTarget.STATUS_CHECKING;
        assertEquals(exception(6, 6), ask(Hex.spaced(frame("01 06 10 09 0E 10"))), "the firmware check is busy too");
    }

    @Test
    void aRefusalOfTheBoardIsAnException() {
        board.nextResult = BoardResult.INVALID_VALUE;
        assertEquals(exception(16, 3), ask("01 10 10 14 00 02 04 00 00 E1 00 76 C0"), "a broken relation");
        board.nextResult = BoardResult.OUT_OF_WINDOW;
        assertEquals(exception(16, 3), ask(Hex.spaced(frame("01 10 16 00 00 02 04 00 00 CF D0"))));
        board.nextResult = BoardResult.MEMORY_FAILURE;
        assertEquals(exception(6, 4), ask(Hex.spaced(frame("01 06 10 09 0E 10"))));
        board.nextResult = BoardResult.BUSY;
        assertEquals(exception(5, 6), ask(Hex.spaced(frame("01 05 00 06 FF 00"))));
        assertEquals(List.of("parameters {packHighVoltageAlarm=57.6}", "calibrateVoltage 53.2",
                "parameters {cellHighVoltageAlarm=3.6}", "control RESTORE_DEFAULTS"), board.calls);
    }

    @Test
    void systemConfigurationIsReadAndWrittenInAmpereHours() {
        assertEquals(Hex.spaced(ModbusFrames.readReply(1, 3, new int[] { 0x0001, 0x7ED0, 0x0001, 0x24DA, 123 })),
                ask(Hex.spaced(frame("01 03 12 00 00 05"))));
        assertEquals(Hex.spaced(frame("01 10 12 00 00 05")),
                ask(Hex.spaced(frame("01 10 12 00 00 05 0A 00 01 86 A0 00 00 C3 50 00 07"))));
        assertEquals(Hex.spaced(frame("01 10 12 02 00 02")), ask(Hex.spaced(frame("01 10 12 02 00 02 04 00 01 7E D0"))),
                "a residual equal to the stored full capacity");
        assertEquals(List.of("configure {cycleCount=7.0, fullCapacity=100.0, remainingCapacity=50.0}",
                "configure {remainingCapacity=98.0}"), board.calls);
    }

    @Test
    void calibrationReadsTheSelectedSensorAndActsOnIt() {
        board.temperatures[1] = 25.3;
        board.temperatures[Board.SENSOR_ENVIRONMENT] = -7.2;
        board.calibrationStatus = 0b0101;
        assertEquals(Hex.spaced(ModbusFrames.readReply(1, 3, new int[] { 0, 53124, 0xFFFF, 0xCFC7, 1, 253, 0, 5 })),
                ask(Hex.spaced(frame("01 03 16 00 00 08"))));
        assertEquals(Hex.spaced(frame("01 06 16 04 00 22")), ask(Hex.spaced(frame("01 06 16 04 00 22"))));
        assertEquals(Hex.spaced(ModbusFrames.readReply(1, 3, new int[] { 34, -72 & 0xFFFF })),
                ask(Hex.spaced(frame("01 03 16 04 00 02"))));
        board.lastResult(BoardResult.MEMORY_FAILURE);
        assertEquals(Hex.spaced(frame("01 06 16 04 00 23")), ask(Hex.spaced(frame("01 06 16 04 00 23"))));
        assertEquals(0, board.lastResult(), "a sensor selection sets the last result");
        assertEquals(Hex.spaced(ModbusFrames.readReply(1, 3, new int[] { 35, 0x8000 })),
                ask(Hex.spaced(frame("01 03 16 04 00 02"))), "an unreadable sensor");
        assertEquals(Hex.spaced(frame("01 06 16 06 00 03")), ask(Hex.spaced(frame("01 06 16 06 00 03"))));
        assertEquals(List.of("resetCalibration 3 35"), board.calls);
    }

    // --- coil rules --------------------------------------------------------------------------------------------

    @Test
    void aCoilTakesOnlyFf00Or0000AndATriggerWrittenZeroDoesNothing() {
        assertEquals(exception(5, 3), ask(Hex.spaced(frame("01 05 00 00 12 34"))));
        assertEquals(exception(5, 2), ask(Hex.spaced(frame("01 05 00 07 FF 00"))));
        assertEquals(Hex.spaced(frame("01 05 00 03 00 00")), ask(Hex.spaced(frame("01 05 00 03 00 00"))));
        assertEquals(List.of(), board.calls);
    }

    @Test
    void severalCoilsStopAtTheFirstRefusalAndKeepWhatCameBefore() {
        // A board that refuses DFET off (charging), and answers everything else as the test board does.
        Board refusing = (Board) Proxy.newProxyInstance(Board.class.getClassLoader(), new Class<?>[] { Board.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("control") && args[0] == ControlAction.DFET_OFF) {
                        board.lastResult(BoardResult.REFUSED_DFET_WHILE_CHARGING);
                        return BoardResult.REFUSED_DFET_WHILE_CHARGING;
                    }
                    try {
                        return method.invoke(board, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        bus = new DeviceBus() {
            @Override
            public Board board(int address) {
                return address == 1 ? refusing : null;
            }

            @Override
            public List<Board> boards() {
                return List.of(refusing);
            }
        };
        // Coils 0..2 = 1, 0, 1: CFET on is done, DFET off is refused, the limiter is never reached.
        assertEquals(exception(15, 4), ask(Hex.spaced(frame("01 0F 00 00 00 03 01 05"))));
        assertEquals(List.of("control CFET_ON"), board.calls);
        assertEquals(Hex.spaced(ModbusFrames.readReply(1, 4, new int[] { 2 })), ask(Hex.spaced(frame("01 04 00 21 00 01"))));

        board.calls.clear();
        assertEquals(exception(15, 3), ask(Hex.spaced(frame("01 0F 00 03 00 04 01 05"))), "two triggers in one frame");
        assertEquals(Hex.spaced(frame("01 0F 00 00 00 07")), ask(Hex.spaced(frame("01 0F 00 00 00 07 01 0B"))),
                "one trigger, and zeros written to the others");
        assertEquals(List.of("control CFET_ON", "control DFET_ON", "control CHARGE_LIMIT_OFF", "control HIBERNATE"),
                board.calls);
        assertEquals(exception(15, 3), ask(Hex.spaced(frame("01 0F 00 00 00 07 02 13 00"))), "byte count");
        assertEquals(exception(15, 2), ask(Hex.spaced(frame("01 0F 00 05 00 03 01 01"))), "coil 7 does not exist");
    }

    @Test
    void anEraseEndsTheRecordSelection() {
        board.alarms.add(example10_21Record(0));
        ask("01 10 20 00 00 03 06 02 00 00 00 00 00 4C A2");
        ask("01 05 00 05 FF 00 9C 3B");
        byte[] window = answer(frame("01 03 20 00 00 06")).orElseThrow();
        assertEquals(0, u16(window, 3), "no kind is selected");
        assertEquals(0, u16(window, 3 + 2 * 5), "nothing is loaded");
    }

    // --- firmware ---------------------------------------------------------------------------------------------

    @Test
    void aSmallImageIsSentCheckedAndActivated() throws ProtocolException {
        byte[] image = new byte[300];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 7 + 3);
        }
        CRC32 crc = new CRC32();
        crc.update(image);
        long c = crc.getValue();
        acknowledged(host.writeRegisters(Command.RAW, 1, 0x3000,
                new int[] { 0, image.length, (int) (c >>> 16), (int) (c & 0xFFFF), 1 }));
        assertEquals(FirmwareTarget.STATUS_READY, board.firmware.status);
        for (int n = 0; n < 3; n++) {
            acknowledged(host.writeRegisters(Command.RAW, 1, 0x3009, block(image, n)));
        }
        acknowledged(host.writeRegisters(Command.RAW, 1, 0x3009, block(image, 2)));
        assertEquals(3, board.firmware.nextBlock, "a repeated last block is not written twice");
        assertEquals(3, exchange(host.writeRegisters(Command.RAW, 1, 0x3009, block(image, 5)).get(0)).error().code(),
                "out of sequence");
        acknowledged(host.writeRegisters(Command.RAW, 1, 0x3004, new int[] { 2 }));
        assertEquals(FirmwareTarget.STATUS_VERIFIED, board.firmware.status);
        byte[] status = answer(frame("01 03 30 00 00 09")).orElseThrow();
        assertEquals(image.length, u16(status, 5));
        assertEquals(c, ((long) u16(status, 7) << 16) | u16(status, 9));
        assertEquals(0, u16(status, 11), "the command register reads 0");
        assertEquals(FirmwareTarget.STATUS_VERIFIED, u16(status, 13));
        assertEquals(3, u16(status, 19));
        acknowledged(host.writeRegisters(Command.RAW, 1, 0x3004, new int[] { 3 }));
        assertEquals(FirmwareTarget.STATUS_ACTIVATING, board.firmware.status);
        assertEquals(exception(16, 3), ask(Hex.spaced(frame("01 10 30 00 00 05 0A 00 00 00 00 00 00 00 00 00 01"))),
                "start with size 0");
        assertEquals(FirmwareTarget.ERROR_SIZE, board.firmware.error);
    }

    private static int[] block(byte[] image, int n) {
        int[] values = new int[65];
        values[0] = n;
        for (int i = 0; i < 128; i++) {
            int at = n * 128 + i;
            int b = at < image.length ? image[at] & 0xFF : 0xFF;
            values[1 + i / 2] |= i % 2 == 0 ? b << 8 : b;
        }
        return values;
    }

    // --- Seplos V3, another map with the same codec ---------------------------------------------------------

    @Test
    void seplosGoldenFrameG6IsAnsweredFromTheValuesDecodedFromIt() throws Exception {
        ModbusProtocol seplos = new SeplosV3Protocol();
        Request g6 = seplos.parseRequest(Hex.parse(SeplosV3GoldenTest.G6_REQUEST));
        PackSnapshot decoded = seplos.decode(g6, Hex.parse(SeplosV3GoldenTest.G6_RESPONSE)).packs().get(0);
        DeviceBus seplosBus = TestBoard.bus(new TestBoard(decoded));
        byte[] reply = seplos.deviceCodec().orElseThrow().answer(g6.frame(), seplosBus).orElseThrow();
        assertEquals(SeplosV3GoldenTest.G6_RESPONSE, Hex.spaced(reply));
    }

    @Test
    void seplosTemperaturesGoRoundWithinHalfAStepOfTheirKelvinTenths() throws Exception {
        ModbusProtocol seplos = new SeplosV3Protocol();
        DeviceCodec seplosCodec = seplos.deviceCodec().orElseThrow();
        Request cells = seplos.requests(Command.ANALOG, 1).get(1);
        for (double celsius : new double[] { -20.0, -0.05, 0.0, 0.05, 21.15, 25.0, 44.95, 60.0 }) {
            PackSnapshot.Builder b = PackSnapshot.builder(1);
            for (int i = 0; i < 4; i++) {
                b.temperature(i, celsius);
            }
            DeviceBus board = TestBoard.bus(new TestBoard(b.build()));
            byte[] reply = seplosCodec.answer(cells.frame(), board).orElseThrow();
            int raw = ((reply[3 + 32] & 0xFF) << 8) | (reply[4 + 32] & 0xFF);
            assertEquals(celsius, (raw - 2731.5) / 10, 0.05 + 1e-9, "the board sends the nearest raw to " + celsius);
            PackSnapshot read = seplos.decode(cells, reply).packs().get(0);
            assertEquals((raw - 2731.5) / 10, read.temperature(0), 1e-9, "the host reads what the board sent");
        }
    }

    @Test
    void seplosPollsGoRoundTheHostAndTheBoardAndAddressZeroIsAPack() throws Exception {
        ModbusProtocol seplos = new SeplosV3Protocol();
        PackSnapshot.Builder b = PackSnapshot.builder(1).set(Quantity.VOLTAGE, 53.25).set(Quantity.CURRENT, -1.37)
                .set(Quantity.REMAINING_CAPACITY, 274.56).set(Quantity.FULL_CAPACITY, 330.0).set(Quantity.SOC, 83.2)
                .set(Quantity.SOH, 99.9).set(Quantity.CYCLES, 10).set(Quantity.AVERAGE_CELL_TEMPERATURE, 21.15)
                .set(Quantity.MAX_CELL_VOLTAGE, 3.4).set(Quantity.MIN_CELL_VOLTAGE, 3.1)
                .set(Quantity.DISCHARGED_CAPACITY_TOTAL, 2900).set(Quantity.CHARGE_CURRENT_LIMIT, 180);
        for (int i = 0; i < 16; i++) {
            b.cellVoltage(i, i == 9 ? 3.4 : i == 4 ? 3.1 : 3.3);
        }
        for (int i = 0; i < 4; i++) {
            b.temperature(i, 20.05 + i); // 0.1 K from 273.15 K: the wire carries x.x5 degC exactly
        }
        b.balancing(9, true);
        for (PackFlag f : EnumSet.of(PackFlag.DISCHARGING, PackFlag.CELL_OV, PackFlag.CELL_UV, PackFlag.DFET_ON,
                PackFlag.CFET_ON, PackFlag.SCP, PackFlag.KEY_SWITCH_ERROR)) {
            b.flag(f, true);
        }
        PackSnapshot pack = b.build();
        bus = TestBoard.bus(new TestBoard(pack));
        DeviceCodec seplosCodec = seplos.deviceCodec().orElseThrow();
        PackSnapshot read = null;
        for (Command c : List.of(Command.ANALOG, Command.ALARM_STATUS)) {
            for (Request r : seplos.requests(c, 1)) {
                Reply reply = seplos.decode(r, seplosCodec.answer(r.frame(), bus).orElseThrow());
                for (PackSnapshot s : reply.packs()) {
                    read = read == null ? s : read.mergedWith(s);
                }
            }
        }
        for (Quantity q : List.of(Quantity.VOLTAGE, Quantity.CURRENT, Quantity.REMAINING_CAPACITY, Quantity.SOC,
                Quantity.AVERAGE_CELL_TEMPERATURE, Quantity.MAX_CELL_VOLTAGE, Quantity.DISCHARGED_CAPACITY_TOTAL)) {
            assertEquals(pack.get(q), read.get(q), 1e-9, q.key());
        }
        assertArrayEquals(pack.cellVoltages(), read.cellVoltages(), 1e-9);
        assertEquals(4, read.temperatureCount());
        assertEquals(23.05, read.temperature(3), 1e-9);
        assertEquals(pack.balancing(), read.balancing());
        Set<PackFlag> expected = EnumSet.copyOf(pack.flags());
        expected.add(PackFlag.BALANCING);
        assertEquals(expected, read.flags());

        bus = TestBoard.bus(new TestBoard(PackSnapshot.builder(0).build()));
        assertEquals(SeplosV3GoldenTest.G7A_RESPONSE, Hex.spaced(seplosCodec.answer(
                Hex.parse(SeplosV3GoldenTest.G7A_REQUEST), bus).orElseThrow()), "G7: the parallel summary at address 0");
    }
}
