package org.bmsworkbench.protocol.ydt1363;

import static org.bmsworkbench.protocol.ydt1363.Golden.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.device.BoardResult;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.testsupport.TestBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device side of every dialect against its host side: requests the host builds, answered by
 * {@link TestBoard}s, decode back to the boards' values within the wire's resolution.
 */
class YdtDeviceCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    private static YdtProtocol protocol(String id) {
        return switch (id) {
            case "pylontech" -> new PylontechProtocol();
            case "seplos-v2" -> new SeplosV2Protocol();
            case "pace-v25" -> new PaceV25Protocol();
            default -> new YdtProtocol(id);
        };
    }

    /** A pack whose values are exact at the coarsest scale of the three dialects. */
    private static PackSnapshot pack(int address, int cells, int temps) {
        PackSnapshot.Builder b = PackSnapshot.builder(address);
        for (int i = 0; i < cells; i++) {
            b.cellVoltage(i, 3.0 + ((i * 37 + address * 11) % 600) / 1000.0);
        }
        for (int i = 0; i < temps; i++) {
            b.temperature(i, -15.0 + ((i * 13 + address * 7) % 700) / 10.0);
        }
        return b.set(Quantity.CURRENT, -12.3 + address).set(Quantity.VOLTAGE, 52.34 + address / 10.0)
                .set(Quantity.REMAINING_CAPACITY, 48.19 + address).set(Quantity.FULL_CAPACITY, 60.5)
                .set(Quantity.DESIGN_CAPACITY, 64.0).set(Quantity.CYCLES, 140 + address)
                .set(Quantity.SOC, 79.6).set(Quantity.SOH, 94.5).set(Quantity.PORT_VOLTAGE, 52.3).build();
    }

    private static TestBoard board(PackSnapshot s) {
        return new TestBoard(s);
    }

    /** The request through the device's scan and answer, the reply through the host's stream decoder. */
    private static Reply exchange(YdtProtocol host, DeviceBus bus, Request request) throws Exception {
        byte[] reply = answer(host, bus, request.frame()).orElseThrow(() -> new AssertionError("no answer"));
        FrameDecoder decoder = host.decoder(request);
        decoder.feed(reply);
        DecodeResult result = decoder.next();
        assertInstanceOf(DecodeResult.Frame.class, result, () -> "not a frame: " + result);
        return host.decode(request, ((DecodeResult.Frame) result).bytes());
    }

    private static Optional<byte[]> answer(YdtProtocol host, DeviceBus bus, byte[] request) {
        DeviceCodec device = host.deviceCodec().orElseThrow();
        assertEquals(request.length, device.scan(request, request.length));
        return device.answer(request, bus);
    }

    private static YdtFrame replyFrame(Optional<byte[]> reply) throws Exception {
        return YdtFrame.parse(reply.orElseThrow(() -> new AssertionError("no answer")));
    }

    private static int rtn(Optional<byte[]> reply) throws Exception {
        return replyFrame(reply).cid2();
    }

    /** What each dialect carries besides cells, temperatures, current, voltage and remaining capacity. */
    private static List<Quantity> items(String id) {
        return switch (id) {
            case "pylontech" -> List.of(Quantity.FULL_CAPACITY, Quantity.CYCLES);
            case "seplos-v2" -> List.of(Quantity.FULL_CAPACITY, Quantity.SOC, Quantity.DESIGN_CAPACITY,
                    Quantity.CYCLES, Quantity.SOH, Quantity.PORT_VOLTAGE);
            default -> List.of(Quantity.FULL_CAPACITY, Quantity.CYCLES, Quantity.DESIGN_CAPACITY);
        };
    }

    private static void assertValues(String id, PackSnapshot expected, PackSnapshot actual) {
        YdtVariant v = YdtVariant.load(id);
        assertEquals(expected.cellCount(), actual.cellCount(), "cell count");
        for (int i = 0; i < expected.cellCount(); i++) {
            assertEquals(expected.cellVoltage(i), actual.cellVoltage(i), v.cellVoltageScale / 2 + 1e-9, "cell " + i);
        }
        assertEquals(expected.temperatureCount(), actual.temperatureCount(), "temperature count");
        for (int i = 0; i < expected.temperatureCount(); i++) {
            assertEquals(expected.temperature(i), actual.temperature(i), 0.05 + 1e-9, "T" + (i + 1));
        }
        assertEquals(expected.get(Quantity.CURRENT), actual.get(Quantity.CURRENT), v.currentScale / 2 + 1e-9);
        assertEquals(expected.get(Quantity.VOLTAGE), actual.get(Quantity.VOLTAGE), v.voltageScale / 2 + 1e-9);
        assertEquals(expected.get(Quantity.REMAINING_CAPACITY), actual.get(Quantity.REMAINING_CAPACITY),
                v.capacityScale / 2 + 1e-9);
        for (Quantity q : items(id)) {
            double resolution = switch (q) {
                case CYCLES -> 0;
                case SOC, SOH -> 0.05;
                case PORT_VOLTAGE -> v.voltageScale / 2;
                default -> v.capacityScale / 2;
            };
            assertEquals(expected.get(q), actual.get(q), resolution + 1e-9, q.key());
        }
        if (id.equals("pace-v25")) {
            // Not sent: the host derives them from the capacities as the pack's display does.
            double soc = Math.round(1000 * actual.get(Quantity.REMAINING_CAPACITY) / actual.get(Quantity.FULL_CAPACITY))
                    / 10.0;
            assertEquals(Math.min(100, soc), actual.get(Quantity.SOC), 1e-9);
            assertTrue(actual.has(Quantity.SOH));
        }
    }

    // --- 42H ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "pylontech", "seplos-v2", "pace-v25" })
    void analogValuesDecodeBackForSixteenAndForTheLargestPack(String id) throws Exception {
        YdtProtocol p = protocol(id);
        for (int[] size : new int[][] { { 16, 6 }, { 1, 0 }, { PackSnapshot.MAX_CELLS, PackSnapshot.MAX_TEMPERATURES } }) {
            PackSnapshot s = pack(2, size[0], size[1]);
            Reply reply = exchange(p, TestBoard.bus(board(pack(1, 4, 1)), board(s)), p.requests(Command.ANALOG, 2).get(0));
            assertFalse(reply.isError());
            assertEquals(1, reply.packs().size());
            assertEquals(2, reply.packs().get(0).address());
            assertValues(id, s, reply.packs().get(0));
            TestBoard flagged = board(s.toBuilder().flag(PackFlag.CELL_OV, true).build());
            Reply alarms = exchange(p, TestBoard.bus(flagged), p.requests(Command.ALARM_STATUS, 2).get(0));
            assertEquals(s.cellCount() > 0 ? Set.of(PackFlag.CELL_OV) : Set.of(), alarms.packs().get(0).flags());
        }
    }

    @Test
    void pylontechTakesTheFourItemLayoutOnlyWhenCapacitiesExceedSixteenBits() throws Exception {
        YdtProtocol p = protocol("pylontech");
        Request r = p.requests(Command.ANALOG, 2).get(0);
        // 16 cells, 2 temperatures: the item count sits after header, cells, temperatures, current, voltage
        // and the 16-bit remaining capacity.
        int countAt = 2 + 1 + 32 + 1 + 4 + 2 + 2 + 2;
        PackSnapshot small = pack(2, 16, 2).toBuilder().set(Quantity.REMAINING_CAPACITY, 40.123)
                .set(Quantity.FULL_CAPACITY, 65.535).build();
        byte[] info = replyFrame(answer(p, TestBoard.bus(board(small)), r.frame())).info();
        assertEquals(2, info[countAt]);
        assertEquals(info.length, countAt + 1 + 4);
        PackSnapshot large = small.toBuilder().set(Quantity.REMAINING_CAPACITY, 100.25)
                .set(Quantity.FULL_CAPACITY, 200.0).build();
        info = replyFrame(answer(p, TestBoard.bus(board(large)), r.frame())).info();
        assertEquals(4, info[countAt]);
        assertEquals("FFFF", HEX.formatHex(info, countAt - 2, countAt).toUpperCase());
        assertEquals("FFFF", HEX.formatHex(info, countAt + 1, countAt + 3).toUpperCase());
        PackSnapshot decoded = exchange(p, TestBoard.bus(board(large)), r).packs().get(0);
        assertEquals(100.25, decoded.get(Quantity.REMAINING_CAPACITY), 1e-9);
        assertEquals(200.0, decoded.get(Quantity.FULL_CAPACITY), 1e-9);
        assertEquals(large.get(Quantity.CYCLES), decoded.get(Quantity.CYCLES), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = { "pylontech", "seplos-v2", "pace-v25" })
    void valuesBeyondTheirFieldSaturateInsteadOfWrapping(String id) throws Exception {
        YdtProtocol p = protocol(id);
        YdtVariant v = YdtVariant.load(id);
        Request r = p.requests(Command.ANALOG, 3).get(0);
        PackSnapshot hot = pack(3, 4, 3).toBuilder().cellVoltage(0, 99.0).cellVoltage(1, Double.NaN)
                .cellVoltage(2, -1.0).temperature(0, 7000.0).temperature(1, -300.0).temperature(2, Double.NaN)
                .set(Quantity.CURRENT, 5000.0).set(Quantity.VOLTAGE, 1000.0)
                .set(Quantity.REMAINING_CAPACITY, -5.0).set(Quantity.CYCLES, 1e6).build();
        PackSnapshot s = exchange(p, TestBoard.bus(board(hot)), r).packs().get(0);
        assertEquals(0xFFFF * v.cellVoltageScale, s.cellVoltage(0), 1e-6);
        assertEquals(0, s.cellVoltage(1), 1e-9, "an unread cell reads raw 0");
        assertEquals(0, s.cellVoltage(2), 1e-9);
        assertEquals((0xFFFF - v.temperatureOffset) / 10.0, s.temperature(0), 1e-6);
        assertEquals(-v.temperatureOffset / 10.0, s.temperature(1), 1e-6);
        assertEquals(-v.temperatureOffset / 10.0, s.temperature(2), 1e-6);
        assertEquals(Short.MAX_VALUE * v.currentScale, s.get(Quantity.CURRENT), 1e-6);
        assertEquals(0xFFFF * v.voltageScale, s.get(Quantity.VOLTAGE), 1e-6);
        assertEquals(0, s.get(Quantity.REMAINING_CAPACITY), 1e-9);
        assertEquals(0xFFFF, s.get(Quantity.CYCLES), 1e-9);
        PackSnapshot cold = hot.toBuilder().set(Quantity.CURRENT, -5000.0).build();
        assertEquals(Short.MIN_VALUE * v.currentScale,
                exchange(p, TestBoard.bus(board(cold)), r).packs().get(0).get(Quantity.CURRENT), 1e-6);
    }

    // --- all packs ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "pylontech", "seplos-v2", "pace-v25" })
    void allPacksAreAnsweredByTheBoardAtTheFrameAddress(String id) throws Exception {
        YdtProtocol p = protocol(id);
        List<PackSnapshot> packs = List.of(pack(0, 16, 4), pack(1, 15, 5),
                pack(2, 16, 6).toBuilder().flag(PackFlag.CELL_OV, true).flag(PackFlag.DISCHARGING, true).build());
        DeviceBus bus = TestBoard.bus(board(packs.get(0)), board(packs.get(1)), board(packs.get(2)));
        Reply analog = exchange(p, bus, p.requests(Command.ANALOG, YdtRequest.ALL_PACKS).get(0));
        assertEquals(3, analog.packs().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, analog.packs().get(i).address(), "the host numbers the packs from 1");
            assertValues(id, packs.get(i), analog.packs().get(i));
        }
        Reply alarms = exchange(p, bus, p.requests(Command.ALARM_STATUS, YdtRequest.ALL_PACKS).get(0));
        assertEquals(3, alarms.packs().size());
        assertEquals(Set.of(), alarms.packs().get(0).flags());
        assertEquals(Set.of(), alarms.packs().get(1).flags());
        assertEquals(Set.of(PackFlag.CELL_OV, PackFlag.DISCHARGING), alarms.packs().get(2).flags());
        // Without a board at the frame address nobody answers.
        Request all = p.requests(Command.ANALOG, YdtRequest.ALL_PACKS).get(0);
        assertTrue(answer(p, TestBoard.bus(board(packs.get(1)), board(packs.get(2))), all.frame()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "pylontech", "seplos-v2", "pace-v25" })
    void anAllPacksReplyCarriesSixteenPacksAndOnlyWholeGroupsThatFit(String id) throws Exception {
        YdtProtocol p = protocol(id);
        TestBoard[] twenty = new TestBoard[20];
        for (int i = 0; i < twenty.length; i++) {
            twenty[i] = board(pack(i, 16, 6));
        }
        Request all = p.requests(Command.ANALOG, YdtRequest.ALL_PACKS).get(0);
        Reply reply = exchange(p, TestBoard.bus(twenty), all);
        assertEquals(YdtDeviceCodec.MAX_PACKS, reply.packs().size());
        assertValues(id, twenty[15].snapshot, reply.packs().get(15));
        TestBoard[] large = new TestBoard[16];
        for (int i = 0; i < large.length; i++) {
            large[i] = board(pack(i, PackSnapshot.MAX_CELLS, 8));
        }
        reply = exchange(p, TestBoard.bus(large), all);
        // A 176-cell group takes about 390 bytes; INFO holds 2047.
        assertEquals(5, reply.packs().size());
        for (int i = 0; i < 5; i++) {
            assertValues(id, large[i].snapshot, reply.packs().get(i));
        }
        // The most cells sixteen packs of six sensors can have in one reply (see YdtDeviceCodec).
        int most = switch (id) {
            case "pylontech" -> 51;
            case "seplos-v2" -> 43;
            default -> 50;
        };
        for (int cells : new int[] { most, most + 1 }) {
            TestBoard[] sixteen = new TestBoard[16];
            for (int i = 0; i < sixteen.length; i++) {
                sixteen[i] = board(pack(i, cells, 6));
            }
            assertEquals(cells == most ? 16 : 15, exchange(p, TestBoard.bus(sixteen), all).packs().size());
        }
    }

    // --- 44H ------------------------------------------------------------------------------------------------

    /** The flags a dialect's 44H reply can carry at all: its status bits, its level bytes, its balance bytes. */
    private static Set<PackFlag> carried(String id) {
        YdtVariant v = YdtVariant.load(id);
        Set<PackFlag> flags = EnumSet.of(PackFlag.CELL_UV, PackFlag.CELL_OV, PackFlag.CELL_ERROR, PackFlag.CELL_UT,
                PackFlag.CELL_OT, PackFlag.TEMP_SENSE_ERROR, PackFlag.CHG_OC, PackFlag.DSG_OC,
                PackFlag.CURRENT_SENSE_ERROR, PackFlag.PACK_UV, PackFlag.PACK_OV, PackFlag.VOLTAGE_SENSE_ERROR);
        for (String token : v.alarmTail) {
            if (token.startsWith("status:")) {
                Arrays.stream(v.alarmBits.get(token.substring(7))).filter(f -> f != null).forEach(flags::add);
            } else if (token.startsWith("balance:")) {
                flags.add(PackFlag.BALANCING);
            }
        }
        return flags;
    }

    @ParameterizedTest
    @ValueSource(strings = { "pylontech", "seplos-v2", "pace-v25" })
    void everyFlagDecodesBackAloneOrIsNotSentAtAll(String id) throws Exception {
        YdtProtocol p = protocol(id);
        Request r = p.requests(Command.ALARM_STATUS, 4).get(0);
        Set<PackFlag> carried = carried(id);
        for (PackFlag flag : PackFlag.values()) {
            PackSnapshot.Builder b = pack(4, 16, 6).toBuilder().flag(flag, true);
            if (flag == PackFlag.BALANCING) {
                b.balancing(3, true);
            }
            PackSnapshot s = exchange(p, TestBoard.bus(board(b.build())), r).packs().get(0);
            assertEquals(carried.contains(flag) ? Set.of(flag) : Set.of(), s.flags(), flag.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pylontech", "seplos-v2", "pace-v25" })
    void flagsTogetherAndBalanceBitsDecodeBack(String id) throws Exception {
        YdtProtocol p = protocol(id);
        YdtVariant v = YdtVariant.load(id);
        Set<PackFlag> flags = EnumSet.of(PackFlag.CELL_OV, PackFlag.CELL_UV, PackFlag.CELL_OT, PackFlag.CHG_OC,
                PackFlag.PACK_OV);
        for (String token : v.alarmTail) {
            if (token.startsWith("status:")) {
                Arrays.stream(v.alarmBits.get(token.substring(7))).filter(f -> f != null).forEach(flags::add);
            }
        }
        PackSnapshot.Builder b = pack(1, 16, 6).toBuilder();
        flags.forEach(f -> b.flag(f, true));
        boolean balances = carried(id).contains(PackFlag.BALANCING);
        if (balances) {
            b.flag(PackFlag.BALANCING, true);
            for (int cell : new int[] { 0, 2, 9, 13 }) {
                b.balancing(cell, true);
            }
            flags.add(PackFlag.BALANCING);
        }
        PackSnapshot sent = b.build();
        PackSnapshot s = exchange(p, TestBoard.bus(board(sent)), p.requests(Command.ALARM_STATUS, 1).get(0))
                .packs().get(0);
        assertEquals(flags, s.flags());
        assertEquals(balances ? sent.balancing() : new java.util.BitSet(), s.balancing());
    }

    @Test
    void levelBytesNameTheCellsAndSensorsBeyondTheBoardsLimits() throws Exception {
        YdtProtocol p = protocol("pylontech");
        Request r = p.requests(Command.ALARM_STATUS, 2).get(0);
        PackSnapshot s = pack(2, 16, 4).toBuilder().cellVoltage(3, 3.61).cellVoltage(7, 3.65).cellVoltage(9, 2.81)
                .cellVoltage(5, Double.NaN).temperature(2, 58.0).temperature(1, Double.NaN)
                .flag(PackFlag.CELL_OV, true).flag(PackFlag.CELL_UV, true).flag(PackFlag.CELL_ERROR, true)
                .flag(PackFlag.CELL_OT, true).flag(PackFlag.TEMP_SENSE_ERROR, true).build();
        TestBoard board = board(s);
        board.parameters.put("cellHighVoltageLimit", 3.6);
        board.parameters.put("cellLowVoltageLimit", 2.9);
        board.parameters.put("chargeHighTemperatureLimit", 55.0);
        byte[] info = replyFrame(answer(p, TestBoard.bus(board), r.frame())).info();
        int[] cells = new int[16];
        cells[3] = 2;
        cells[7] = 2;
        cells[9] = 1;
        cells[5] = 0xF0;
        assertEquals(16, info[2]);
        for (int i = 0; i < 16; i++) {
            assertEquals(cells[i], info[3 + i] & 0xFF, "cell " + (i + 1));
        }
        assertEquals(4, info[19]);
        assertArrayEquals(new byte[] { 0, (byte) 0xF0, 2, 0 }, Arrays.copyOfRange(info, 20, 24));
        // The tail ends with the cell error bits of cells 1-8 and 9-16: cell 6.
        assertEquals(1 << 5, info[info.length - 2]);
        assertEquals(0, info[info.length - 1]);
        // With no limit known, the most extreme cell carries the flag.
        board.parameters.clear();
        info = replyFrame(answer(p, TestBoard.bus(board), r.frame())).info();
        assertEquals(0, info[3 + 3]);
        assertEquals(2, info[3 + 7]);
        assertEquals(1, info[3 + 9]);
        // An error flag without an unreadable cell still reaches the host.
        board.snapshot = pack(2, 16, 4).toBuilder().flag(PackFlag.CELL_ERROR, true)
                .flag(PackFlag.TEMP_SENSE_ERROR, true).build();
        assertEquals(Set.of(PackFlag.CELL_ERROR, PackFlag.TEMP_SENSE_ERROR),
                exchange(p, TestBoard.bus(board), r).packs().get(0).flags());
    }

    @Test
    void aLevelByteCarriesWhatNoStatusBitCarries() throws Exception {
        // PACE has warning bits for both over-currents but none for a current sensor fault: the two current
        // level bytes must spend one of themselves on the fault.
        YdtProtocol p = protocol("pace-v25");
        Set<PackFlag> flags = EnumSet.of(PackFlag.CHG_OC, PackFlag.DSG_OC, PackFlag.CURRENT_SENSE_ERROR);
        PackSnapshot.Builder b = pack(1, 16, 6).toBuilder();
        flags.forEach(f -> b.flag(f, true));
        assertEquals(flags, exchange(p, TestBoard.bus(board(b.build())), p.requests(Command.ALARM_STATUS, 1).get(0))
                .packs().get(0).flags());
    }

    // --- 47H, 49H -------------------------------------------------------------------------------------------

    @Test
    void pylontechParametersReadAsTheBoardHoldsThem() throws Exception {
        YdtProtocol p = protocol("pylontech");
        TestBoard board = board(pack(2, 16, 4));
        Map<String, Double> values = Map.ofEntries(Map.entry("cellHighVoltageLimit", 3.55),
                Map.entry("cellLowVoltageLimit", 3.05), Map.entry("cellUnderVoltageLimit", 2.9),
                Map.entry("chargeHighTemperatureLimit", 50.0), Map.entry("chargeLowTemperatureLimit", -5.5),
                Map.entry("chargeCurrentLimit", 102.4), Map.entry("moduleHighVoltageLimit", 53.5),
                Map.entry("moduleLowVoltageLimit", 48.0), Map.entry("moduleUnderVoltageLimit", 46.5),
                Map.entry("dischargeHighTemperatureLimit", 60.0), Map.entry("dischargeLowTemperatureLimit", -10.0),
                Map.entry("dischargeCurrentLimit", -150.0));
        board.parameters.putAll(values);
        ParameterSet read = exchange(p, TestBoard.bus(board), p.requests(Command.GET_PARAMETERS, 2).get(0))
                .parameters();
        assertEquals(values, read.values());
        assertTrue(board.calls.isEmpty());
    }

    @Test
    void aParameterWriteIsCheckedRowByRowAndAppliedOnceAsAWhole() throws Exception {
        YdtProtocol p = protocol("test-writes");
        TestBoard board = board(pack(3, 16, 4));
        DeviceBus bus = TestBoard.bus(board);
        ParameterSet set = ParameterSet.of(p.parameterDefinitions()).with("cellOvp", 4.25)
                .with("chargeHighTemperature", -12.5).with("dischargeCurrentLimit", -150.0);
        Request write = p.writeParameters(3, set).get(0);
        Reply reply = exchange(p, bus, write);
        assertFalse(reply.isError());
        assertEquals(List.of("parameters {cellOvp=4.25, chargeHighTemperature=-12.5, dischargeCurrentLimit=-150.0}"),
                board.calls);
        assertEquals(set.values(), exchange(p, bus, p.requests(Command.GET_PARAMETERS, 3).get(0)).parameters()
                .values());

        // One row out of range (4.396 V > 4.3 V; then +10 A > 0 A): nothing is applied.
        board.calls.clear();
        for (String info : List.of("03112C0CD1FA24", "03109A0CD10064", "03109A0000FA24")) {
            YdtFrame bad = new YdtFrame(0x21, 3, 0x46, 0x49, HEX.parseHex(info));
            assertEquals(YdtDeviceCodec.RTN_INVALID_DATA, rtn(answer(p, bus, bad.encode())), info);
        }
        assertEquals(List.of(), board.calls);
        assertEquals(BoardResult.INVALID_VALUE.code(), board.lastResult());
        // A row missing or one too many: command format error.
        for (String info : List.of("03109A0CD1", "03109A0CD1FA2400")) {
            YdtFrame bad = new YdtFrame(0x21, 3, 0x46, 0x49, HEX.parseHex(info));
            assertEquals(YdtDeviceCodec.RTN_FORMAT, rtn(answer(p, bus, bad.encode())), info);
        }
        assertEquals(List.of(), board.calls);

        // The board's own refusal, once asked.
        board.nextResult = BoardResult.BUSY;
        assertEquals(0xE2, exchange(p, bus, write).error().code());
        board.nextResult = BoardResult.INVALID_VALUE;
        assertEquals(0x06, exchange(p, bus, write).error().code());
        board.nextResult = BoardResult.MEMORY_FAILURE;
        assertEquals(0xE3, exchange(p, bus, write).error().code());
        assertEquals(3, board.calls.size());
    }

    @Test
    void aDialectWithoutTheCommandAnswersCid2Invalid() throws Exception {
        YdtProtocol writes = protocol("test-writes");
        YdtProtocol pylontech = protocol("pylontech");
        ParameterSet set = ParameterSet.of(writes.parameterDefinitions()).with("cellOvp", 4.25)
                .with("chargeHighTemperature", 55).with("dischargeCurrentLimit", -150.0);
        // The same 49H frame in Pylontech's VER: Pylontech has no 49H.
        YdtFrame f = YdtFrame.parse(writes.writeParameters(3, set).get(0).frame());
        TestBoard board = board(pack(3, 16, 4));
        YdtFrame asPylontech = new YdtFrame(0x20, 3, 0x46, 0x49, f.info());
        assertEquals(YdtDeviceCodec.RTN_CID2, rtn(answer(pylontech, TestBoard.bus(board), asPylontech.encode())));
        assertEquals(List.of(), board.calls);
    }

    // --- 45H ------------------------------------------------------------------------------------------------

    @Test
    void controlCodesMapBackToTheirActions() throws Exception {
        YdtProtocol p = protocol("test-writes");
        TestBoard board = board(pack(5, 16, 4));
        DeviceBus bus = TestBoard.bus(board);
        assertFalse(exchange(p, bus, p.control(5, ControlAction.CFET_OFF).get(0)).isError());
        assertFalse(exchange(p, bus, p.control(5, ControlAction.CFET_ON).get(0)).isError());
        assertEquals(List.of("control CFET_OFF", "control CFET_ON"), board.calls);
        board.nextResult = BoardResult.REFUSED_CFET_WHILE_DISCHARGING;
        assertEquals(0xE2, exchange(p, bus, p.control(5, ControlAction.CFET_OFF).get(0)).error().code());
        board.calls.clear();
        assertEquals(YdtDeviceCodec.RTN_INVALID_DATA,
                rtn(answer(p, bus, new YdtFrame(0x21, 5, 0x46, 0x45, new byte[] { 5, 7 }).encode())));
        assertEquals(YdtDeviceCodec.RTN_FORMAT,
                rtn(answer(p, bus, new YdtFrame(0x21, 5, 0x46, 0x45, new byte[] { 5 }).encode())));
        assertEquals(List.of(), board.calls);
    }

    // --- 4DH, 4EH, 4BH --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "seplos-v2", "test-writes" })
    void clockReadsAndSets(String id) throws Exception {
        YdtProtocol p = protocol(id);
        TestBoard board = board(pack(1, 16, 4));
        board.clock = LocalDateTime.of(2025, 6, 7, 8, 9, 10);
        DeviceBus bus = TestBoard.bus(board);
        assertEquals(board.clock, exchange(p, bus, p.requests(Command.GET_CLOCK, 1).get(0)).clock());
        LocalDateTime set = LocalDateTime.of(2031, 12, 31, 23, 59, 58);
        assertFalse(exchange(p, bus, p.setClock(1, set).get(0)).isError());
        assertEquals(List.of("clock " + set), board.calls);
        assertEquals(set, exchange(p, bus, p.requests(Command.GET_CLOCK, 1).get(0)).clock());
        // 13th month: invalid data, and the board is not asked.
        YdtFrame good = YdtFrame.parse(p.setClock(1, set).get(0).frame());
        byte[] info = good.info();
        info[info.length - 5] = 13;
        YdtFrame bad = new YdtFrame(good.version(), 1, 0x46, good.cid2(), info);
        assertEquals(YdtDeviceCodec.RTN_INVALID_DATA, rtn(answer(p, bus, bad.encode())));
        assertEquals(1, board.calls.size());
    }

    @Test
    void historyAnswersTheLatestRecord() throws Exception {
        YdtProtocol p = protocol("seplos-v2");
        TestBoard board = board(pack(1, 16, 4));
        DeviceBus bus = TestBoard.bus(board);
        Request r = p.requests(Command.HISTORY, 1).get(0);
        assertEquals(YdtDeviceCodec.RTN_NO_DATA, exchange(p, bus, r).error().code());
        PackSnapshot older = pack(1, 16, 4);
        PackSnapshot latest = pack(1, 8, 2).toBuilder().set(Quantity.CURRENT, 21.5).build();
        board.history.add(new HistoryRecord(0, LocalDateTime.of(2025, 1, 1, 0, 0), OperatingMode.DISCHARGE, older));
        board.history.add(new HistoryRecord(1, LocalDateTime.of(2025, 1, 1, 0, 5), OperatingMode.CHARGE, latest));
        Reply reply = exchange(p, bus, r);
        assertEquals(1, reply.history().size());
        HistoryRecord h = reply.history().get(0);
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 5), h.time());
        assertEquals(OperatingMode.CHARGE, h.mode());
        assertValues("seplos-v2", latest, h.values());
    }

    // --- 4FH, 51H, 93H --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "pylontech", "seplos-v2", "pace-v25" })
    void protocolVersionIsTheVariantsVerWhateverVerAsks(String id) throws Exception {
        YdtProtocol p = protocol(id);
        YdtVariant v = YdtVariant.load(id);
        DeviceBus bus = TestBoard.bus(board(pack(2, 16, 4)));
        Request r = p.requests(Command.PROTOCOL_VERSION, 2).get(0);
        assertEquals((v.version >> 4) + "." + (v.version & 0xF), exchange(p, bus, r).details().get("protocolVersion"));
        YdtFrame other = new YdtFrame(0x10, 2, 0x46, 0x4F, new byte[0]);
        YdtFrame reply = replyFrame(answer(p, bus, other.encode()));
        assertEquals(0, reply.cid2());
        assertEquals(v.version, reply.version());
    }

    @ParameterizedTest
    @ValueSource(strings = { "pylontech", "seplos-v2", "pace-v25" })
    void textsFillTheVariantLayout(String id) throws Exception {
        YdtProtocol p = protocol(id);
        TestBoard board = board(pack(6, 16, 4));
        board.texts.put("deviceName", "US2000C-LONG-NAME");
        board.texts.put("softwareVersion", "V3.12.9");
        board.texts.put("manufacturer", "\u00c4 Workbench Simulator, a long name");
        board.texts.put("serialNumber", "SN0123456789ABCD");
        DeviceBus bus = TestBoard.bus(board);
        Reply maker = exchange(p, bus, p.requests(Command.MANUFACTURER, 6).get(0));
        assertEquals("US2000C-LO", maker.identity().get("deviceName"));
        assertEquals("3.12", maker.identity().get("softwareVersion"));
        assertEquals("? Workbench Simulato", maker.identity().get("manufacturer"));
        if (p.commands().contains(Command.SERIAL_NUMBER)) {
            Reply serial = exchange(p, bus, p.requests(Command.SERIAL_NUMBER, 6).get(0));
            assertEquals("SN0123456789ABCD", serial.identity().get("serialNumber"));
        }
        board.texts.clear();
        assertEquals("", exchange(p, bus, p.requests(Command.MANUFACTURER, 6).get(0)).identity().get("deviceName"));
    }

    // --- silence and return codes ---------------------------------------------------------------------------

    @Test
    void framesForNobodyOrForAnotherDeviceTypeGetNoAnswer() throws Exception {
        YdtProtocol p = protocol("pylontech");
        DeviceBus bus = TestBoard.bus(board(pack(2, 16, 4)));
        DeviceCodec device = p.deviceCodec().orElseThrow();
        assertTrue(device.answer(p.requests(Command.ANALOG, 3).get(0).frame(), bus).isEmpty());
        assertTrue(device.answer(new YdtFrame(0x20, 2, 0x4A, 0x42, new byte[] { 2 }).encode(), bus).isEmpty());
        // A reply another board sent (RTN 00, or a Pylontech 90H) is heard on the bus but never answered.
        assertTrue(device.answer(ascii(Golden.G1_RESPONSE), bus).isEmpty());
        assertTrue(device.answer(new YdtFrame(0x20, 2, 0x46, 0x90, new byte[0]).encode(), bus).isEmpty());
        assertTrue(device.answer(ascii("~20XX4642E00202FD33\r"), bus).isEmpty());
        assertTrue(device.answer(ascii("~20\r"), bus).isEmpty());
        assertEquals(2, device.addressOf(ascii(Golden.G1_REQUEST)));
        assertEquals(-1, device.addressOf(ascii("~20XX")));
        assertEquals(-1, device.addressOf(ascii("20024642")));
    }

    @Test
    void brokenOrWrongRequestsGetTheirReturnCodes() throws Exception {
        YdtProtocol p = protocol("pylontech");
        DeviceBus bus = TestBoard.bus(board(pack(2, 16, 4)));
        Request analog = p.requests(Command.ANALOG, 2).get(0);
        Map<String, Integer> cases = Map.of(
                "~20024642E00202FD34\r", 0x02,
                "~20024642F00202FD32\r", 0x03,
                "~20024642E0020ZFD33\r", 0x05,
                new String(new YdtFrame(0x21, 2, 0x46, 0x42, new byte[] { 2 }).encode()), 0x01,
                new String(new YdtFrame(0x20, 2, 0x46, 0x60, new byte[0]).encode()), 0x04,
                new String(new YdtFrame(0x20, 2, 0x46, 0x42, new byte[0]).encode()), 0x05,
                new String(new YdtFrame(0x20, 2, 0x46, 0x42, new byte[] { 2, 0 }).encode()), 0x05,
                new String(new YdtFrame(0x20, 2, 0x46, 0x42, new byte[] { 5 }).encode()), 0x06);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            Optional<byte[]> reply = answer(p, bus, ascii(c.getKey()));
            YdtFrame f = replyFrame(reply);
            assertEquals(c.getValue(), f.cid2(), c.getKey());
            assertEquals(0x20, f.version());
            assertEquals(2, f.address());
            assertEquals(0x46, f.cid1());
            assertEquals(0, f.info().length);
            Reply decoded = p.decode(analog, reply.get());
            assertEquals(c.getValue(), decoded.error().code());
        }
        assertEquals("CHKSUM error", p.decode(analog, answer(p, bus, ascii("~20024642E00202FD34\r")).get())
                .error().meaning());
    }

    @Test
    void aPackAddressInInfoIsAnsweredForThatPack() throws Exception {
        YdtProtocol p = protocol("pylontech");
        PackSnapshot behind = pack(3, 15, 5);
        DeviceBus bus = TestBoard.bus(board(pack(2, 16, 4)), board(behind));
        YdtFrame relay = new YdtFrame(0x20, 2, 0x46, 0x42, new byte[] { 3 });
        byte[] info = replyFrame(answer(p, bus, relay.encode())).info();
        assertEquals(3, info[1]);
        assertEquals(15, info[2]);
    }

    @Test
    void aReplyReaddressedReadsAsFromTheOtherBoard() throws Exception {
        YdtProtocol p = protocol("pylontech");
        DeviceCodec device = p.deviceCodec().orElseThrow();
        byte[] moved = device.readdressed(ascii(Golden.G1_RESPONSE), 5).orElseThrow();
        YdtFrame f = YdtFrame.parse(moved);
        assertEquals(5, f.address());
        assertArrayEquals(YdtFrame.parse(ascii(Golden.G1_RESPONSE)).info(), f.info());
        assertEquals(2, p.decode(p.requests(Command.ANALOG, 5).get(0), moved).packs().get(0).address());
        assertTrue(device.readdressed(ascii("~2002460"), 5).isEmpty());
        assertTrue(device.readdressed(ascii(Golden.G1_RESPONSE), 256).isEmpty());
    }

    // --- scan -----------------------------------------------------------------------------------------------

    /** Cuts requests out of a stream fed in chunks of {@code chunk} bytes, as a device reads its line. */
    private static List<String> cut(DeviceCodec device, byte[] stream, int chunk) {
        List<String> frames = new ArrayList<>();
        byte[] buffer = new byte[0];
        for (int at = 0; at < stream.length; at += chunk) {
            byte[] more = Arrays.copyOfRange(stream, at, Math.min(stream.length, at + chunk));
            byte[] grown = Arrays.copyOf(buffer, buffer.length + more.length);
            System.arraycopy(more, 0, grown, buffer.length, more.length);
            buffer = grown;
            int n;
            while (buffer.length > 0 && (n = device.scan(buffer, buffer.length)) != 0) {
                assertTrue(Math.abs(n) <= buffer.length);
                if (n > 0) {
                    frames.add(new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII));
                }
                buffer = Arrays.copyOfRange(buffer, Math.abs(n), buffer.length);
            }
            assertTrue(buffer.length <= YdtFrame.MAX_FRAME, "the buffer stays bounded");
        }
        return frames;
    }

    @Test
    void scanResynchronisesAfterGarbage() {
        DeviceCodec device = protocol("pylontech").deviceCodec().orElseThrow();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(ascii("noise\r\n\0~2002"));
        line.writeBytes(ascii(Golden.G1_REQUEST));
        line.writeBytes(new byte[] { (byte) 0xFF, 0x00, '\r' });
        line.write('~');
        for (int i = 0; i < 5000; i++) {
            line.write('A');
        }
        line.writeBytes(ascii(Golden.G3_REQUEST));
        for (int chunk : new int[] { 1, 7, 64, 100_000 }) {
            assertEquals(List.of(Golden.G1_REQUEST, Golden.G3_REQUEST), cut(device, line.toByteArray(), chunk),
                    "chunks of " + chunk);
        }
        assertEquals(0, device.scan(new byte[0], 0));
        assertEquals(0, device.scan(ascii("~20024642"), 9));
        assertEquals(-3, device.scan(ascii("abc~2002"), 8));
        assertEquals(-5, device.scan(ascii("~2002~20"), 8));
        byte[] endless = new byte[YdtFrame.MAX_FRAME + 10];
        Arrays.fill(endless, (byte) 'A');
        endless[0] = '~';
        assertEquals(-YdtFrame.MAX_FRAME, device.scan(endless, endless.length));
    }

    // --- golden frames --------------------------------------------------------------------------------------

    @Test
    void goldenAnalogFramesReEncodeToTheSameBytes() throws Exception {
        // G1: Pylontech, 15 cells. Only the data flag differs (the capture has an unread change pending).
        YdtProtocol pylontech = protocol("pylontech");
        PackSnapshot g1 = pylontech.decode(pylontech.parseRequest(ascii(Golden.G1_REQUEST)),
                ascii(Golden.G1_RESPONSE)).packs().get(0);
        Request r = pylontech.requests(Command.ANALOG, 2).get(0);
        assertArrayEquals(ascii(Golden.G1_REQUEST), r.frame());
        Optional<byte[]> reply = answer(pylontech, TestBoard.bus(board(g1)), r.frame());
        byte[] info = replyFrame(reply).info();
        byte[] golden = YdtFrame.parse(ascii(Golden.G1_RESPONSE)).info();
        assertArrayEquals(Arrays.copyOfRange(golden, 1, golden.length), Arrays.copyOfRange(info, 1, info.length));
        assertEquals(g1, pylontech.decode(r, reply.get()).packs().get(0));

        // G4: Seplos, 16 cells, ten items: byte for byte.
        YdtProtocol seplos = protocol("seplos-v2");
        PackSnapshot g4 = seplos.decode(seplos.parseRequest(ascii(Golden.G4_REQUEST)), ascii(Golden.G4_RESPONSE))
                .packs().get(0);
        r = seplos.requests(Command.ANALOG, 1).get(0);
        reply = answer(seplos, TestBoard.bus(board(g4)), r.frame());
        assertArrayEquals(YdtFrame.parse(ascii(Golden.G4_RESPONSE)).info(), replyFrame(reply).info());
        assertEquals(g4, seplos.decode(r, reply.get()).packs().get(0));

        // The PACE capture: byte for byte, SOC and SOH derived again.
        YdtProtocol pace = protocol("pace-v25");
        r = pace.parseRequest(ascii(Golden.PACE_ANALOG_REQUEST));
        PackSnapshot paceAnalog = pace.decode(r, ascii(Golden.PACE_ANALOG_RESPONSE)).packs().get(0);
        reply = answer(pace, TestBoard.bus(board(paceAnalog)), r.frame());
        assertArrayEquals(ascii(Golden.PACE_ANALOG_RESPONSE), reply.get());
        assertEquals(paceAnalog, pace.decode(r, reply.get()).packs().get(0));
    }

    @Test
    void goldenAlarmFramesDecodeBackToTheSameFlags() throws Exception {
        YdtProtocol pylontech = protocol("pylontech");
        PackSnapshot g1 = pylontech.decode(pylontech.parseRequest(ascii(Golden.G1_REQUEST)),
                ascii(Golden.G1_RESPONSE)).packs().get(0);
        Request r = pylontech.parseRequest(ascii(Golden.G3_REQUEST));
        PackSnapshot g3 = pylontech.decode(r, ascii(Golden.G3_RESPONSE)).packs().get(0);
        Optional<byte[]> reply = answer(pylontech, TestBoard.bus(board(g1.mergedWith(g3))), r.frame());
        byte[] info = replyFrame(reply).info();
        byte[] golden = YdtFrame.parse(ascii(Golden.G3_RESPONSE)).info();
        // Counts and level bytes as captured (15 cells, 5 sensors, all normal), up to the status bytes.
        int status = 2 + 1 + 15 + 1 + 5 + 3;
        assertArrayEquals(Arrays.copyOfRange(golden, 1, status), Arrays.copyOfRange(info, 1, status));
        assertEquals(g3.flags(), pylontech.decode(r, reply.get()).packs().get(0).flags());

        YdtProtocol pace = protocol("pace-v25");
        r = pace.parseRequest(ascii(Golden.PACE_STATUS_REQUEST));
        PackSnapshot paceStatus = pace.decode(r, ascii(Golden.PACE_STATUS_RESPONSE)).packs().get(0);
        PackSnapshot paceAnalog = pace.decode(pace.parseRequest(ascii(Golden.PACE_ANALOG_REQUEST)),
                ascii(Golden.PACE_ANALOG_RESPONSE)).packs().get(0);
        reply = answer(pace, TestBoard.bus(board(paceAnalog.mergedWith(paceStatus))), r.frame());
        assertArrayEquals(ascii(Golden.PACE_STATUS_RESPONSE), reply.get());
    }

    @Test
    void goldenTextFramesDecodeBackToTheSameTexts() throws Exception {
        YdtProtocol pylontech = protocol("pylontech");
        Request r = pylontech.parseRequest(ascii(Golden.G2_REQUEST));
        Reply g2 = pylontech.decode(r, ascii(Golden.G2_RESPONSE));
        TestBoard board = board(pack(2, 15, 5));
        board.texts.putAll(g2.identity().text());
        Optional<byte[]> reply = answer(pylontech, TestBoard.bus(board), r.frame());
        assertEquals(g2.identity(), pylontech.decode(r, reply.get()).identity());
        byte[] golden = YdtFrame.parse(ascii(Golden.G2_RESPONSE)).info();
        byte[] info = replyFrame(reply).info();
        assertArrayEquals(Arrays.copyOfRange(golden, 1, golden.length), Arrays.copyOfRange(info, 1, info.length));

        YdtProtocol seplos = protocol("seplos-v2");
        r = seplos.parseRequest(ascii(Golden.G5_REQUEST));
        Reply g5 = seplos.decode(r, ascii(Golden.G5_RESPONSE));
        board = board(pack(0, 16, 6));
        board.texts.putAll(g5.identity().text());
        reply = answer(seplos, TestBoard.bus(board), r.frame());
        assertArrayEquals(ascii(Golden.G5_RESPONSE), reply.get());
        assertEquals(g5.identity(), seplos.decode(r, reply.get()).identity());
    }

    @Test
    void everyDialectOffersANewDeviceCodecPerCall() {
        for (String id : List.of("pylontech", "seplos-v2", "pace-v25")) {
            YdtProtocol p = protocol(id);
            assertNotSame(p.deviceCodec().orElseThrow(), p.deviceCodec().orElseThrow());
            assertInstanceOf(YdtDeviceCodec.class, p.deviceCodec().orElseThrow());
        }
    }
}
