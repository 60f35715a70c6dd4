package org.bmsworkbench.protocol.modbus;

/** Builds device replies for tests. */
final class ModbusFrames {

    private ModbusFrames() {
    }

    static byte[] readReply(int address, int function, int[] registers) {
        byte[] body = new byte[3 + 2 * registers.length];
        body[0] = (byte) address;
        body[1] = (byte) function;
        body[2] = (byte) (2 * registers.length);
        for (int i = 0; i < registers.length; i++) {
            body[3 + 2 * i] = (byte) (registers[i] >> 8);
            body[4 + 2 * i] = (byte) registers[i];
        }
        return Crc16.append(body);
    }

    static byte[] bitReply(int address, int function, byte[] bits) {
        byte[] body = new byte[3 + bits.length];
        body[0] = (byte) address;
        body[1] = (byte) function;
        body[2] = (byte) bits.length;
        System.arraycopy(bits, 0, body, 3, bits.length);
        return Crc16.append(body);
    }
}
