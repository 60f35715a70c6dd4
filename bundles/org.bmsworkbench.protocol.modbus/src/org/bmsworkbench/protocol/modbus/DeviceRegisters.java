package org.bmsworkbench.protocol.modbus;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.FirmwareTarget;
import org.bmsworkbench.protocol.modbus.RegisterMap.BitDef;
import org.bmsworkbench.protocol.modbus.RegisterMap.Block;
import org.bmsworkbench.protocol.modbus.RegisterMap.Field;

/**
 * What one board's registers and bits read as, for one request: the inverse of the host's decoding.
 * The live snapshot is taken once, so every value of a reply comes from one measurement cycle
 * (docs/protocols/modbus-native.md, section 1). Reserved and write-only addresses read 0.
 */
final class DeviceRegisters {

    /** The values a group of fields describes: the live pack, or the record in the window. */
    private record Source(PackSnapshot values, Set<PackFlag> flags) {
    }

    private final RegisterMap map;
    private final Board board;
    private final DeviceState state;
    private Source live;

    DeviceRegisters(RegisterMap map, Board board, DeviceState state) {
        this.map = map;
        this.board = board;
        this.state = state;
    }

    /** Registers {@code [start, start + count)} of the blocks read with {@code function} (03 or 04). */
    int[] registers(int function, int start, int count) {
        int[] out = new int[count];
        for (Block b : map.blocks.values()) {
            if (b.function() != function || b.end() <= start || b.start() >= start + count) {
                continue;
            }
            boolean window = isRecordWindow(b);
            for (Field f : b.fields()) {
                if (f.end() <= start || f.address >= start + count) {
                    continue;
                }
                int[] words = words(f, window);
                for (int r = 0; r < words.length; r++) {
                    int at = f.address + r - start;
                    if (at >= 0 && at < count) {
                        out[at] = words[r];
                    }
                }
            }
        }
        return out;
    }

    /** Bits {@code [start, start + count)} of the blocks read with {@code function} (01 or 02). */
    boolean[] bits(int function, int start, int count) {
        boolean[] out = new boolean[count];
        for (Block b : map.blocks.values()) {
            if (b.function() != function || b.end() <= start || b.start() >= start + count) {
                continue;
            }
            for (Field f : b.fields()) {
                for (int i = 0; i < f.count; i++) {
                    int at = f.address + i - start;
                    if (at >= 0 && at < count) {
                        out[at] = bit(f, i, live());
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code b} is a record window: its pack values come from the selected record. */
    static boolean isRecordWindow(Block b) {
        for (Field f : b.fields()) {
            if (f.target.startsWith("record.")) {
                return true;
            }
        }
        return false;
    }

    private Source live() {
        if (live == null) {
            PackSnapshot s = board.snapshot();
            live = new Source(s, s.flags());
        }
        return live;
    }

    /** The source of a field's pack values; null for a window with no record loaded, which reads 0. */
    private Source source(boolean window) {
        if (!window) {
            return live();
        }
        DeviceState.Window w = state.window;
        return w == null ? null : new Source(w.values(), w.flags());
    }

    private int[] words(Field f, boolean window) {
        int[] words = new int[f.span()];
        if ("w".equals(f.options.get("access"))) {
            return words;
        }
        if (f.type.startsWith("str")) {
            return text(f);
        }
        Source src = source(window);
        if (f.type.equals("bits")) {
            if (src != null) {
                bitsField(f, src, words);
            }
            return words;
        }
        for (int i = 0; i < f.count; i++) {
            long raw = fit(f, element(f, i, src, window));
            for (int r = f.width() - 1; r >= 0; r--) {
                words[i * f.width() + r] = (int) (raw & 0xFFFF);
                raw >>= 16;
            }
        }
        return words;
    }

    private void bitsField(Field f, Source src, int[] words) {
        if (f.target.equals("flags")) {
            for (BitDef d : f.bits) {
                if (d.target().startsWith("flag.") && src.flags().contains(PackFlag.valueOf(d.target().substring(5)))) {
                    words[d.bit() / 16] |= 1 << (d.bit() % 16);
                }
            }
            return;
        }
        for (int i = 0; i < f.count; i++) {
            if (bit(f, i, src)) {
                words[i / 16] |= 1 << (i % 16);
            }
        }
    }

    /** Element {@code i} of a one-bit-per-element target (a coil, a discrete input or a bit of a bits field). */
    private boolean bit(Field f, int i, Source src) {
        String t = f.target;
        if (t.equals("balance")) {
            return i < src.values().cellCount() && src.values().isBalancing(i);
        }
        if (t.startsWith("flag.")) {
            return src.flags().contains(PackFlag.valueOf(t.substring(5)));
        }
        if (t.startsWith("cellFlags.")) {
            PackFlag flag = PackFlag.valueOf(t.substring(10));
            return src.flags().contains(flag) && i == culprit(flag, f.count, src.values());
        }
        if (t.startsWith("control.")) {
            String action = f.options.getOrDefault("on", f.options.get("off"));
            return action != null && board.controlState(ControlAction.valueOf(action));
        }
        return false;
    }

    /**
     * The element a per-cell or per-sensor flag is shown on: the model keeps only the pack flag, so the
     * bit goes to the extreme reading that would raise it (highest for an over condition, lowest for an
     * under condition), which keeps the host's "any bit set" reading right.
     */
    private static int culprit(PackFlag flag, int count, PackSnapshot s) {
        String name = flag.name();
        String condition = name.substring(name.lastIndexOf('_') + 1);
        if (!condition.matches("[OU][VT]P?")) {
            return 0;
        }
        boolean temperature = condition.charAt(1) == 'T';
        boolean high = condition.charAt(0) == 'O';
        int n = Math.min(count, temperature ? s.temperatureCount() : s.cellCount());
        int best = -1;
        for (int i = 0; i < n; i++) {
            double v = temperature ? s.temperature(i) : s.cellVoltage(i);
            double b = best < 0 ? Double.NaN : temperature ? s.temperature(best) : s.cellVoltage(best);
            if (!Double.isNaN(v) && (best < 0 || (high ? v > b : v < b))) {
                best = i;
            }
        }
        return Math.max(best, 0);
    }

    /** The raw value of element {@code i} of a numeric field, before {@link #fit}. */
    private long element(Field f, int i, Source src, boolean window) {
        String t = f.target;
        int dot = t.indexOf('.');
        String head = dot < 0 ? t : t.substring(0, dot);
        String rest = dot < 0 ? "" : t.substring(dot + 1);
        return switch (head) {
            case "record" -> record(f, rest);
            case "q", "cells", "temps", "temp", "cellCount", "tempCount" -> src == null ? 0 : pack(f, i, head, rest, src);
            case "param" -> parameter(f, rest);
            case "clock" -> clock(rest);
            case "raw" -> raw(f, rest, window);
            case "firmware" -> firmware(rest);
            default -> 0;
        };
    }

    private long pack(Field f, int i, String head, String rest, Source src) {
        PackSnapshot s = src.values();
        return switch (head) {
            case "q" -> scaled(f, s.get(Quantity.byKey(rest)));
            case "cells" -> i < s.cellCount() ? scaled(f, s.cellVoltage(i)) : 0;
            case "temps" -> scaled(f, i < s.temperatureCount() ? s.temperature(i) : Double.NaN);
            case "temp" -> {
                int k = Integer.parseInt(rest) - 1;
                yield scaled(f, k < s.temperatureCount() ? s.temperature(k) : Double.NaN);
            }
            case "cellCount" -> s.cellCount();
            default -> s.temperatureCount();
        };
    }

    private long record(Field f, String name) {
        switch (name) {
            case "select":
                return (long) state.recordKind << 8;
            case "index":
                return state.recordIndex;
            case "count":
                return state.count(board);
            default:
                break;
        }
        DeviceState.Window w = state.window;
        if (w == null) {
            return 0;
        }
        LocalDateTime t = w.time();
        return switch (name) {
            case "year" -> t.getYear();
            case "month" -> t.getMonthValue();
            case "day" -> t.getDayOfMonth();
            case "hour" -> t.getHour();
            case "minute" -> t.getMinute();
            case "second" -> t.getSecond();
            case "mode" -> w.mode() == OperatingMode.CHARGE ? 1 : w.mode() == OperatingMode.DISCHARGE ? 2 : 0;
            case "code" -> w.code();
            default -> {
                Quantity q = name.startsWith("q.") ? Quantity.byKey(name.substring(2)) : null;
                yield q == null ? 0 : scaled(f, w.values().get(q));
            }
        };
    }

    private long parameter(Field f, String key) {
        double v = board.parameter(key);
        if (Double.isNaN(v)) {
            return 0;
        }
        return f.parameter != null && f.parameter.isChoice() ? Math.round(v) : scaled(f, v);
    }

    private long clock(String part) {
        LocalDateTime t = board.clock();
        return switch (part) {
            case "year" -> t.getYear();
            case "month" -> t.getMonthValue();
            case "day" -> t.getDayOfMonth();
            case "hour" -> t.getHour();
            case "minute" -> t.getMinute();
            default -> t.getSecond();
        };
    }

    /** The {@code raw.} names of the native map (docs/protocols/modbus-native.md); other names read 0. */
    private long raw(Field f, String name, boolean window) {
        Source src = source(window);
        PackSnapshot s = src == null ? null : src.values();
        return switch (name) {
            case "commandResult" -> board.lastResult();
            case "maxCellNumber" -> s == null ? 0 : extreme(s, false, true) + 1;
            case "minCellNumber" -> s == null ? 0 : extreme(s, false, false) + 1;
            case "maxTempSensorNumber" -> s == null ? 0 : extreme(s, true, true) + 1;
            case "minTempSensorNumber" -> s == null ? 0 : extreme(s, true, false) + 1;
            case "cellVoltageDifference" -> s == null ? 0 : cellDifference(s);
            // The hardware's channel counts: the model's largest pack, 176 cells and 33 sensors (section 6.4).
            case "maxCells" -> PackSnapshot.MAX_CELLS;
            case "maxTemps" -> PackSnapshot.MAX_TEMPERATURES;
            case "fullCapacity" -> milli(s, Quantity.FULL_CAPACITY);
            case "remainingCapacity" -> milli(s, Quantity.REMAINING_CAPACITY);
            case "cycleCount" -> s == null || Double.isNaN(s.get(Quantity.CYCLES)) ? 0 : Math.round(s.get(Quantity.CYCLES));
            case "calibrationVoltage" -> milli(s, Quantity.VOLTAGE);
            case "calibrationCurrent" -> milli(s, Quantity.CURRENT);
            case "calibrationSensor" -> state.calibrationSensor;
            case "calibrationTemperature" -> {
                double t = board.measuredTemperature(state.calibrationSensor);
                yield Double.isNaN(t) ? (short) 0x8000 : Math.round(t * 10);
            }
            case "calibrationStatus" -> board.calibrationStatus();
            default -> 0;
        };
    }

    private static long milli(PackSnapshot s, Quantity q) {
        return s == null || Double.isNaN(s.get(q)) ? 0 : Math.round(s.get(q) * 1000);
    }

    /** The 0-based index of the highest or lowest readable cell or sensor, -1 when none is readable. */
    private static int extreme(PackSnapshot s, boolean temperature, boolean high) {
        int n = temperature ? s.temperatureCount() : s.cellCount();
        int best = -1;
        double bestValue = Double.NaN;
        for (int i = 0; i < n; i++) {
            double v = temperature ? s.temperature(i) : s.cellVoltage(i);
            if (!Double.isNaN(v) && (best < 0 || (high ? v > bestValue : v < bestValue))) {
                best = i;
                bestValue = v;
            }
        }
        return best;
    }

    /** MaxV − MinV in mV, from the same quantities as 0x0013 and 0x0014 so the three registers agree. */
    private static long cellDifference(PackSnapshot s) {
        double max = s.get(Quantity.MAX_CELL_VOLTAGE);
        double min = s.get(Quantity.MIN_CELL_VOLTAGE);
        if (Double.isNaN(max) || Double.isNaN(min)) {
            double[] stats = s.cellStatistics();
            min = stats[0];
            max = stats[1];
        }
        return Double.isNaN(max) || Double.isNaN(min) ? 0 : Math.round(max * 1000) - Math.round(min * 1000);
    }

    private long firmware(String name) {
        FirmwareTarget fw = board.firmware();
        return switch (name) {
            case "imageSize" -> fw.imageSize();
            case "imageCrc" -> fw.imageCrc();
            case "status" -> fw.status();
            case "error" -> fw.error();
            case "blockSize" -> fw.blockSize();
            case "nextBlock" -> fw.nextBlock();
            default -> 0;
        };
    }

    /** ASCII, high byte first, NUL padded; a character the wire cannot carry goes as '?'. */
    private int[] text(Field f) {
        int chars = Integer.parseInt(f.type.substring(3));
        String value = f.target.startsWith("text.") ? board.text(f.target.substring(5)) : "";
        int[] words = new int[chars / 2];
        for (int i = 0; i < Math.min(chars, value.length()); i++) {
            char c = value.charAt(i);
            int b = c >= 0x20 && c <= 0x7E ? c : '?';
            words[i / 2] |= i % 2 == 0 ? b << 8 : b;
        }
        return words;
    }

    /** A value in the host's unit as the raw integer the host decodes back to it; NaN is the absent marker, or 0. */
    static long scaled(Field f, double value) {
        if (Double.isNaN(value)) {
            List<Long> absent = f.absent();
            return absent.isEmpty() ? 0 : absent.get(0);
        }
        long fitted = clamp(f, Math.round((value - f.offset()) / f.scale()));
        // A reading must not look like the absent marker (an insulation of 65 535 kΩ reads 65 534, section 6.1).
        if (isAbsent(f, fitted)) {
            fitted = clamp(f, fitted - 1) == fitted - 1 && !isAbsent(f, fitted - 1) ? fitted - 1 : fitted + 1;
        }
        return fitted;
    }

    /** {@code raw} as the field's type carries it: an absent marker as it is, anything else clamped. */
    static long fit(Field f, long raw) {
        return isAbsent(f, raw) ? raw : clamp(f, raw);
    }

    private static long clamp(Field f, long raw) {
        int bits = 16 * f.width();
        long min = f.signed() ? -(1L << (bits - 1)) : 0;
        long max = f.signed() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        return Math.max(min, Math.min(max, raw));
    }

    private static boolean isAbsent(Field f, long raw) {
        long mask = f.width() == 1 ? 0xFFFFL : 0xFFFFFFFFL;
        for (long a : f.absent()) {
            if ((a & mask) == (raw & mask)) {
                return true;
            }
        }
        return false;
    }
}
