package org.bmsworkbench.protocol.modbus;

import java.io.ByteArrayOutputStream;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.DeviceError;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.Scaling;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.modbus.RegisterMap.BitDef;
import org.bmsworkbench.protocol.modbus.RegisterMap.Block;
import org.bmsworkbench.protocol.modbus.RegisterMap.Field;

/**
 * Modbus RTU driven by a register map file: the framing, CRC, exception replies and function codes 01, 02,
 * 03, 04, 05, 06, 0F and 10 are shared; what registers mean comes from {@code maps/<id>.map}. Snapshots carry
 * the epoch as their time: the caller stamps the time the reply arrived.
 */
public class ModbusProtocol implements BmsProtocol {

    /** Most registers one FC 10 may write (Modbus Application Protocol V1.1b3, 6.12). */
    public static final int MAX_WRITE_REGISTERS = 123;
    /** Most bits one FC 01 or 02 may read. */
    public static final int MAX_READ_BITS = 2000;
    /** Most bits one FC 0F may write. */
    public static final int MAX_WRITE_BITS = 1968;

    private final RegisterMap map;
    private final Set<Command> commands;
    private final Optional<org.bmsworkbench.protocol.setup.DeviceSetup> setup;

    protected ModbusProtocol(String mapId) {
        this.map = RegisterMap.load(mapId);
        EnumSet<Command> supported = EnumSet.of(Command.RAW);
        supported.addAll(map.commands.keySet());
        boolean writableParameters = false;
        boolean clock = false;
        boolean control = false;
        for (Block b : map.blocks.values()) {
            for (Field f : b.fields()) {
                writableParameters |= f.target.startsWith("param.") && f.writable();
                clock |= f.target.startsWith("clock.") && f.writable();
                control |= f.target.startsWith("control.");
            }
        }
        if (writableParameters) {
            supported.add(Command.SET_PARAMETERS);
        }
        if (clock) {
            supported.add(Command.SET_CLOCK);
        }
        if (control) {
            supported.add(Command.CONTROL);
        }
        this.commands = Set.copyOf(supported);
        this.setup = ModbusSetup.of(this, map);
    }

    @Override
    public String id() {
        return map.id;
    }

    @Override
    public String displayName() {
        return map.name;
    }

    @Override
    public FrameNotation notation() {
        return FrameNotation.HEX;
    }

    @Override
    public Set<Command> commands() {
        return commands;
    }

    @Override
    public int minAddress() {
        return map.minAddress;
    }

    @Override
    public int maxAddress() {
        return map.maxAddress;
    }

    /** 3.5 characters of 11 bits (Modbus over serial line V1.02, 2.5.1.1). */
    @Override
    public int interFrameGapBits() {
        return 39;
    }

    @Override
    public int replyTimeoutMillis() {
        return map.timeoutMillis;
    }

    @Override
    public List<ParameterDefinition> parameterDefinitions() {
        return map.parameters;
    }

    @Override
    public List<org.bmsworkbench.model.ParameterRelation> parameterRelations() {
        return map.relations;
    }

    /** The board side of the same map; a new codec each call, since it keeps per-address state of its bus. */
    @Override
    public Optional<DeviceCodec> deviceCodec() {
        return Optional.of(new ModbusDeviceCodec(map));
    }

    // --- requests ------------------------------------------------------------------------------------------

    @Override
    public Optional<org.bmsworkbench.protocol.setup.DeviceSetup> setup() {
        return setup;
    }

    @Override
    public List<Request> requests(Command command, int address) throws ProtocolException {
        List<Block> blocks = map.commands.get(command);
        if (blocks == null) {
            throw new ProtocolException(Kind.UNSUPPORTED, map.name + " has no " + command.key() + " command");
        }
        checkAddress(address);
        List<Request> result = new ArrayList<>();
        for (Block b : blocks) {
            int step = b.holdsBits() ? Math.min(MAX_READ_BITS, map.maxRead * 16) : map.maxRead;
            for (int start = b.start(); start < b.end(); start += step) {
                result.add(read(command, address, b.function(), start, Math.min(step, b.end() - start)));
            }
        }
        return result;
    }

    /**
     * A read of {@code count} registers or bits; the quantity is checked against the Modbus limits.
     */
    public ModbusRequest read(Command command, int address, int function, int start, int count)
            throws ProtocolException {
        if (function < 1 || function > 4) {
            throw new ProtocolException(Kind.UNSUPPORTED, "function " + function + " is not a read");
        }
        int limit = function <= 2 ? MAX_READ_BITS : 125;
        if (count < 1 || count > limit || start < 0 || start + count > 0x10000) {
            throw new ProtocolException(Kind.UNSUPPORTED, String.format(
                    "a read of %d from 0x%04X is outside the Modbus limits (1..%d)", count, start, limit));
        }
        return request(command, address, function, start, count, new byte[] {
            (byte) (start >> 8), (byte) start, (byte) (count >> 8), (byte) count });
    }

    @Override
    public List<Request> writeParameters(int address, ParameterSet parameters) throws ProtocolException {
        checkAddress(address);
        Map<Integer, Integer> registers = new HashMap<>();
        for (Field f : map.fields(3)) {
            if (f.parameter == null || !f.writable() || !parameters.hasValue(f.parameter.key())) {
                continue;
            }
            double value = parameters.value(f.parameter.key());
            String problem = f.parameter.problemWith(value);
            if (problem != null) {
                throw new ProtocolException(Kind.UNSUPPORTED, problem);
            }
            long raw = f.parameter.isChoice() ? Math.round(value) : Math.round((value - f.offset()) / f.scale());
            putRaw(registers, f, raw, f.parameter.label());
        }
        if (registers.isEmpty()) {
            throw new ProtocolException(Kind.UNSUPPORTED, "no writable parameter has a value");
        }
        return writeRuns(Command.SET_PARAMETERS, address, registers);
    }

    @Override
    public List<Request> setClock(int address, LocalDateTime time) throws ProtocolException {
        checkAddress(address);
        if (time.getYear() < 2000 || time.getYear() > 2099) {
            throw new ProtocolException(Kind.UNSUPPORTED, "the clock takes years 2000 to 2099, not " + time.getYear());
        }
        Map<Integer, Integer> registers = new HashMap<>();
        for (Field f : map.fields(3)) {
            if (f.target.startsWith("clock.") && f.writable()) {
                int v = switch (f.target.substring(6)) {
                    case "year" -> time.getYear();
                    case "month" -> time.getMonthValue();
                    case "day" -> time.getDayOfMonth();
                    case "hour" -> time.getHour();
                    case "minute" -> time.getMinute();
                    default -> time.getSecond();
                };
                putRaw(registers, f, v, f.target);
            }
        }
        if (registers.size() < 6) {
            throw new ProtocolException(Kind.UNSUPPORTED, map.name + " has no writable clock");
        }
        return writeRuns(Command.SET_CLOCK, address, registers);
    }

    @Override
    public List<Request> control(int address, ControlAction action) throws ProtocolException {
        checkAddress(address);
        String name = action.name();
        for (Block b : map.blocks.values()) {
            for (Field f : b.fields()) {
                if (!f.target.startsWith("control.")) {
                    continue;
                }
                if (b.function() == 1 && (name.equals(f.options.get("on")) || name.equals(f.options.get("off")))) {
                    boolean on = name.equals(f.options.get("on"));
                    return List.of(request(Command.CONTROL, address, 5, f.address, 1, new byte[] {
                        (byte) (f.address >> 8), (byte) f.address, (byte) (on ? 0xFF : 0), 0 }));
                }
                if (b.function() == 3 && name.equals(f.options.get("action"))) {
                    int value = Integer.decode(f.options.get("value"));
                    return List.of(request(Command.CONTROL, address, 6, f.address, 1, new byte[] {
                        (byte) (f.address >> 8), (byte) f.address, (byte) (value >> 8), (byte) value }));
                }
            }
        }
        throw new ProtocolException(Kind.UNSUPPORTED, map.name + " has no control for " + action);
    }

    /**
     * Writes raw register values from {@code start}: every register must belong to a writable field of the
     * map, and a parameter's value must lie within its range. Used for calibration, record selection and
     * firmware transfer, whose sequences are described with the map.
     */
    public List<Request> writeRegisters(Command command, int address, int start, int[] values)
            throws ProtocolException {
        checkAddress(address);
        Map<Integer, Integer> registers = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            int register = start + i;
            Field f = holdingField(register);
            if (f == null || !f.writable()) {
                throw new ProtocolException(Kind.UNSUPPORTED,
                        String.format("register 0x%04X is not writable in %s", register, map.id));
            }
            if (values[i] < 0 || values[i] > 0xFFFF) {
                throw new ProtocolException(Kind.UNSUPPORTED, "register value " + values[i] + " is not 16 bits");
            }
            registers.put(register, values[i]);
        }
        for (Field f : map.fields(3)) {
            if (f.parameter != null && registers.containsKey(f.address)) {
                long raw = 0;
                for (int r = 0; r < f.width(); r++) {
                    Integer v = registers.get(f.address + r);
                    if (v == null) {
                        throw new ProtocolException(Kind.UNSUPPORTED, f.parameter.label() + " is written in part");
                    }
                    raw = (raw << 16) | v;
                }
                if (f.signed()) {
                    raw = f.width() == 1 ? (short) raw : (int) raw;
                }
                double value = f.parameter.isChoice() ? raw : raw * f.scale() + f.offset();
                String problem = f.parameter.problemWith(value);
                if (problem != null) {
                    throw new ProtocolException(Kind.UNSUPPORTED, problem);
                }
            }
        }
        return writeRuns(command, address, registers);
    }

    /**
     * Writes one register with FC 06, with the checks of {@link #writeRegisters}: a command register, a selection
     * or a counter that the documents write alone.
     */
    public Request writeRegister(Command command, int address, int register, int value) throws ProtocolException {
        writeRegisters(command, address, register, new int[] { value });
        return request(command, address, 6, register, 1, new byte[] {
            (byte) (register >> 8), (byte) register, (byte) (value >> 8), (byte) value });
    }

    /**
     * Sets or clears coils from {@code start} with one FC 0F: every coil must be a writable field of the map.
     * Used to switch several control-test outputs in one transaction.
     */
    public Request writeCoils(Command command, int address, int start, boolean[] values) throws ProtocolException {
        checkAddress(address);
        if (values.length < 1 || values.length > MAX_WRITE_BITS) {
            throw new ProtocolException(Kind.UNSUPPORTED, "a coil write takes 1.." + MAX_WRITE_BITS + " coils");
        }
        for (int i = 0; i < values.length; i++) {
            int coil = start + i;
            boolean writable = map.fields(1).stream()
                    .anyMatch(f -> f.writable() && coil >= f.address && coil < f.end());
            if (!writable) {
                throw new ProtocolException(Kind.UNSUPPORTED,
                        String.format("coil 0x%04X is not writable in %s", coil, map.id));
            }
        }
        int bytes = (values.length + 7) / 8;
        byte[] data = new byte[5 + bytes];
        data[0] = (byte) (start >> 8);
        data[1] = (byte) start;
        data[2] = (byte) (values.length >> 8);
        data[3] = (byte) values.length;
        data[4] = (byte) bytes;
        for (int i = 0; i < values.length; i++) {
            if (values[i]) {
                data[5 + i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return request(command, address, 15, start, values.length, data);
    }

    private Field holdingField(int register) {
        for (Field f : map.fields(3)) {
            if (register >= f.address && register < f.end()) {
                return f;
            }
        }
        return null;
    }

    private static void putRaw(Map<Integer, Integer> registers, Field f, long raw, String what)
            throws ProtocolException {
        int bits = f.width() * 16;
        long min = f.signed() ? -(1L << (bits - 1)) : 0;
        long max = f.signed() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        if (raw < min || raw > max) {
            throw new ProtocolException(Kind.UNSUPPORTED, what + ": " + raw + " does not fit " + f.type);
        }
        for (int r = f.width() - 1; r >= 0; r--) {
            registers.put(f.address + r, (int) (raw & 0xFFFF));
            raw >>= 16;
        }
    }

    /** FC 10 writes of contiguous runs, at most 123 registers each. */
    private List<Request> writeRuns(Command command, int address, Map<Integer, Integer> registers) {
        List<Integer> sorted = new ArrayList<>(registers.keySet());
        sorted.sort(Comparator.naturalOrder());
        List<Request> result = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int start = sorted.get(i);
            int n = 1;
            while (i + n < sorted.size() && sorted.get(i + n) == start + n && n < MAX_WRITE_REGISTERS) {
                n++;
            }
            ByteArrayOutputStream pdu = new ByteArrayOutputStream();
            pdu.write(start >> 8);
            pdu.write(start);
            pdu.write(n >> 8);
            pdu.write(n);
            pdu.write(n * 2);
            for (int k = 0; k < n; k++) {
                int v = registers.get(start + k);
                pdu.write(v >> 8);
                pdu.write(v);
            }
            result.add(request(command, address, 16, start, n, pdu.toByteArray()));
            i += n;
        }
        return result;
    }

    private void checkAddress(int address) throws ProtocolException {
        if (address < map.minAddress || address > map.maxAddress) {
            throw new ProtocolException(Kind.UNSUPPORTED,
                    "address " + address + " is outside " + map.minAddress + ".." + map.maxAddress);
        }
    }

    private static ModbusRequest request(Command command, int address, int function, int start, int count,
            byte[] data) {
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) address;
        body[1] = (byte) function;
        System.arraycopy(data, 0, body, 2, data.length);
        return new ModbusRequest(command, address, function, start, count, Crc16.append(body));
    }

    @Override
    public boolean changesDevice(byte[] frame) {
        // the function code says it, whatever register range a map gives it; reads of unmapped registers are reads
        if (frame.length < 4 || !Crc16.matches(frame, 0, frame.length)) {
            return true;
        }
        int function = frame[1] & 0xFF;
        if (function == 1 || function == 2 || function == 3 || function == 4) {
            return false;
        }
        // selecting a stored record only loads the record window: it changes nothing the board keeps (section 9.7)
        return !selectsRecordOnly(frame, function);
    }

    /** Whether a write frame touches nothing but the record window's selection ({@code record.select/index}). */
    private boolean selectsRecordOnly(byte[] frame, int function) {
        if (function != 6 && function != 16 || frame.length < 8) {
            return false;
        }
        int start = u16(frame, 2);
        int quantity = function == 6 ? 1 : u16(frame, 4);
        if (function == 16 && (frame.length < 9 || frame.length != 9 + (frame[6] & 0xFF) || quantity < 1)) {
            return false;
        }
        for (int register = start; register < start + quantity; register++) {
            Field f = holdingField(register);
            if (f == null || !f.target.equals(RECORD_SELECT) && !f.target.equals(RECORD_INDEX)) {
                return false;
            }
        }
        return true;
    }

    /** Map targets of the record window's selection (section 8.9). */
    private static final String RECORD_SELECT = "record.select";
    private static final String RECORD_INDEX = "record.index";

    /** The kind values written to {@code record.select}: the kind in the high byte. */
    private static final int SELECT_HISTORY = 0x0100;
    private static final int SELECT_ALARMS = 0x0200;

    @Override
    public List<Request> selectRecord(Command kind, int address, long index) throws ProtocolException {
        if (kind != Command.HISTORY && kind != Command.ALARM_RECORDS || !commands.contains(kind)) {
            throw new ProtocolException(Kind.UNSUPPORTED, map.name + " has no record window for " + kind.key());
        }
        Field select = null;
        Field indexField = null;
        for (Field f : map.fields(3)) {
            if (f.target.equals(RECORD_SELECT) && f.writable()) {
                select = f;
            } else if (f.target.equals(RECORD_INDEX) && f.writable()) {
                indexField = f;
            }
        }
        if (select == null || indexField == null || indexField.width() != 2 || indexField.address != select.end()) {
            throw new ProtocolException(Kind.UNSUPPORTED, map.name + " has no record selection");
        }
        if (index > 0xFFFFFFFFL || index < -2) {
            throw new ProtocolException(Kind.UNSUPPORTED, "record index " + index + " is outside 0..4294967295");
        }
        int kindValue = kind == Command.HISTORY ? SELECT_HISTORY : SELECT_ALARMS;
        if (index == SELECT_KIND_ONLY) {
            return writeRegisters(kind, address, select.address, new int[] { kindValue });
        }
        if (index < 0) {
            throw new ProtocolException(Kind.UNSUPPORTED, "record index " + index + " is negative");
        }
        int high = (int) (index >>> 16);
        int low = (int) (index & 0xFFFF);
        return writeRegisters(kind, address, select.address, new int[] { kindValue, high, low });
    }

    @Override
    public List<Request> nextRecord(Command kind, int address, long index) throws ProtocolException {
        selectRecord(kind, address, index); // checks the kind, the map and the index
        if (index < 0) {
            throw new ProtocolException(Kind.UNSUPPORTED, "record index " + index + " is negative");
        }
        Field indexField = map.fields(3).stream().filter(f -> f.target.equals(RECORD_INDEX)).findFirst().orElseThrow();
        return writeRegisters(kind, address, indexField.address,
                new int[] { (int) (index >>> 16), (int) (index & 0xFFFF) });
    }

    @Override
    public Request parseRequest(byte[] frame) throws ProtocolException {
        if (frame.length < 4 || !Crc16.matches(frame, 0, frame.length)) {
            throw new ProtocolException(Kind.BAD_CHECKSUM, frame.length < 4 ? "a frame has at least 4 bytes"
                    : String.format("the CRC %s does not match the frame", crcText(frame)));
        }
        int address = frame[0] & 0xFF;
        int function = frame[1] & 0xFF;
        int start = frame.length >= 4 + 2 ? u16(frame, 2) : 0;
        switch (function) {
            case 1, 2, 3, 4, 5, 6 -> {
                if (frame.length != 8) {
                    throw new ProtocolException(Kind.BAD_FORMAT,
                            "a function " + function + " request has 8 bytes, not " + frame.length);
                }
                int quantity = function <= 4 ? u16(frame, 4) : 1;
                return new ModbusRequest(function <= 4 ? commandFor(function, start, quantity) : Command.RAW,
                        address, function, start, quantity, frame);
            }
            case 15, 16 -> {
                if (frame.length < 9 || frame.length != 9 + (frame[6] & 0xFF)) {
                    throw new ProtocolException(Kind.BAD_FORMAT, "the byte count of a function " + function
                            + " request does not match its length");
                }
                int quantity = u16(frame, 4);
                int bytes = function == 15 ? (quantity + 7) / 8 : quantity * 2;
                if ((frame[6] & 0xFF) != bytes) {
                    throw new ProtocolException(Kind.BAD_FORMAT, "a function " + function + " request of " + quantity
                            + (function == 15 ? " bits" : " registers") + " carries " + bytes + " bytes, not "
                            + (frame[6] & 0xFF));
                }
                return new ModbusRequest(Command.RAW, address, function, start, quantity, frame);
            }
            default -> throw new ProtocolException(Kind.UNSUPPORTED,
                    String.format("function %02X is not one of 01 02 03 04 05 06 0F 10", function));
        }
    }

    /** The command whose blocks contain a read, or RAW. */
    private Command commandFor(int function, int start, int count) {
        for (Map.Entry<Command, List<Block>> e : map.commands.entrySet()) {
            for (Block b : e.getValue()) {
                if (b.function() == function && start >= b.start() && start + count <= b.end()) {
                    return e.getKey();
                }
            }
        }
        return Command.RAW;
    }

    /** The detail of a record-window reply whose record does not decode, with why. */
    public static final String RECORD_DAMAGED = "record.damaged";

    /** The exceptions after which the native map's result register says why (docs: sections 4 and 9.1). */
    private static final Set<Integer> EXPLAINED_EXCEPTIONS = Set.of(0x03, 0x04, 0x06);

    /** The target of the field that holds the board's last command result. */
    private static final String RESULT_FIELD = "raw.commandResult";

    @Override
    public Optional<Request> refusalReasonRequest(int address, DeviceError error) {
        if (map.results.isEmpty() || !EXPLAINED_EXCEPTIONS.contains(error.code())) {
            return Optional.empty();
        }
        for (RegisterMap.Field f : map.fields(4)) {
            if (RESULT_FIELD.equals(f.target)) {
                try {
                    return Optional.of(read(Command.RAW, address, 4, f.address, f.width()));
                } catch (ProtocolException e) {
                    // An address outside the map's range cannot have been refused either; nothing to explain.
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public DeviceError explain(DeviceError error, Reply reason) {
        if (reason == null || reason.isError() || !(reason.details().get(RESULT_FIELD) instanceof Number n)) {
            return error;
        }
        String meaning = map.results.get(n.intValue());
        return meaning == null ? error : new DeviceError(error.code(), meaning);
    }

    @Override
    public FrameDecoder decoder(Request pending) {
        return new RtuFrameDecoder(asModbus(pending));
    }

    private static ModbusRequest asModbus(Request request) {
        return Request.own(request, ModbusRequest.class);
    }

    // --- replies -------------------------------------------------------------------------------------------

    @Override
    public Reply decode(Request request, byte[] frame) throws ProtocolException {
        ModbusRequest r = asModbus(request);
        if (frame.length < 5) {
            throw new ProtocolException(Kind.BAD_FORMAT, "a reply has at least 5 bytes, this one " + frame.length);
        }
        if (!Crc16.matches(frame, 0, frame.length)) {
            throw new ProtocolException(Kind.BAD_CHECKSUM, String.format("the CRC %s does not match the frame",
                    crcText(frame)));
        }
        int address = frame[0] & 0xFF;
        int function = frame[1] & 0xFF;
        if (address != r.address()) {
            throw new ProtocolException(Kind.WRONG_ADDRESS,
                    "the reply is from address " + address + ", " + r.address() + " was asked");
        }
        Reply.Builder reply = Reply.builder(r.command());
        if (function == (r.function() | 0x80)) {
            if (frame.length != 5) {
                throw new ProtocolException(Kind.BAD_FORMAT, "an exception reply has 5 bytes, not " + frame.length);
            }
            int code = frame[2] & 0xFF;
            return reply.error(new DeviceError(code, ModbusExceptions.meaning(code))).build();
        }
        if (function != r.function()) {
            throw new ProtocolException(Kind.UNEXPECTED_REPLY,
                    String.format("function %02X answers a function %02X request", function, r.function()));
        }
        if (!r.isRead()) {
            byte[] sent = r.frame();
            if (frame.length != 8 || u16(frame, 2) != u16(sent, 2) || u16(frame, 4) != u16(sent, 4)) {
                throw new ProtocolException(Kind.BAD_PAYLOAD, "the write acknowledgement does not repeat the request");
            }
            return reply.detail("acknowledged", Boolean.TRUE).build();
        }
        int byteCount = frame[2] & 0xFF;
        if (byteCount != r.expectedByteCount() || frame.length != 5 + byteCount) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "the reply carries " + byteCount + " data bytes, "
                    + r.expectedByteCount() + " expected for " + r.description());
        }
        new ReadDecoder(map, r, frame, reply).decode();
        return reply.build();
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static String crcText(byte[] frame) {
        int crc = Crc16.of(frame, 0, frame.length - 2);
        return String.format("%02X %02X (%02X %02X expected)", frame[frame.length - 2] & 0xFF,
                frame[frame.length - 1] & 0xFF, crc & 0xFF, crc >>> 8);
    }

    /** Turns the data of one read into model values, field by field. */
    private static final class ReadDecoder {
        private final RegisterMap map;
        private final ModbusRequest request;
        private final byte[] frame;
        private final Reply.Builder reply;
        private final PackSnapshot.Builder pack;
        private boolean packTouched;
        private int cellCount = -1;
        private int tempCount = -1;
        private boolean cellsRead;
        private boolean tempsRead;
        private ParameterSet parameters;
        private final Map<String, Integer> clock = new HashMap<>();
        private final Map<String, Double> record = new LinkedHashMap<>();
        private final Map<String, Object> raw = new LinkedHashMap<>();

        ReadDecoder(RegisterMap map, ModbusRequest request, byte[] frame, Reply.Builder reply) {
            this.map = map;
            this.request = request;
            this.frame = frame;
            this.reply = reply;
            this.pack = PackSnapshot.builder(request.address());
        }

        private boolean covers(int address) {
            return address >= request.start() && address < request.start() + request.count();
        }

        private int register(int address) {
            int at = 3 + 2 * (address - request.start());
            return ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF);
        }

        private boolean bitAt(int address) {
            int i = address - request.start();
            return (frame[3 + i / 8] & (1 << (i % 8))) != 0;
        }

        /** The raw value of element {@code i} of a numeric field, sign-extended. */
        private long value(Field f, int i) {
            int at = f.address + i * f.width();
            long v = 0;
            for (int r = 0; r < f.width(); r++) {
                v = (v << 16) | register(at + r);
            }
            if (f.signed()) {
                v = f.width() == 1 ? (short) v : (int) v;
            }
            return v;
        }

        private boolean elementCovered(Field f, int i) {
            int at = f.address + i * f.width();
            return covers(at) && covers(at + f.width() - 1);
        }

        void decode() throws ProtocolException {
            for (Block b : map.blocks.values()) {
                if (b.function() != request.function()) {
                    continue;
                }
                for (Field f : b.fields()) {
                    if (f.type.equals("bit")) {
                        for (int i = 0; i < f.count; i++) {
                            if (covers(f.address + i)) {
                                bit(f, i, bitAt(f.address + i));
                            }
                        }
                    } else {
                        field(f);
                    }
                }
            }
            finish();
        }

        private void bit(Field f, int i, boolean on) {
            if (f.target.startsWith("flag.")) {
                raise(PackFlag.valueOf(f.target.substring(5)), on);
            } else if (f.target.startsWith("cellFlags.") || f.target.equals("balance")) {
                if (on) {
                    set(f.target, i);
                } else if (f.target.startsWith("cellFlags.")) {
                    raise(PackFlag.valueOf(f.target.substring(10)), false);
                }
            } else {
                raw.put(f.count > 1 ? f.target + "[" + i + "]" : f.target, on);
            }
        }

        /** Several bits may raise one flag: a clear bit only marks the flag's group as reported. */
        private void raise(PackFlag flag, boolean on) {
            if (on) {
                pack.flag(flag, true);
            } else {
                pack.reported(flag.category());
            }
            packTouched = true;
        }

        private void set(String target, int cell) {
            if (target.equals("balance")) {
                pack.balancing(cell, true);
                pack.flag(PackFlag.BALANCING, true);
            } else {
                pack.flag(PackFlag.valueOf(target.substring(10)), true);
            }
            packTouched = true;
        }

        private void field(Field f) throws ProtocolException {
            String t = f.target;
            if (t.equals("cells") || t.equals("temps")) {
                boolean cells = t.equals("cells");
                List<Long> absent = f.absent();
                for (int i = 0; i < f.count; i++) {
                    if (elementCovered(f, i)) {
                        long v = value(f, i);
                        double x = absent.contains(v) || absent.contains(v & 0xFFFF) ? Double.NaN
                                : Scaling.apply(v, f.scale(), f.offset());
                        if (cells) {
                            pack.cellVoltage(i, x);
                            cellsRead = true;
                        } else {
                            pack.temperature(i, x);
                            tempsRead = true;
                        }
                        packTouched = true;
                    }
                }
                return;
            }
            if (t.equals("balance") || t.startsWith("cellFlags.") || t.equals("flags")) {
                for (int r = 0; r < f.span(); r++) {
                    if (!covers(f.address + r)) {
                        continue;
                    }
                    int word = register(f.address + r);
                    if (t.equals("flags")) {
                        flagBits(f, word);
                    } else {
                        for (int bit = 0; bit < 16 && r * 16 + bit < f.count; bit++) {
                            if ((word & (1 << bit)) != 0) {
                                set(t, r * 16 + bit);
                            }
                        }
                        if (t.startsWith("cellFlags.")) {
                            pack.reported(PackFlag.valueOf(t.substring(10)).category());
                        }
                        packTouched = true;
                    }
                }
                return;
            }
            if (!elementCovered(f, 0) || !elementCovered(f, f.count - 1)) {
                return;
            }
            if (f.type.startsWith("str")) {
                text(f);
                return;
            }
            long v = value(f, 0);
            boolean isAbsent = f.absent().contains(v) || f.absent().contains(v & 0xFFFF);
            double x = Scaling.apply(v, f.scale(), f.offset());
            String rest = t.contains(".") ? t.substring(t.indexOf('.') + 1) : "";
            switch (t.contains(".") ? t.substring(0, t.indexOf('.')) : t) {
                case "q" -> {
                    pack.set(Quantity.byKey(rest), isAbsent ? Double.NaN : x);
                    packTouched = true;
                }
                case "temp" -> {
                    pack.temperature(Integer.parseInt(rest) - 1, isAbsent ? Double.NaN : x);
                    tempsRead = true;
                    packTouched = true;
                }
                case "cellCount" -> cellCount = (int) Math.min(PackSnapshot.MAX_CELLS, Math.max(0, v));
                case "tempCount" -> tempCount = (int) Math.min(PackSnapshot.MAX_TEMPERATURES, Math.max(0, v));
                case "param" -> {
                    if (parameters == null) {
                        parameters = ParameterSet.of(map.parameters);
                    }
                    parameters = parameters.withReadValue(rest, f.parameter.isChoice() ? v : x);
                }
                case "clock" -> clock.put(rest, (int) v);
                case "record" -> record.put(rest, isAbsent ? Double.NaN : x);
                default -> raw.put(t, v);
            }
        }

        private void flagBits(Field f, int word) {
            for (BitDef bit : f.bits) {
                boolean on = (word & (1 << bit.bit())) != 0;
                if (bit.target().startsWith("flag.")) {
                    raise(PackFlag.valueOf(bit.target().substring(5)), on);
                } else {
                    raw.put(bit.target(), on);
                }
            }
        }

        private void text(Field f) {
            int chars = Integer.parseInt(f.type.substring(3));
            StringBuilder sb = new StringBuilder(chars);
            for (int i = 0; i < chars; i++) {
                int word = register(f.address + i / 2);
                int c = i % 2 == 0 ? word >> 8 : word & 0xFF;
                if (c == 0) {
                    break;
                }
                sb.append(c >= 0x20 && c < 0x7F ? (char) c : '\ufffd');
            }
            String name = f.target.substring(f.target.indexOf('.') + 1);
            String value = sb.toString().stripTrailing();
            if (f.target.startsWith("text.")) {
                reply.text(name, value);
            } else {
                raw.put(f.target, value);
            }
        }

        private void finish() throws ProtocolException {
            if (cellCount >= 0) {
                pack.cellCount(cellCount);
                packTouched = true;
            } else if (cellsRead) {
                trimTrailingAbsent(true);
            }
            if (tempCount >= 0) {
                pack.temperatureCount(tempCount);
                packTouched = true;
            } else if (tempsRead) {
                trimTrailingAbsent(false);
            }
            if (parameters != null) {
                reply.parameters(parameters);
            }
            if (clock.size() == 6) {
                try {
                    reply.clock(LocalDateTime.of(clock.get("year"), clock.get("month"), clock.get("day"),
                            clock.get("hour"), clock.get("minute"), clock.get("second")));
                } catch (DateTimeException e) {
                    throw new ProtocolException(Kind.BAD_PAYLOAD, "the clock reads " + clock + ", which is not a time");
                }
            }
            PackSnapshot snapshot = pack.build();
            if (!record.isEmpty()) {
                record(snapshot);
            } else if (packTouched) {
                reply.pack(snapshot);
            }
            raw.forEach(reply::detail);
        }

        /** Slots above the fitted count read as absent; without the count in this read, they are dropped here. */
        private void trimTrailingAbsent(boolean cells) {
            PackSnapshot s = pack.build();
            int n = cells ? s.cellCount() : s.temperatureCount();
            while (n > 0 && Double.isNaN(cells ? s.cellVoltage(n - 1) : s.temperature(n - 1))) {
                n--;
            }
            if (cells) {
                pack.cellCount(n);
            } else {
                pack.temperatureCount(n);
            }
        }

        private void record(PackSnapshot values) throws ProtocolException {
            // every field of the window as read, so that a reader can show a record that does not decode
            for (Map.Entry<String, Double> e : record.entrySet()) {
                reply.detail("record." + e.getKey(), e.getValue());
            }
            if (record.containsKey("count") && intOf("count") == 0) {
                // nothing stored: the window reads its kind, index and count, and 0 elsewhere (section 9.7)
                return;
            }
            LocalDateTime time;
            try {
                time = LocalDateTime.of(intOf("year"), intOf("month"), intOf("day"), intOf("hour"), intOf("minute"),
                        intOf("second"));
            } catch (DateTimeException e) {
                // a damaged record is reported as such, not dropped: the reader shows it marked
                reply.detail(RECORD_DAMAGED, "the record's time " + intOf("year") + "-" + intOf("month") + "-"
                        + intOf("day") + " " + intOf("hour") + ":" + intOf("minute") + ":" + intOf("second")
                        + " is not a time");
                return;
            }
            Double rawIndex = record.get("index");
            if (rawIndex != null && (rawIndex < 0 || rawIndex > Integer.MAX_VALUE)) {
                throw new ProtocolException(Kind.BAD_PAYLOAD, "record index " + rawIndex.longValue() + " is out of range");
            }
            int index = intOf("index");
            int modeCode = intOf("mode");
            OperatingMode mode = modeCode == 1 ? OperatingMode.CHARGE : modeCode == 2 ? OperatingMode.DISCHARGE
                    : modeCode == 0 ? OperatingMode.IDLE : OperatingMode.UNKNOWN;
            PackSnapshot.Builder b = values.toBuilder();
            for (Map.Entry<String, Double> e : record.entrySet()) {
                if (e.getKey().startsWith("q.")) {
                    Quantity q = Quantity.byKey(e.getKey().substring(2));
                    if (q != null) {
                        b.set(q, e.getValue());
                    }
                }
            }
            PackSnapshot snapshot = b.build();
            if (intOf("select") >> 8 == 2 || request.command() == Command.ALARM_RECORDS) {
                reply.alarm(new AlarmRecord(index, time, mode, snapshot.flags(), intOf("code"), snapshot));
            } else {
                reply.history(new HistoryRecord(index, time, mode, snapshot));
            }
        }

        private int intOf(String name) {
            Double v = record.get(name);
            return v == null || Double.isNaN(v) ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                    Math.round(v)));
        }
    }
}
