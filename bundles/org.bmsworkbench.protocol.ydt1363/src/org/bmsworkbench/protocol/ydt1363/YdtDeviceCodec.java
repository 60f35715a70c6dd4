package org.bmsworkbench.protocol.ydt1363;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoublePredicate;

import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Scaling;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.BoardResult;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.ydt1363.YdtVariant.ParameterField;
import org.bmsworkbench.protocol.ydt1363.YdtVariant.RequestSpec;
import org.bmsworkbench.protocol.ydt1363.YdtVariant.TextField;

/**
 * The device (slave) side of a YD/T1363.3 dialect, driven by the same variant file as {@link YdtProtocol}:
 * every reply is laid out so that the host side decodes it back to the board's values.
 * <p>
 * What a board does with a request, in the order it checks:
 * <ol>
 * <li>ADR unreadable or no board there: silence (the frame is another device's).</li>
 * <li>CID1 readable and not the variant's: silence (another device type on the bus, say a rectifier).</li>
 * <li>CID2 not a command of the variant but a return code: silence, it is a reply another board sent, and
 * answering it would keep two boards talking forever.</li>
 * <li>CHKSUM wrong: RTN 02; LCHKSUM wrong: RTN 03; any other broken grammar (characters, LENID): RTN 05.</li>
 * <li>VER not the variant's: RTN 01, except for 4FH, which is how a host learns the version.</li>
 * <li>CID2 not a command the variant lists (or one the device side cannot carry out): RTN 04.</li>
 * <li>INFO of the wrong length for the command: RTN 05; a value outside its range, a pack address in
 * INFO that no board has, an unknown control code or an impossible date: RTN 06; 4BH with no stored
 * record: RTN 07 (no data).</li>
 * </ol>
 * A board's own refusal maps as {@link #returnCode(BoardResult)} says.
 * <p>
 * Values that do not fit their field saturate at its limit rather than wrap: a current beyond s16 at the
 * variant's scale reads as the largest the field holds, a negative capacity as 0, an unread cell or sensor
 * (NaN) as raw 0. A pack group carries at most 255 cells and sensors by its 8-bit counts, and
 * {@link PackSnapshot#MAX_CELLS} (176) cells with 33 sensors fit a single-pack 42H or 44H reply of every
 * shipped dialect (at most 449 of the 2047 INFO bytes the 12-bit LENID allows; even 255 cells would fit).
 * An all-packs reply carries at most 16 packs (the host's limit) and only as many whole groups as fit in
 * LENID: a 42H group takes 2 bytes per cell and sensor plus 13 (Pylontech, up to 65 Ah), 19 (Pylontech,
 * larger), 29 (Seplos) or 15 (PACE) bytes, so 16 packs of 6 sensors fit up to 51, 48, 43 or 50 cells.
 */
final class YdtDeviceCodec implements DeviceCodec {

    static final int RTN_NORMAL = 0x00;
    static final int RTN_VER = 0x01;
    static final int RTN_CHKSUM = 0x02;
    static final int RTN_LCHKSUM = 0x03;
    static final int RTN_CID2 = 0x04;
    static final int RTN_FORMAT = 0x05;
    static final int RTN_INVALID_DATA = 0x06;
    static final int RTN_NO_DATA = 0x07;
    /** User-defined range of the standard, as Seplos and PACE use it; YdtReturnCodes names them. */
    static final int RTN_EXECUTION_FAILURE = 0xE2;
    static final int RTN_DEVICE_FAULT = 0xE3;

    /** The most packs the host reads from one all-packs reply. */
    static final int MAX_PACKS = 16;
    static final int MAX_INFO_BYTES = YdtFrame.MAX_INFO_CHARS / 2;

    private static final int CLOCK_BYTES = 7;
    private static final int LEVEL_LOW = 1;
    private static final int LEVEL_HIGH = 2;
    private static final int LEVEL_FAULT = 0xF0;

    /*
     * Limits that pick which cells and sensors an alarm level byte names. They are keys of the Pylontech
     * parameter page, which a board answers whatever dialect it speaks (Board#parameter).
     */
    private static final String CELL_HIGH_LIMIT = "cellHighVoltageLimit";
    private static final String CELL_LOW_LIMIT = "cellLowVoltageLimit";
    private static final List<String> TEMPERATURE_HIGH_LIMITS = List.of("chargeHighTemperatureLimit",
            "dischargeHighTemperatureLimit");
    private static final List<String> TEMPERATURE_LOW_LIMITS = List.of("chargeLowTemperatureLimit",
            "dischargeLowTemperatureLimit");

    private final YdtVariant variant;

    YdtDeviceCodec(YdtVariant variant) {
        this.variant = variant;
    }

    /** The answer to one request: return code and INFO. */
    private record Answer(int rtn, byte[] info) {
        static Answer of(int rtn) {
            return new Answer(rtn, new byte[0]);
        }

        static Answer ok(InfoWriter info) {
            return new Answer(RTN_NORMAL, info.toByteArray());
        }
    }

    /** A request refused with a return code, from deep inside the INFO parsing. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final int rtn;

        Refusal(int rtn, String why) {
            super(why);
            this.rtn = rtn;
        }
    }

    /** The INFO of a request, split by its variant tokens. */
    private record RequestInfo(int pack, LocalDateTime clock, byte[] payload) {
    }

    // --- line -----------------------------------------------------------------------------------------------

    @Override
    public int scan(byte[] buffer, int length) {
        if (length <= 0) {
            return 0;
        }
        if (buffer[0] != YdtFrame.SOI) {
            for (int i = 1; i < length; i++) {
                if (buffer[i] == YdtFrame.SOI) {
                    return -i;
                }
            }
            return -length;
        }
        int limit = Math.min(length, YdtFrame.MAX_FRAME);
        for (int i = 1; i < limit; i++) {
            if (buffer[i] == YdtFrame.EOI) {
                return i + 1;
            }
            if (buffer[i] == YdtFrame.SOI) {
                // A new start inside a frame: the earlier one was noise.
                return -i;
            }
        }
        return length >= YdtFrame.MAX_FRAME ? -YdtFrame.MAX_FRAME : 0;
    }

    @Override
    public int addressOf(byte[] request) {
        return request.length >= 5 && request[0] == YdtFrame.SOI ? hexByte(request, 3) : -1;
    }

    private static int hexByte(byte[] raw, int at) {
        if (raw.length < at + 2) {
            return -1;
        }
        int high = YdtFrame.hexValue(raw[at]);
        int low = YdtFrame.hexValue(raw[at + 1]);
        return high < 0 || low < 0 ? -1 : (high << 4) | low;
    }

    @Override
    public Optional<byte[]> answer(byte[] request, DeviceBus bus) {
        int address = addressOf(request);
        Board board = address < 0 ? null : bus.board(address);
        if (board == null) {
            return Optional.empty();
        }
        int cid1 = hexByte(request, 5);
        if (cid1 >= 0 && cid1 != variant.cid1) {
            return Optional.empty();
        }
        int cid2 = hexByte(request, 7);
        if (cid2 >= 0 && command(cid2) == null && isReturnCode(cid2)) {
            return Optional.empty();
        }
        YdtFrame frame;
        try {
            frame = YdtFrame.parse(request);
        } catch (ProtocolException e) {
            return Optional.of(reply(address, Answer.of(switch (e.error().kind()) {
                case BAD_CHECKSUM -> RTN_CHKSUM;
                case BAD_LENGTH_CHECKSUM -> RTN_LCHKSUM;
                default -> RTN_FORMAT;
            })));
        }
        Command command = command(frame.cid2());
        if (frame.version() != variant.version && command != Command.PROTOCOL_VERSION) {
            return Optional.of(reply(address, Answer.of(RTN_VER)));
        }
        if (command == null) {
            return Optional.of(reply(address, Answer.of(RTN_CID2)));
        }
        Answer answer;
        try {
            answer = answer(command, frame, board, bus);
        } catch (Refusal r) {
            answer = Answer.of(r.rtn);
        }
        return Optional.of(reply(address, answer));
    }

    /** {@inheritDoc} ADR is the only address a YD/T1363 reply has; CHKSUM is computed again. */
    @Override
    public Optional<byte[]> readdressed(byte[] reply, int address) {
        if (address < 0 || address > 0xFF) {
            return Optional.empty();
        }
        try {
            YdtFrame f = YdtFrame.parse(reply);
            return Optional.of(new YdtFrame(f.version(), address, f.cid1(), f.cid2(), f.info()).encode());
        } catch (ProtocolException e) {
            // Not a whole frame: nothing a board would have sent.
            return Optional.empty();
        }
    }

    private byte[] reply(int address, Answer answer) {
        return new YdtFrame(variant.version, address, variant.cid1, answer.rtn(), answer.info()).encode();
    }

    private Command command(int cid2) {
        for (Map.Entry<Command, RequestSpec> e : variant.requests.entrySet()) {
            if (e.getValue().cid2() == cid2) {
                return e.getKey();
            }
        }
        return null;
    }

    private boolean isReturnCode(int cid2) {
        return YdtReturnCodes.meaning(cid2) != null || variant.returnCodes.containsKey(cid2);
    }

    /**
     * How a board's refusal reads on the wire: DONE 00; a value out of range or out of its calibration
     * window 06 (invalid data); a memory failure E3 (device fault); every other refusal (an interlock, a
     * disabled function, busy, not allowed now) E2 (command execution failure).
     */
    static int returnCode(BoardResult result) {
        return switch (result) {
            case DONE -> RTN_NORMAL;
            case INVALID_VALUE, OUT_OF_WINDOW -> RTN_INVALID_DATA;
            case MEMORY_FAILURE -> RTN_DEVICE_FAULT;
            case REFUSED_CFET_WHILE_DISCHARGING, REFUSED_DFET_WHILE_CHARGING, REFUSED_DISABLED, REFUSED_PROTECTION,
                    REFUSED_CURRENT_FLOWING, BUSY, NOT_ALLOWED -> RTN_EXECUTION_FAILURE;
        };
    }

    // --- commands -------------------------------------------------------------------------------------------

    private Answer answer(Command command, YdtFrame frame, Board board, DeviceBus bus) throws Refusal {
        RequestSpec spec = variant.requests.get(command);
        boolean takesPayload = command == Command.SET_PARAMETERS || command == Command.CONTROL;
        RequestInfo in = requestInfo(spec, frame, takesPayload);
        boolean all = in.pack() == YdtRequest.ALL_PACKS
                && (command == Command.ANALOG && variant.analogHeader.contains("address")
                        || command == Command.ALARM_STATUS && variant.alarmHeader.contains("address"));
        if (all) {
            return command == Command.ANALOG ? analog(allPacks(bus), true) : alarms(allPacks(bus), true);
        }
        // A pack address in INFO other than the board's own: the board answers for that pack, as a
        // Pylontech master does for the packs behind it.
        Board target = in.pack() == frame.address() ? board : bus.board(in.pack());
        if (target == null) {
            throw new Refusal(RTN_INVALID_DATA, "no pack " + in.pack() + " on the bus");
        }
        return switch (command) {
            case ANALOG -> analog(List.of(target), false);
            case ALARM_STATUS -> alarms(List.of(target), false);
            case GET_PARAMETERS -> parameters(target);
            case SET_PARAMETERS -> setParameters(target, in.payload());
            case CONTROL -> control(target, in.payload());
            case PROTOCOL_VERSION -> Answer.of(RTN_NORMAL);
            case MANUFACTURER -> text(target, variant.manufacturer);
            case SERIAL_NUMBER -> text(target, variant.serial);
            case HISTORY -> history(target);
            case GET_CLOCK -> {
                InfoWriter out = new InfoWriter();
                clock(out, target.clock());
                yield Answer.ok(out);
            }
            case SET_CLOCK -> {
                if (in.clock() == null) {
                    throw new Refusal(RTN_FORMAT, "no clock in the request");
                }
                yield Answer.of(returnCode(target.setClock(in.clock())));
            }
            default -> Answer.of(RTN_CID2);
        };
    }

    /** Reads the request tokens; only 49H and 45H carry bytes after them. */
    private static RequestInfo requestInfo(RequestSpec spec, YdtFrame frame, boolean takesPayload) throws Refusal {
        byte[] info = frame.info();
        int at = 0;
        int pack = frame.address();
        LocalDateTime clock = null;
        for (String token : spec.info()) {
            if (token.equals("address")) {
                need(info, at, 1);
                pack = info[at++] & 0xFF;
            } else if (token.equals("clock")) {
                need(info, at, CLOCK_BYTES);
                clock = readClock(info, at);
                at += CLOCK_BYTES;
            } else {
                throw new IllegalStateException("unknown request token " + token);
            }
        }
        if (!takesPayload && at != info.length) {
            throw new Refusal(RTN_FORMAT, "INFO has " + (info.length - at) + " bytes too many");
        }
        return new RequestInfo(pack, clock, Arrays.copyOfRange(info, at, info.length));
    }

    private static void need(byte[] info, int at, int n) throws Refusal {
        if (at + n > info.length) {
            throw new Refusal(RTN_FORMAT, "INFO ends before byte " + (at + n));
        }
    }

    private static LocalDateTime readClock(byte[] info, int at) throws Refusal {
        int year = ((info[at] & 0xFF) << 8) | (info[at + 1] & 0xFF);
        try {
            return LocalDateTime.of(year, info[at + 2] & 0xFF, info[at + 3] & 0xFF, info[at + 4] & 0xFF,
                    info[at + 5] & 0xFF, info[at + 6] & 0xFF);
        } catch (DateTimeException e) {
            throw new Refusal(RTN_INVALID_DATA, "not a time: " + e.getMessage());
        }
    }

    private static List<Board> allPacks(DeviceBus bus) {
        List<Board> boards = bus.boards();
        return boards.subList(0, Math.min(MAX_PACKS, boards.size()));
    }

    // --- 42H ------------------------------------------------------------------------------------------------

    private Answer analog(List<Board> boards, boolean all) {
        List<byte[]> groups = new ArrayList<>();
        for (Board b : boards) {
            InfoWriter group = new InfoWriter();
            analogGroup(group, b.snapshot());
            groups.add(group.toByteArray());
        }
        return packs(variant.analogHeader, boards, groups, all);
    }

    /**
     * The header and as many groups as fit in INFO: one for a single pack (which always fits), up to
     * {@link #MAX_PACKS} for an all-packs reply, whose header carries the pack count where it has an address.
     */
    private static Answer packs(List<String> header, List<Board> boards, List<byte[]> groups, boolean all) {
        int count = 0;
        int size = header.size();
        while (count < groups.size() && size + groups.get(count).length <= MAX_INFO_BYTES) {
            size += groups.get(count).length;
            count++;
        }
        InfoWriter out = new InfoWriter();
        header(out, header, all ? count : boards.get(0).address());
        for (int i = 0; i < count; i++) {
            out.bytes(groups.get(i));
        }
        return Answer.ok(out);
    }

    private static void header(InfoWriter out, List<String> header, int selector) {
        for (String token : header) {
            // dataFlag 0: no unread alarm or switch change.
            out.u8(token.equals("address") ? selector : 0);
        }
    }

    private void analogGroup(InfoWriter out, PackSnapshot s) {
        int cells = Math.min(s.cellCount(), 0xFF);
        out.u8(cells);
        for (int i = 0; i < cells; i++) {
            out.u16(raw(s.cellVoltage(i), variant.cellVoltageScale));
        }
        int temps = Math.min(s.temperatureCount(), 0xFF);
        out.u8(temps);
        for (int i = 0; i < temps; i++) {
            out.u16(kelvin(s.temperature(i)));
        }
        out.s16(raw(s.get(Quantity.CURRENT), variant.currentScale));
        out.u16(raw(s.get(Quantity.VOLTAGE), variant.voltageScale));
        out.bytes(capacitiesAndItems(s));
    }

    /**
     * The remaining capacity and the user-defined items, in the smallest item set of the variant whose
     * values fit their fields (Pylontech: 2 items up to 65.535 Ah, else 4 with 24-bit capacities), or the
     * largest set, saturated, when none fits.
     */
    private byte[] capacitiesAndItems(PackSnapshot s) {
        InfoWriter chosen = null;
        for (Map.Entry<Integer, List<String>> e : new TreeMap<>(variant.userItems).entrySet()) {
            chosen = new InfoWriter();
            items(chosen, s, e.getKey(), e.getValue());
            if (!chosen.saturated()) {
                break;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException(variant.id + " has no analog.userItems");
        }
        return chosen.toByteArray();
    }

    private void items(InfoWriter out, PackSnapshot s, int count, List<String> items) {
        // A 24-bit capacity in the set means the 16-bit one reads FFFF, as Pylontech's large packs send it.
        boolean wideRemaining = items.contains("remainingCapacity24");
        boolean wideFull = items.contains("fullCapacity24");
        out.u16(wideRemaining ? 0xFFFF : raw(s.get(Quantity.REMAINING_CAPACITY), variant.capacityScale));
        out.u8(count);
        for (String item : items) {
            switch (item) {
                case "fullCapacity" -> out.u16(wideFull ? 0xFFFF : raw(s.get(Quantity.FULL_CAPACITY), variant.capacityScale));
                case "designCapacity" -> out.u16(raw(s.get(Quantity.DESIGN_CAPACITY), variant.capacityScale));
                case "remainingCapacity24" -> out.u24(raw(s.get(Quantity.REMAINING_CAPACITY), variant.capacity24Scale));
                case "fullCapacity24" -> out.u24(raw(s.get(Quantity.FULL_CAPACITY), variant.capacity24Scale));
                case "cycles" -> out.u16(raw(s.get(Quantity.CYCLES), 1));
                case "soc" -> out.u16(raw(s.get(Quantity.SOC), 0.1));
                case "soh" -> out.u16(raw(s.get(Quantity.SOH), 0.1));
                case "portVoltage" -> out.u16(raw(s.get(Quantity.PORT_VOLTAGE), variant.voltageScale));
                case "skip2" -> out.zeros(2);
                case "deriveSoc", "deriveSoh" -> {
                    // Computed by the host from the capacities; nothing on the wire.
                }
                default -> throw new IllegalStateException(variant.id + ": unknown analog item " + item);
            }
        }
    }

    /** {@code value / scale} rounded; NaN (not measured) is 0. The writer saturates what does not fit. */
    private static long raw(double value, double scale) {
        return Double.isNaN(value) ? 0 : Math.round(value / scale);
    }

    private long kelvin(double celsius) {
        return Double.isNaN(celsius) ? 0 : Math.round(celsius * 10) + variant.temperatureOffset;
    }

    // --- 44H ------------------------------------------------------------------------------------------------

    private Answer alarms(List<Board> boards, boolean all) {
        List<byte[]> groups = new ArrayList<>();
        for (Board b : boards) {
            InfoWriter group = new InfoWriter();
            alarmGroup(group, b, b.snapshot());
            groups.add(group.toByteArray());
        }
        return packs(variant.alarmHeader, boards, groups, all);
    }

    /**
     * Level bytes and status bits such that the host reads back exactly the snapshot's flags, as far as the
     * dialect can carry them. A pack-wide cell or temperature flag lands on the cells or sensors beyond the
     * board's limit, or on the most extreme one when no limit is known or none is beyond it; an error flag on
     * the unreadable cells or sensors, or on the first one when nothing else in the reply carries it.
     */
    private void alarmGroup(InfoWriter out, Board board, PackSnapshot s) {
        Set<PackFlag> flags = s.flags();
        Set<PackFlag> carried = EnumSet.noneOf(PackFlag.class);
        for (String token : variant.alarmTail) {
            if (token.startsWith("status:")) {
                for (PackFlag f : variant.alarmBits.get(token.substring(7))) {
                    if (f != null && flags.contains(f)) {
                        carried.add(f);
                    }
                }
            }
        }
        int cellCount = Math.min(s.cellCount(), 0xFF);
        int[] cells = levels(Arrays.copyOf(s.cellVoltages(), cellCount), flags, PackFlag.CELL_UV, PackFlag.CELL_OV,
                PackFlag.CELL_ERROR, board.parameter(CELL_LOW_LIMIT), board.parameter(CELL_HIGH_LIMIT), carried);
        int tempCount = Math.min(s.temperatureCount(), 0xFF);
        int[] temps = levels(Arrays.copyOf(s.temperatures(), tempCount), flags, PackFlag.CELL_UT, PackFlag.CELL_OT,
                PackFlag.TEMP_SENSE_ERROR, limit(board, TEMPERATURE_LOW_LIMITS, true),
                limit(board, TEMPERATURE_HIGH_LIMITS, false), carried);
        out.u8(cellCount);
        for (int level : cells) {
            out.u8(level);
        }
        out.u8(tempCount);
        for (int level : temps) {
            out.u8(level);
        }
        for (String token : variant.alarmTail) {
            String[] parts = token.split(":");
            switch (parts[0]) {
                case "level" -> out.u8(switch (parts[1]) {
                    case "chargeCurrent" -> level(flags, carried, null, PackFlag.CHG_OC, PackFlag.CURRENT_SENSE_ERROR);
                    case "dischargeCurrent" -> level(flags, carried, null, PackFlag.DSG_OC,
                            PackFlag.CURRENT_SENSE_ERROR);
                    case "current" -> level(flags, carried, PackFlag.DSG_OC, PackFlag.CHG_OC,
                            PackFlag.CURRENT_SENSE_ERROR);
                    case "packVoltage" -> level(flags, carried, PackFlag.PACK_UV, PackFlag.PACK_OV,
                            PackFlag.VOLTAGE_SENSE_ERROR);
                    default -> throw new IllegalStateException(variant.id + ": unknown level " + token);
                });
                case "status" -> {
                    PackFlag[] bits = variant.alarmBits.get(parts[1]);
                    int v = 0;
                    for (int bit = 0; bit < 8; bit++) {
                        if (bits[bit] != null && flags.contains(bits[bit])) {
                            v |= 1 << bit;
                        }
                    }
                    out.u8(v);
                }
                case "balance" -> {
                    int first = Integer.parseInt(parts[1]) - 1;
                    int v = 0;
                    for (int bit = 0; bit < 8; bit++) {
                        if (first + bit < PackSnapshot.MAX_CELLS && s.isBalancing(first + bit)) {
                            v |= 1 << bit;
                        }
                    }
                    out.u8(v);
                }
                case "cellError" -> {
                    int first = Integer.parseInt(parts[1]) - 1;
                    int v = 0;
                    for (int bit = 0; bit < 8; bit++) {
                        if (first + bit < cells.length && cells[first + bit] == LEVEL_FAULT) {
                            v |= 1 << bit;
                        }
                    }
                    out.u8(v);
                }
                // A count or reserved byte the host skips.
                case "skip" -> out.u8(0);
                default -> throw new IllegalStateException(variant.id + ": unknown alarm token " + token);
            }
        }
    }

    /** The highest known low limit or the lowest known high limit of several parameters, NaN when none is known. */
    private static double limit(Board board, List<String> keys, boolean highest) {
        double limit = Double.NaN;
        for (String key : keys) {
            double v = board.parameter(key);
            if (!Double.isNaN(v)) {
                limit = Double.isNaN(limit) ? v : highest ? Math.max(limit, v) : Math.min(limit, v);
            }
        }
        return limit;
    }

    /** The level byte of each cell or sensor; see {@link #alarmGroup}. */
    private static int[] levels(double[] values, Set<PackFlag> flags, PackFlag low, PackFlag high, PackFlag fault,
            double lowLimit, double highLimit, Set<PackFlag> carried) {
        int[] levels = new int[values.length];
        if (flags.contains(fault)) {
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    levels[i] = LEVEL_FAULT;
                }
            }
        }
        if (flags.contains(high)) {
            mark(values, levels, LEVEL_HIGH, v -> v >= highLimit, true);
        }
        if (flags.contains(low)) {
            mark(values, levels, LEVEL_LOW, v -> v <= lowLimit, false);
        }
        if (flags.contains(fault) && !carried.contains(fault) && values.length > 0
                && Arrays.stream(levels).noneMatch(l -> l == LEVEL_FAULT)) {
            int free = 0;
            while (free < levels.length - 1 && levels[free] != 0) {
                free++;
            }
            levels[free] = LEVEL_FAULT;
        }
        return levels;
    }

    /** Marks the free entries beyond the limit, or the most extreme free one when none is. */
    private static void mark(double[] values, int[] levels, int level, DoublePredicate beyond,
            boolean highest) {
        boolean any = false;
        int extreme = -1;
        for (int i = 0; i < values.length; i++) {
            if (levels[i] != 0 || Double.isNaN(values[i])) {
                continue;
            }
            if (beyond.test(values[i])) {
                levels[i] = level;
                any = true;
            } else if (extreme < 0 || (highest ? values[i] > values[extreme] : values[i] < values[extreme])) {
                extreme = i;
            }
        }
        if (!any && extreme >= 0) {
            levels[extreme] = level;
        }
    }

    /**
     * One YD/T1363 level byte (2 above the upper limit, 1 below the lower, F0 a fault) for whichever of its
     * flags is set, preferring one that no other byte of the reply carries yet.
     */
    private static int level(Set<PackFlag> flags, Set<PackFlag> carried, PackFlag low, PackFlag high,
            PackFlag fault) {
        PackFlag[] options = { high, low, fault };
        int[] codes = { LEVEL_HIGH, LEVEL_LOW, LEVEL_FAULT };
        int first = -1;
        for (int i = 0; i < options.length; i++) {
            if (options[i] != null && flags.contains(options[i])) {
                if (!carried.contains(options[i])) {
                    carried.add(options[i]);
                    return codes[i];
                }
                first = first < 0 ? i : first;
            }
        }
        return first < 0 ? 0 : codes[first];
    }

    // --- 47H, 49H -------------------------------------------------------------------------------------------

    /** Each row from the board by the variant's key; a value the board does not know reads as raw 0. */
    private Answer parameters(Board board) {
        InfoWriter out = new InfoWriter();
        header(out, variant.parametersHeader, board.address());
        for (ParameterField f : variant.parameters) {
            double value = board.parameter(f.definition().key());
            switch (f.encoding()) {
                case "kelvin" -> out.u16(kelvin(value));
                case "s16" -> out.s16(raw(value, f.scale()));
                default -> out.u16(raw(value, f.scale()));
            }
        }
        return Answer.ok(out);
    }

    /** Every row checked against its range first; one bad row refuses the whole write. */
    private Answer setParameters(Board board, byte[] payload) throws Refusal {
        if (payload.length != 2 * variant.parameters.size()) {
            throw new Refusal(RTN_FORMAT, "49H carries " + variant.parameters.size() + " rows");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < variant.parameters.size(); i++) {
            ParameterField f = variant.parameters.get(i);
            int raw = ((payload[2 * i] & 0xFF) << 8) | (payload[2 * i + 1] & 0xFF);
            double value = switch (f.encoding()) {
                case "kelvin" -> Scaling.apply(raw - variant.temperatureOffset, 0.1, 0);
                case "s16" -> Scaling.apply((short) raw, f.scale(), 0);
                default -> Scaling.apply(raw, f.scale(), 0);
            };
            if (f.definition().problemWith(value) != null) {
                // The board's "last command result" says why, as if it had refused the write itself.
                board.lastResult(BoardResult.INVALID_VALUE);
                throw new Refusal(RTN_INVALID_DATA, f.definition().problemWith(value));
            }
            values.put(f.definition().key(), value);
        }
        return Answer.of(returnCode(board.writeParameters(values)));
    }

    // --- 45H ------------------------------------------------------------------------------------------------

    private Answer control(Board board, byte[] code) throws Refusal {
        if (code.length == 0) {
            throw new Refusal(RTN_FORMAT, "45H without a control code");
        }
        for (Map.Entry<ControlAction, byte[]> e : variant.control.entrySet()) {
            if (Arrays.equals(e.getValue(), code)) {
                return Answer.of(returnCode(board.control(e.getKey())));
            }
        }
        throw new Refusal(RTN_INVALID_DATA, "not a control code of " + variant.id);
    }

    // --- 51H, 93H -------------------------------------------------------------------------------------------

    private static Answer text(Board board, List<TextField> layout) {
        InfoWriter out = new InfoWriter();
        for (TextField f : layout) {
            if (f.name().equals("skip")) {
                out.zeros(Math.max(f.length(), 0));
            } else if (f.version()) {
                String[] parts = board.text(f.name()).split("\\.");
                for (int i = 0; i < f.length(); i++) {
                    out.u8(i < parts.length ? number(parts[i]) : 0);
                }
            } else {
                String text = board.text(f.name());
                // A field to the end takes what room INFO has left.
                out.text(f.length() < 0 ? text.substring(0, Math.min(text.length(), MAX_INFO_BYTES - out.size()))
                        : text, f.length());
            }
        }
        return Answer.ok(out);
    }

    /** The digits of one part of a version text ("V2" is 2); 0 when it has none. */
    private static long number(String part) {
        String digits = part.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return 0;
        }
        return digits.length() > 3 ? 0xFF : Long.parseLong(digits);
    }

    // --- 4BH, 4DH -------------------------------------------------------------------------------------------

    /** The latest stored record: the host asks by pack address only. */
    private Answer history(Board board) throws Refusal {
        int count = board.historyCount();
        if (count == 0) {
            throw new Refusal(RTN_NO_DATA, "no record stored");
        }
        HistoryRecord record = board.history(count - 1);
        InfoWriter out = new InfoWriter();
        for (String token : variant.historyLayout) {
            switch (token) {
                case "dataFlag" -> out.u8(0);
                case "address" -> out.u8(board.address());
                case "clock" -> clock(out, record.time());
                case "analogGroup" -> analogGroup(out, record.values());
                default -> throw new IllegalStateException(variant.id + ": unknown history token " + token);
            }
        }
        return Answer.ok(out);
    }

    private static void clock(InfoWriter out, LocalDateTime time) {
        out.u16(time.getYear());
        out.u8(time.getMonthValue());
        out.u8(time.getDayOfMonth());
        out.u8(time.getHour());
        out.u8(time.getMinute());
        out.u8(time.getSecond());
    }
}
