package org.bmsworkbench.protocol.jbd;

/**
 * The JBD UART frame, shared by the host and the device side. Request: {@code DD}, {@code A5} read or {@code 5A}
 * write, register, length, data, checksum (2), {@code 77}. Reply: {@code DD}, register, status ({@code 00} ok,
 * {@code 80} error), length, data, checksum (2), {@code 77}. The checksum is 0x10000 minus the sum of the bytes
 * from the third (register in a request, status in a reply) to the end of the data: a reply's register byte is
 * not summed.
 */
final class JbdFrames {

    static final int START = 0xDD;
    static final int END = 0x77;
    static final int READ = 0xA5;
    static final int WRITE = 0x5A;
    static final int STATUS_OK = 0x00;
    static final int STATUS_ERROR = 0x80;

    static final int REG_BASIC = 0x03;
    static final int REG_CELLS = 0x04;
    static final int REG_VERSION = 0x05;

    /** Start, two header bytes, length, checksum (2), end around the data. */
    static final int OVERHEAD = 7;
    /** The length byte allows 255 data bytes. */
    static final int MAX_FRAME = OVERHEAD + 255;

    private JbdFrames() {
    }

    /** 0x10000 − Σ bytes[from, to), as the two checksum bytes hold it. */
    static int checksum(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i] & 0xFF;
        }
        return (0x10000 - sum) & 0xFFFF;
    }

    /** Whether the whole frame at {@code pos}, {@code length} bytes long, carries a good checksum. */
    static boolean checksumMatches(byte[] bytes, int pos, int length) {
        int stored = (bytes[pos + length - 3] & 0xFF) << 8 | bytes[pos + length - 2] & 0xFF;
        return checksum(bytes, pos + 2, pos + length - 3) == stored;
    }

    /** A frame with start, {@code first} (A5/5A in a request, the register in a reply), {@code second}, data. */
    static byte[] frame(int first, int second, byte[] data) {
        byte[] f = new byte[OVERHEAD + data.length];
        f[0] = (byte) START;
        f[1] = (byte) first;
        f[2] = (byte) second;
        f[3] = (byte) data.length;
        System.arraycopy(data, 0, f, 4, data.length);
        int sum = checksum(f, 2, 4 + data.length);
        f[4 + data.length] = (byte) (sum >> 8);
        f[5 + data.length] = (byte) sum;
        f[6 + data.length] = (byte) END;
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
