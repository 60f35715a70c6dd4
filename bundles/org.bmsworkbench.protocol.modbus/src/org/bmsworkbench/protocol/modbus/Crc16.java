package org.bmsworkbench.protocol.modbus;

/** CRC-16/MODBUS: polynomial 0xA001 (reflected 0x8005), initial value 0xFFFF, sent low byte first. */
public final class Crc16 {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16() {
    }

    public static int of(byte[] bytes, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
        }
        return crc;
    }

    /** Whether {@code bytes[from, to)} ends with the CRC of the bytes before it. */
    public static boolean matches(byte[] bytes, int from, int to) {
        if (to - from < 3) {
            return false;
        }
        int crc = of(bytes, from, to - 2);
        return (bytes[to - 2] & 0xFF) == (crc & 0xFF) && (bytes[to - 1] & 0xFF) == (crc >>> 8);
    }

    /** {@code body} with its CRC appended, low byte first. */
    public static byte[] append(byte[] body) {
        byte[] frame = java.util.Arrays.copyOf(body, body.length + 2);
        int crc = of(body, 0, body.length);
        frame[body.length] = (byte) crc;
        frame[body.length + 1] = (byte) (crc >>> 8);
        return frame;
    }
}
