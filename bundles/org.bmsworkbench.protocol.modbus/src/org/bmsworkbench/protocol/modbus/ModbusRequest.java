package org.bmsworkbench.protocol.modbus;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Request;

/**
 * A Modbus RTU request: function code, first register or bit, and quantity. For writes, {@code count} is the
 * number of registers or bits written (1 for FC 05 and 06).
 */
public final class ModbusRequest extends Request {

    private final int function;
    private final int start;
    private final int count;

    ModbusRequest(Command command, int address, int function, int start, int count, byte[] frame) {
        super(command, address, frame, describe(function, start, count));
        this.function = function;
        this.start = start;
        this.count = count;
    }

    public int function() {
        return function;
    }

    public int start() {
        return start;
    }

    public int count() {
        return count;
    }

    public boolean isRead() {
        return function >= 1 && function <= 4;
    }

    /** Whether the reply carries bits (FC 01, 02) rather than registers. */
    public boolean readsBits() {
        return function == 1 || function == 2;
    }

    /** Data bytes a read's reply carries. */
    int expectedByteCount() {
        return readsBits() ? (count + 7) / 8 : count * 2;
    }

    @Override
    public boolean expectsReply() {
        return address() != 0 || isRead();
    }

    private static String describe(int function, int start, int count) {
        String what = switch (function) {
            case 1 -> "read coils";
            case 2 -> "read discrete inputs";
            case 3 -> "read holding registers";
            case 4 -> "read input registers";
            case 5 -> "write coil";
            case 6 -> "write register";
            case 15 -> "write coils";
            case 16 -> "write registers";
            default -> String.format("function %02X", function);
        };
        return count <= 1 ? String.format("%s 0x%04X", what, start)
                : String.format("%s 0x%04X..0x%04X", what, start, start + count - 1);
    }
}
