package org.bmsworkbench.protocol.jbdup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bmsworkbench.protocol.modbus.Crc16;

/**
 * The JBD UP-series frame, shared by the host and the device side: address, function ({@code 78} read,
 * {@code 79} write, {@code 45} the master's poll of a slave), start (2), end (2), payload length (2), payload,
 * CRC-16/MODBUS low byte first. A read request has an empty payload; its reply repeats the header with the
 * payload length. Start and end count bytes: the reply to 0x1000..0x10A0 carries at most 160 payload bytes.
 */
final class UpFrames {

    static final int READ = 0x78;
    static final int WRITE = 0x79;
    static final int PACK_POLL = 0x45;

    /** Address, function, start, end, length. */
    static final int HEADER = 8;
    /** Header and CRC around the payload. */
    static final int OVERHEAD = HEADER + 2;
    /**
     * The most payload a frame is taken to carry: a pack status of 176 cells and 33 sensors needs 534 bytes, the
     * blocks of a real UP16S at most 160. A larger length field is line noise, not a frame.
     */
    static final int MAX_PAYLOAD = 1024;
    static final int MAX_FRAME = OVERHEAD + MAX_PAYLOAD;

    private UpFrames() {
    }

    static boolean isFunction(int function) {
        return function == READ || function == WRITE || function == PACK_POLL;
    }

    /** A frame with its CRC: the header of {@code block} at {@code address}, then {@code payload}. */
    static byte[] frame(int address, int function, int start, int end, byte[] payload) {
        byte[] body = new byte[HEADER + payload.length];
        body[0] = (byte) address;
        body[1] = (byte) function;
        put16(body, 2, start);
        put16(body, 4, end);
        put16(body, 6, payload.length);
        System.arraycopy(payload, 0, body, HEADER, payload.length);
        return Crc16.append(body);
    }

    /** The bytes a frame at {@code pos} takes, from its length field; -1 when that field exceeds {@link #MAX_PAYLOAD}. */
    static int frameLength(byte[] b, int pos) {
        int payload = u16(b, pos + 6);
        return payload > MAX_PAYLOAD ? -1 : OVERHEAD + payload;
    }

    static byte[] payload(byte[] frame) {
        return Arrays.copyOfRange(frame, HEADER, frame.length - 2);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }

    static void put32(byte[] b, int at, long value) {
        put16(b, at, (int) (value >> 16));
        put16(b, at + 2, (int) value);
    }

    /** NUL-padded ASCII: padding cut, a byte that is not printable ASCII shown as '?' so that damage stays visible. */
    static String text(byte[] b, int at, int length) {
        String s = new String(b, at, length, StandardCharsets.ISO_8859_1).replaceAll("\u0000+$", "");
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7E ? c : '?');
        }
        return out.toString().strip();
    }

    /** {@code text} as NUL-padded ASCII of {@code length} bytes (cut when longer, '?' for what is not ASCII). */
    static void putText(byte[] b, int at, int length, String text) {
        byte[] t = (text == null ? "" : text).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, at, Math.min(t.length, length));
    }
}
