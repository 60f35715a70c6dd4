package org.bmsworkbench.protocol.modbus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.BoardResult;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.device.FirmwareTarget;
import org.bmsworkbench.protocol.modbus.RegisterMap.Block;
import org.bmsworkbench.protocol.modbus.RegisterMap.Field;

/**
 * The device (slave) side of a register map: answers FC 01, 02, 03, 04, 05, 06, 0F and 10 for the boards
 * of one bus as docs/protocols/modbus-native.md specifies, whatever map it is given.
 * <p>
 * Reads come from the board field by field ({@code q.}, cells, sensors, flags, parameters, clock, texts),
 * the inverse of the host's decoding. Writes go to the board as whole frames: parameters, clock, texts, the
 * system configuration ({@code raw.fullCapacity}, {@code raw.remainingCapacity}, {@code raw.cycleCount}),
 * calibration ({@code raw.calibration*}), the record window ({@code record.select}, {@code record.index})
 * and the firmware transfer ({@code firmware.*}); other registers are read-only here. Coils with
 * {@code control.} targets carry out their {@code on=} and {@code off=} actions; a coil with only
 * {@code on=} is a trigger. The codec keeps, per address, the calibration sensor and the record window.
 * <p>
 * Address 0 is a broadcast (section 2.2): only a write of the whole clock block is carried out, on every
 * board, and nothing is answered. A map whose pack addresses include 0 (Seplos V3 answers its parallel
 * summary there) answers a board at 0 instead.
 */
public final class ModbusDeviceCodec implements DeviceCodec {

    static final int ILLEGAL_FUNCTION = 0x01;
    static final int ILLEGAL_ADDRESS = 0x02;
    static final int ILLEGAL_VALUE = 0x03;
    static final int DEVICE_FAILURE = 0x04;
    static final int DEVICE_BUSY = 0x06;

    /** Address, function, 252 data bytes and the CRC (section 2.2). */
    private static final int MAX_FRAME = 256;
    private static final int MAX_READ_REGISTERS = 125;
    private static final int FIXED_LENGTH = 8;
    private static final int MIN_FRAME = 4;

    /** A request refused with a Modbus exception code. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        final int code;

        Refusal(int code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }

        static Refusal of(BoardResult r) {
            return new Refusal(codeOf(r), "the board answered " + r);
        }

        /** The exception a board's answer is sent as (section 9.1); 0 for done. */
        static int codeOf(BoardResult r) {
            return switch (r) {
                case DONE -> 0;
                case BUSY -> DEVICE_BUSY;
                case OUT_OF_WINDOW, INVALID_VALUE -> ILLEGAL_VALUE;
                default -> DEVICE_FAILURE;
            };
        }
    }

    private final RegisterMap map;
    /** Holding register → the fields covering it (several for a register shared by control values). */
    private final Map<Integer, List<Field>> holding = new HashMap<>();
    /** Coil → its control field; other coils are read-only. */
    private final Map<Integer, Field> controlCoils = new HashMap<>();
    private final List<Field> clockFields = new ArrayList<>();
    private final int clockStart;
    private final int clockEnd;
    private final Map<Integer, DeviceState> states = new HashMap<>();

    ModbusDeviceCodec(RegisterMap map) {
        this.map = map;
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (Block b : map.blocks.values()) {
            for (Field f : b.fields()) {
                if (b.function() == 3) {
                    for (int r = f.address; r < f.end(); r++) {
                        holding.computeIfAbsent(r, k -> new ArrayList<>()).add(f);
                    }
                    if (RegisterWrite.kind(f) == RegisterWrite.Kind.CLOCK) {
                        clockFields.add(f);
                        start = Math.min(start, f.address);
                        end = Math.max(end, f.end());
                    }
                } else if (b.function() == 1 && f.target.startsWith("control.") && f.writable()) {
                    controlCoils.put(f.address, f);
                }
            }
        }
        clockStart = start;
        clockEnd = end;
    }

    // --- framing ----------------------------------------------------------------------------------------

    @Override
    public int scan(byte[] buffer, int length) {
        if (length < 2) {
            return 0;
        }
        int function = buffer[1] & 0xFF;
        int frame;
        switch (function) {
            case 1, 2, 3, 4, 5, 6 -> frame = FIXED_LENGTH;
            case 15, 16 -> {
                if (length < 7) {
                    return 0;
                }
                frame = 9 + (buffer[6] & 0xFF);
                int quantity = u16(buffer, 4);
                int bytes = function == 15 ? (quantity + 7) / 8 : 2 * quantity;
                // Waiting for the rest of a frame whose header contradicts itself would hold up the requests
                // behind it: such a start is noise. Once whole, a right CRC makes it a frame (owed exception 03).
                if (frame > MAX_FRAME || (length < frame && (buffer[6] & 0xFF) != bytes)) {
                    return -1;
                }
            }
            default -> {
                // An unknown function has no known length: the shortest run ending in a right CRC is the frame
                // (exception 01 is owed to it); with none in a full fixed-length frame's worth, it is noise.
                for (int n = MIN_FRAME; n <= Math.min(length, MAX_FRAME); n++) {
                    if (Crc16.matches(buffer, 0, n)) {
                        return n;
                    }
                }
                return length >= FIXED_LENGTH ? -1 : 0;
            }
        }
        if (length < frame) {
            return 0;
        }
        // A wrong CRC: drop one byte and look for a request starting at the next.
        return Crc16.matches(buffer, 0, frame) ? frame : -1;
    }

    @Override
    public int addressOf(byte[] request) {
        return request.length >= MIN_FRAME ? request[0] & 0xFF : -1;
    }

    /** An RTU reply is re-addressed by its first byte; the CRC is computed again. */
    @Override
    public Optional<byte[]> readdressed(byte[] reply, int address) {
        if (reply.length < 4 || address < 0 || address > 0xFF) {
            return Optional.empty();
        }
        byte[] body = java.util.Arrays.copyOf(reply, reply.length - 2);
        body[0] = (byte) address;
        return Optional.of(Crc16.append(body));
    }

    @Override
    public Optional<byte[]> answer(byte[] request, DeviceBus bus) {
        if (request.length < MIN_FRAME || !Crc16.matches(request, 0, request.length) || !lengthFits(request)) {
            return Optional.empty();
        }
        int address = request[0] & 0xFF;
        Board board = bus.board(address);
        if (address == 0 && (map.minAddress > 0 || board == null)) {
            broadcast(request, bus);
            return Optional.empty();
        }
        if (board == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(handle(board, address, request));
        } catch (Refusal r) {
            return Optional.of(Crc16.append(new byte[] { (byte) address, (byte) (request[1] | 0x80), (byte) r.code }));
        }
    }

    /** A frame whose length does not match its function is ignored (section 2.2). */
    private static boolean lengthFits(byte[] request) {
        return switch (request[1] & 0xFF) {
            case 1, 2, 3, 4, 5, 6 -> request.length == FIXED_LENGTH;
            case 15, 16 -> request.length >= 9 && request.length == 9 + (request[6] & 0xFF);
            default -> true;
        };
    }

    private void broadcast(byte[] request, DeviceBus bus) {
        boolean clockWrite = (request[1] & 0xFF) == 16 && !clockFields.isEmpty() && u16(request, 2) == clockStart
                && u16(request, 4) == clockEnd - clockStart;
        if (!clockWrite) {
            return;
        }
        for (Board b : bus.boards()) {
            try {
                handle(b, b.address(), request);
            } catch (Refusal r) {
                // A broadcast is never answered, a refusal included (section 2.2): that board keeps its clock.
                continue;
            }
        }
    }

    private byte[] handle(Board board, int address, byte[] request) throws Refusal {
        DeviceState state = states.computeIfAbsent(address, a -> new DeviceState());
        int function = request[1] & 0xFF;
        return switch (function) {
            case 1, 2 -> readBits(board, state, request);
            case 3, 4 -> readRegisters(board, state, request);
            case 5 -> writeCoil(board, state, request);
            case 6 -> {
                writeRegisters(board, state, u16(request, 2), new int[] { u16(request, 4) });
                yield request.clone();
            }
            case 15 -> writeCoils(board, state, request);
            case 16 -> writeMultiple(board, state, request);
            default -> throw new Refusal(ILLEGAL_FUNCTION, String.format("function %02X is not supported", function));
        };
    }

    // --- reads --------------------------------------------------------------------------------------------

    private byte[] readRegisters(Board board, DeviceState state, byte[] request) throws Refusal {
        int function = request[1] & 0xFF;
        int start = u16(request, 2);
        int count = u16(request, 4);
        if (count < 1 || count > MAX_READ_REGISTERS) {
            throw new Refusal(ILLEGAL_VALUE, "a read takes 1.." + MAX_READ_REGISTERS + " registers, not " + count);
        }
        checkCovered(function, start, count);
        if (function == 3 && readsRecordWindow(start, count) && erasing(board)) {
            throw new Refusal(DEVICE_BUSY, "the record window is not read during a record erase");
        }
        int[] registers = new DeviceRegisters(map, board, state).registers(function, start, count);
        byte[] body = new byte[3 + 2 * count];
        body[0] = request[0];
        body[1] = (byte) function;
        body[2] = (byte) (2 * count);
        for (int i = 0; i < count; i++) {
            body[3 + 2 * i] = (byte) (registers[i] >> 8);
            body[4 + 2 * i] = (byte) registers[i];
        }
        return Crc16.append(body);
    }

    private byte[] readBits(Board board, DeviceState state, byte[] request) throws Refusal {
        int function = request[1] & 0xFF;
        int start = u16(request, 2);
        int count = u16(request, 4);
        if (count < 1 || count > ModbusProtocol.MAX_READ_BITS) {
            throw new Refusal(ILLEGAL_VALUE, "a read takes 1.." + ModbusProtocol.MAX_READ_BITS + " bits, not " + count);
        }
        checkCovered(function, start, count);
        boolean[] bits = new DeviceRegisters(map, board, state).bits(function, start, count);
        byte[] body = new byte[3 + (count + 7) / 8];
        body[0] = request[0];
        body[1] = (byte) function;
        body[2] = (byte) ((count + 7) / 8);
        for (int i = 0; i < count; i++) {
            if (bits[i]) {
                body[3 + i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return Crc16.append(body);
    }

    /** Every address of a read lies in a block of its function (section 3, read rules). */
    private void checkCovered(int function, int start, int count) throws Refusal {
        int at = start;
        while (at < start + count) {
            Block block = null;
            for (Block b : map.blocks.values()) {
                if (b.function() == function && at >= b.start() && at < b.end()) {
                    block = b;
                }
            }
            if (block == null) {
                throw new Refusal(ILLEGAL_ADDRESS, String.format("address 0x%04X is outside every block of function %02X",
                        at, function));
            }
            at = block.end();
        }
    }

    private boolean readsRecordWindow(int start, int count) {
        for (Block b : map.blocks.values()) {
            if (b.function() == 3 && b.start() < start + count && start < b.end() && DeviceRegisters.isRecordWindow(b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean erasing(Board board) {
        return board.controlState(ControlAction.DELETE_HISTORY) || board.controlState(ControlAction.DELETE_ALARMS);
    }

    /** A long operation runs: a record erase, a restore, or the firmware erase or check (section 4, code 06). */
    private static boolean busy(Board board) {
        int firmware = board.firmware().status();
        return board.busy() || firmware == FirmwareTarget.STATUS_ERASING || firmware == FirmwareTarget.STATUS_CHECKING;
    }

    // --- register writes --------------------------------------------------------------------------------

    private byte[] writeMultiple(Board board, DeviceState state, byte[] request) throws Refusal {
        int count = u16(request, 4);
        if (count < 1 || count > ModbusProtocol.MAX_WRITE_REGISTERS || (request[6] & 0xFF) != 2 * count) {
            throw new Refusal(ILLEGAL_VALUE, "a write takes 1.." + ModbusProtocol.MAX_WRITE_REGISTERS
                    + " registers with a byte count of twice that");
        }
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = u16(request, 7 + 2 * i);
        }
        writeRegisters(board, state, u16(request, 2), values);
        return Crc16.append(Arrays.copyOf(request, 6));
    }

    private void writeRegisters(Board board, DeviceState state, int start, int[] values) throws Refusal {
        RegisterWrite write = new RegisterWrite(holding, clockFields, board, state, start, values);
        write.checkAddresses();
        if (busy(board) && !write.isAbort()) {
            throw new Refusal(DEVICE_BUSY, "a long operation is running");
        }
        write.checkValues();
        write.apply();
    }

    // --- coil writes ----------------------------------------------------------------------------------------

    private byte[] writeCoil(Board board, DeviceState state, byte[] request) throws Refusal {
        int coil = u16(request, 2);
        int value = u16(request, 4);
        Field f = controlCoils.get(coil);
        if (f == null) {
            throw new Refusal(ILLEGAL_ADDRESS, String.format("coil 0x%04X cannot be written", coil));
        }
        if (busy(board)) {
            throw new Refusal(DEVICE_BUSY, "a long operation is running");
        }
        if (value != 0xFF00 && value != 0) {
            throw new Refusal(ILLEGAL_VALUE, String.format("a coil takes FF00 or 0000, not %04X", value));
        }
        act(board, state, f, value == 0xFF00);
        return request.clone();
    }

    private byte[] writeCoils(Board board, DeviceState state, byte[] request) throws Refusal {
        int start = u16(request, 2);
        int count = u16(request, 4);
        if (count < 1 || count > ModbusProtocol.MAX_WRITE_BITS || (request[6] & 0xFF) != (count + 7) / 8) {
            throw new Refusal(ILLEGAL_VALUE, "a coil write takes 1.." + ModbusProtocol.MAX_WRITE_BITS
                    + " coils with a byte count to match");
        }
        Field[] fields = new Field[count];
        for (int i = 0; i < count; i++) {
            fields[i] = controlCoils.get(start + i);
            if (fields[i] == null) {
                throw new Refusal(ILLEGAL_ADDRESS, String.format("coil 0x%04X cannot be written", start + i));
            }
        }
        if (busy(board)) {
            throw new Refusal(DEVICE_BUSY, "a long operation is running");
        }
        boolean[] on = new boolean[count];
        int triggers = 0;
        for (int i = 0; i < count; i++) {
            on[i] = (request[7 + i / 8] & (1 << (i % 8))) != 0;
            if (on[i] && isTrigger(fields[i])) {
                triggers++;
            }
        }
        if (triggers > 1) {
            throw new Refusal(ILLEGAL_VALUE, "at most one trigger coil may be set in one frame");
        }
        // Ascending order; a refusal stops the frame, and the coils before it stay applied (section 3).
        for (int i = 0; i < count; i++) {
            act(board, state, fields[i], on[i]);
        }
        return Crc16.append(Arrays.copyOf(request, 6));
    }

    /** A coil that only starts something (hibernate, erase, restore): writing 0 to it does nothing. */
    private static boolean isTrigger(Field f) {
        return f.options.containsKey("on") && !f.options.containsKey("off");
    }

    private static void act(Board board, DeviceState state, Field f, boolean on) throws Refusal {
        String name = f.options.get(on ? "on" : "off");
        if (name == null) {
            return;
        }
        ControlAction action = ControlAction.valueOf(name);
        BoardResult r = board.control(action);
        if (!r.ok()) {
            throw Refusal.of(r);
        }
        if (action == ControlAction.DELETE_HISTORY) {
            state.erased(DeviceState.KIND_HISTORY);
        } else if (action == ControlAction.DELETE_ALARMS) {
            state.erased(DeviceState.KIND_ALARM);
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
