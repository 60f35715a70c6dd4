package org.bmsworkbench.protocol.modbus;

import java.util.Map;

/** Meanings of Modbus exception codes (Modbus Application Protocol V1.1b3, section 7). */
final class ModbusExceptions {

    private static final Map<Integer, String> MEANINGS = Map.of(
            0x01, "illegal function",
            0x02, "illegal data address",
            0x03, "illegal data value",
            0x04, "server device failure",
            0x05, "acknowledge",
            0x06, "server device busy",
            0x08, "memory parity error",
            0x0A, "gateway path unavailable",
            0x0B, "gateway target device failed to respond");

    private ModbusExceptions() {
    }

    static String meaning(int code) {
        return MEANINGS.getOrDefault(code, "unknown exception code");
    }
}
