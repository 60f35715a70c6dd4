package org.bmsworkbench.protocol.modbus;

import static org.bmsworkbench.protocol.modbus.ModbusDeviceCodec.ILLEGAL_ADDRESS;
import static org.bmsworkbench.protocol.modbus.ModbusDeviceCodec.ILLEGAL_VALUE;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.Scaling;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.BoardResult;
import org.bmsworkbench.protocol.device.FirmwareTarget;
import org.bmsworkbench.protocol.modbus.ModbusDeviceCodec.Refusal;
import org.bmsworkbench.protocol.modbus.RegisterMap.Field;

/**
 * One FC 06 or FC 10 write of holding registers to one board, checked in the order of
 * docs/protocols/modbus-native.md section 4 (addresses, busy, values, execution) and applied only when
 * every value passes: a frame is applied whole or not at all (section 3, write rules).
 */
final class RegisterWrite {

    /** What a writable holding register does on the device; fields of no kind are read-only here. */
    enum Kind {
        PARAMETER, CLOCK, TEXT, CAPACITY, CALIBRATION, RECORD, FIRMWARE, CONTROL
    }

    /** Record kinds at 0x2000: the kind in the high byte (section 8.9). */
    private static final int SELECT_HISTORY = 0x0100;
    private static final int SELECT_ALARM = 0x0200;
    /** Section 8.5: the full capacity a board accepts, in mAh. */
    private static final long MIN_FULL_CAPACITY = 1_000;
    private static final long MAX_FULL_CAPACITY = 4_000_000;
    /** Section 8.6. */
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2099;
    /** Section 9.6: T1..T33, 34 environment, 35 MOSFET. */
    private static final int MAX_SENSOR = 35;
    private static final int FIRMWARE_ABORT = 4;

    private final Map<Integer, List<Field>> holding;
    private final List<Field> clockFields;
    private final Board board;
    private final DeviceState state;
    private final int start;
    private final int[] values;

    private final List<Field> written = new ArrayList<>();
    private final Map<String, Long> raw = new HashMap<>();
    private final Map<String, Double> parameters = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private LocalDateTime clock;
    private ControlAction control;
    private byte[] blockData;

    RegisterWrite(Map<Integer, List<Field>> holding, List<Field> clockFields, Board board, DeviceState state, int start,
            int[] values) {
        this.holding = holding;
        this.clockFields = clockFields;
        this.board = board;
        this.state = state;
        this.start = start;
        this.values = values;
    }

    static Kind kind(Field f) {
        if (f.function != 3 || !f.writable()) {
            return null;
        }
        String t = f.target;
        if (t.startsWith("param.")) {
            return Kind.PARAMETER;
        }
        if (t.startsWith("clock.")) {
            return Kind.CLOCK;
        }
        if (t.startsWith("text.")) {
            return Kind.TEXT;
        }
        if (t.startsWith("control.")) {
            return f.options.containsKey("action") ? Kind.CONTROL : null;
        }
        return switch (t) {
            case "raw.fullCapacity", "raw.remainingCapacity", "raw.cycleCount" -> Kind.CAPACITY;
            case "raw.calibrationVoltage", "raw.calibrationCurrent", "raw.calibrationSensor",
                    "raw.calibrationTemperature", "raw.calibrationReset" -> Kind.CALIBRATION;
            case "record.select", "record.index" -> Kind.RECORD;
            case "firmware.imageSize", "firmware.imageCrc", "firmware.command", "firmware.blockNumber",
                    "firmware.data" -> Kind.FIRMWARE;
            default -> null;
        };
    }

    /** Checks the addresses of the frame: every register a writable field, every field written whole. */
    void checkAddresses() throws Refusal {
        for (int r = start; r < start + values.length; r++) {
            List<Field> at = holding.get(r);
            if (at == null) {
                throw new Refusal(ILLEGAL_ADDRESS, String.format("register 0x%04X is not a register of the map", r));
            }
            Field f = at.get(0);
            if (kind(f) == null) {
                throw new Refusal(ILLEGAL_ADDRESS, String.format("register 0x%04X (%s) cannot be written", r, f.target));
            }
            if (!written.isEmpty() && written.get(written.size() - 1) == f) {
                continue;
            }
            if (f.address < start || f.end() > start + values.length) {
                throw new Refusal(ILLEGAL_ADDRESS, f.target + " must be written whole, in one frame");
            }
            written.add(f);
        }
        boolean anyClock = written.stream().anyMatch(f -> kind(f) == Kind.CLOCK);
        if (anyClock && !written.containsAll(clockFields)) {
            throw new Refusal(ILLEGAL_ADDRESS, "the clock is written as all its registers in one frame");
        }
        if (has("firmware.blockNumber") != has("firmware.data")) {
            throw new Refusal(ILLEGAL_ADDRESS, "a firmware block is written with its number in one frame");
        }
    }

    /** Whether the frame is a firmware abort, the one write a busy board still takes (section 4, code 06). */
    boolean isAbort() {
        for (Field f : written) {
            if (f.target.equals("firmware.command") && value(f) == FIRMWARE_ABORT) {
                return true;
            }
        }
        return false;
    }

    /** Checks every value against its range; nothing is applied yet. */
    void checkValues() throws Refusal {
        for (Field f : written) {
            long v = value(f);
            String t = f.target;
            switch (kind(f)) {
                case PARAMETER -> {
                    double value = f.parameter.isChoice() ? v : Scaling.apply(v, f.scale(), f.offset());
                    String problem = f.parameter.problemWith(value);
                    if (problem != null) {
                        throw new Refusal(ILLEGAL_VALUE, problem);
                    }
                    parameters.put(f.parameter.key(), value);
                }
                case CLOCK -> raw.put(t, v);
                case TEXT -> texts.put(t.substring(5), text(f));
                case CONTROL -> control = action(f, v);
                case FIRMWARE -> {
                    if (t.equals("firmware.data")) {
                        blockData = bytes(f);
                    } else {
                        raw.put(t, v);
                    }
                }
                default -> raw.put(t, v);
            }
        }
        checkClock();
        checkCapacity();
        checkCalibration();
        checkRecord();
        Long command = raw.get("firmware.command");
        if (command != null && (command < 1 || command > FIRMWARE_ABORT)) {
            throw new Refusal(ILLEGAL_VALUE, "firmware command " + command + " is not 1..4");
        }
    }

    /** Carries the frame out, kind by kind in address order, and stops at the first refusal. */
    void apply() throws Refusal {
        Set<Kind> kinds = new LinkedHashSet<>();
        for (Field f : written) {
            kinds.add(kind(f));
        }
        for (Kind k : kinds) {
            BoardResult r = switch (k) {
                case PARAMETER -> board.writeParameters(parameters);
                case CLOCK -> board.setClock(clock);
                case TEXT -> applyTexts();
                case CAPACITY -> applyCapacity();
                case CALIBRATION -> applyCalibration();
                case RECORD -> applyRecord();
                case FIRMWARE -> applyFirmware();
                case CONTROL -> board.control(control);
            };
            if (!r.ok()) {
                throw Refusal.of(r);
            }
        }
    }

    private boolean has(String target) {
        return written.stream().anyMatch(f -> f.target.equals(target));
    }

    /** The raw value of a numeric field, sign-extended for s16/s32. */
    private long value(Field f) {
        long v = 0;
        for (int r = 0; r < f.width(); r++) {
            v = (v << 16) | values[f.address - start + r];
        }
        if (f.signed()) {
            v = f.width() == 1 ? (short) v : (int) v;
        }
        return v;
    }

    private byte[] bytes(Field f) {
        byte[] b = new byte[2 * f.span()];
        for (int r = 0; r < f.span(); r++) {
            int word = values[f.address - start + r];
            b[2 * r] = (byte) (word >> 8);
            b[2 * r + 1] = (byte) word;
        }
        return b;
    }

    /** Printable ASCII, then only NUL padding (section 8.7). */
    private String text(Field f) throws Refusal {
        byte[] b = bytes(f);
        int end = 0;
        while (end < b.length && b[end] != 0) {
            int c = b[end] & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                throw new Refusal(ILLEGAL_VALUE, String.format("%s holds the byte %02X, not printable ASCII", f.target, c));
            }
            end++;
        }
        for (int i = end; i < b.length; i++) {
            if (b[i] != 0) {
                throw new Refusal(ILLEGAL_VALUE, f.target + " has text after its NUL padding");
            }
        }
        return new String(b, 0, end, StandardCharsets.US_ASCII);
    }

    private ControlAction action(Field f, long v) throws Refusal {
        for (Field c : holding.get(f.address)) {
            if (c.options.containsKey("action") && Integer.decode(c.options.get("value")) == v) {
                return ControlAction.valueOf(c.options.get("action"));
            }
        }
        throw new Refusal(ILLEGAL_VALUE, String.format("%d is not a command of register 0x%04X", v, f.address));
    }

    private void checkClock() throws Refusal {
        if (!raw.containsKey("clock.year")) {
            return;
        }
        int year = raw.get("clock.year").intValue();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new Refusal(ILLEGAL_VALUE, "the clock takes years " + MIN_YEAR + " to " + MAX_YEAR + ", not " + year);
        }
        try {
            clock = LocalDateTime.of(year, raw.get("clock.month").intValue(), raw.get("clock.day").intValue(),
                    raw.get("clock.hour").intValue(), raw.get("clock.minute").intValue(),
                    raw.get("clock.second").intValue());
        } catch (DateTimeException e) {
            throw new Refusal(ILLEGAL_VALUE, "not a date and time: " + e.getMessage());
        }
    }

    private void checkCapacity() throws Refusal {
        Long full = raw.get("raw.fullCapacity");
        if (full != null && (full < MIN_FULL_CAPACITY || full > MAX_FULL_CAPACITY)) {
            throw new Refusal(ILLEGAL_VALUE, "a full capacity of " + full + " mAh is outside 1000..4000000 mAh");
        }
        Long remaining = raw.get("raw.remainingCapacity");
        if (remaining != null) {
            // The full capacity written in the same frame, or else the stored one (section 8.5).
            double limit = full != null ? full : board.snapshot().get(Quantity.FULL_CAPACITY) * 1000;
            if (!Double.isNaN(limit) && remaining > Math.round(limit)) {
                throw new Refusal(ILLEGAL_VALUE, "a residual capacity of " + remaining + " mAh is above the full capacity");
            }
        }
    }

    private void checkCalibration() throws Refusal {
        Long current = raw.get("raw.calibrationCurrent");
        if (current != null && current != 0) {
            throw new Refusal(ILLEGAL_VALUE, "current calibration takes only 0 (zero calibration)");
        }
        Long sensor = raw.get("raw.calibrationSensor");
        if (sensor != null && (sensor < 1 || sensor > MAX_SENSOR)) {
            throw new Refusal(ILLEGAL_VALUE, "sensor " + sensor + " is not 1.." + MAX_SENSOR);
        }
        Long temperature = raw.get("raw.calibrationTemperature");
        if (temperature != null && temperature == Short.MIN_VALUE) {
            throw new Refusal(ILLEGAL_VALUE, "0x8000 is the no-reading marker, not a temperature");
        }
        Long reset = raw.get("raw.calibrationReset");
        if (reset != null && (reset < 1 || reset > 4)) {
            throw new Refusal(ILLEGAL_VALUE, "calibration reset " + reset + " is not 1..4");
        }
    }

    /** A kind alone selects index 0 unchecked; an index is checked against the count (section 9.7). */
    private void checkRecord() throws Refusal {
        Long select = raw.get("record.select");
        if (select != null && select != SELECT_HISTORY && select != SELECT_ALARM) {
            throw new Refusal(ILLEGAL_VALUE, String.format("record kind 0x%04X is not 0x0100 or 0x0200", select));
        }
        Long index = raw.get("record.index");
        if (index != null) {
            int kind = select != null ? (int) (select >> 8) : state.recordKind;
            long count = DeviceState.count(board, kind);
            if (index >= count) {
                throw new Refusal(ILLEGAL_VALUE, "record " + index + " is not below the count " + count);
            }
        }
    }

    private BoardResult applyTexts() {
        for (Map.Entry<String, String> e : texts.entrySet()) {
            BoardResult r = board.setText(e.getKey(), e.getValue());
            if (!r.ok()) {
                return r;
            }
        }
        return BoardResult.DONE;
    }

    private BoardResult applyCapacity() {
        Map<String, Double> config = new LinkedHashMap<>();
        if (raw.containsKey("raw.fullCapacity")) {
            config.put("fullCapacity", raw.get("raw.fullCapacity") / 1000.0);
        }
        if (raw.containsKey("raw.remainingCapacity")) {
            config.put("remainingCapacity", raw.get("raw.remainingCapacity") / 1000.0);
        }
        if (raw.containsKey("raw.cycleCount")) {
            config.put("cycleCount", raw.get("raw.cycleCount").doubleValue());
        }
        return board.configure(config);
    }

    /** In address order: the sensor written in the frame is the one its temperature and reset act on. */
    private BoardResult applyCalibration() {
        BoardResult r = BoardResult.DONE;
        int sensor = state.calibrationSensor;
        boolean acted = false;
        for (Field f : written) {
            if (kind(f) != Kind.CALIBRATION || !r.ok()) {
                continue;
            }
            long v = raw.get(f.target);
            switch (f.target) {
                case "raw.calibrationVoltage" -> r = board.calibrateVoltage(v / 1000.0);
                case "raw.calibrationCurrent" -> r = board.calibrateCurrentZero();
                case "raw.calibrationTemperature" -> r = board.calibrateTemperature(sensor, v / 10.0);
                case "raw.calibrationReset" -> r = board.resetCalibration((int) v, sensor);
                default -> sensor = (int) v;
            }
            acted |= !f.target.equals("raw.calibrationSensor");
        }
        // A value refused as out of its window leaves the frame unapplied, the sensor selection included.
        if (Refusal.codeOf(r) != ILLEGAL_VALUE) {
            state.calibrationSensor = sensor;
        }
        if (!acted) {
            // A sensor selection alone is a calibration write too, and sets the last result (section 9.1).
            board.lastResult(BoardResult.DONE);
        }
        return r;
    }

    private BoardResult applyRecord() {
        Long select = raw.get("record.select");
        Long index = raw.get("record.index");
        int kind = select != null ? (int) (select >> 8) : state.recordKind;
        state.select(board, kind, index != null ? index : 0);
        board.lastResult(BoardResult.DONE);
        return BoardResult.DONE;
    }

    /** Size and CRC are stored before the command of the same frame is carried out (section 9.8). */
    private BoardResult applyFirmware() {
        FirmwareTarget fw = board.firmware();
        Long size = raw.get("firmware.imageSize");
        Long crc = raw.get("firmware.imageCrc");
        if (size != null || crc != null) {
            fw.announce(size != null ? size : fw.imageSize(), crc != null ? crc : fw.imageCrc());
        }
        BoardResult r = BoardResult.DONE;
        Long command = raw.get("firmware.command");
        if (command != null) {
            r = switch (command.intValue()) {
                case 1 -> fw.start();
                case 2 -> fw.finish();
                case 3 -> fw.activate();
                default -> {
                    fw.abort();
                    yield BoardResult.DONE;
                }
            };
            // Code 10 is never stored at 0x0021: it is answered as exception 03 (section 9.1).
            if (r != BoardResult.INVALID_VALUE) {
                board.lastResult(r);
            }
        }
        if (blockData != null && r.ok()) {
            r = fw.block(raw.get("firmware.blockNumber").intValue(), blockData);
        }
        return r;
    }
}
