package org.bmsworkbench.protocol.daly;

/**
 * The Daly UART/RS485 frame, shared by the host and the device side: always 13 bytes, {@code A5}, address (the host
 * sends from 0x40, the board answers from 0x01), command, {@code 08}, eight data bytes, checksum = the sum of the
 * twelve bytes before it, modulo 256.
 */
final class DalyFrames {

    static final int START = 0xA5;
    static final int HOST = 0x40;
    static final int BOARD = 0x01;
    static final int LENGTH = 13;
    static final int DATA_LENGTH = 8;

    static final int SOC = 0x90;
    static final int CELL_RANGE = 0x91;
    static final int TEMPERATURE_RANGE = 0x92;
    static final int FET_STATE = 0x93;
    static final int COUNTS = 0x94;
    static final int CELL_VOLTAGES = 0x95;
    static final int TEMPERATURES = 0x96;
    static final int BALANCE = 0x97;
    static final int FAILURES = 0x98;

    /** Cell voltages per 0x95 frame and temperatures per 0x96 frame. */
    static final int CELLS_PER_FRAME = 3;
    static final int SENSORS_PER_FRAME = 7;
    /** Temperatures are sent in °C plus 40. */
    static final int TEMPERATURE_OFFSET = 40;
    /** Current is sent in 0.1 A plus 30000. */
    static final int CURRENT_OFFSET = 30000;
    /** The frame number is one byte, but 48 cells (16 frames) is the most any Daly board announces. */
    static final int MAX_FRAMES = 16;

    private DalyFrames() {
    }

    static int checksum(byte[] b, int from) {
        int sum = 0;
        for (int i = from; i < from + LENGTH - 1; i++) {
            sum += b[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    static boolean checksumMatches(byte[] b, int from) {
        return checksum(b, from) == (b[from + LENGTH - 1] & 0xFF);
    }

    static byte[] frame(int address, int command, byte[] data) {
        byte[] f = new byte[LENGTH];
        f[0] = (byte) START;
        f[1] = (byte) address;
        f[2] = (byte) command;
        f[3] = DATA_LENGTH;
        System.arraycopy(data, 0, f, 4, Math.min(DATA_LENGTH, data.length));
        f[LENGTH - 1] = (byte) checksum(f, 0);
        return f;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }
}
