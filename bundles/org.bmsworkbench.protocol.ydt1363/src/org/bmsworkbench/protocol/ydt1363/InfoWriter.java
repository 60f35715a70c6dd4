package org.bmsworkbench.protocol.ydt1363;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes big-endian fields of a reply's INFO, the inverse of {@link InfoReader}. A value beyond its field
 * saturates at the field's limit instead of wrapping (a wrapped 70 V would read as 4.5 V), and the writer
 * remembers that it happened so a caller can pick a wider layout.
 */
final class InfoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean saturated;

    int size() {
        return out.size();
    }

    /** Whether any value so far was clamped to its field. */
    boolean saturated() {
        return saturated;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    void u8(long value) {
        write(clamp(value, 0, 0xFF), 1);
    }

    void u16(long value) {
        write(clamp(value, 0, 0xFFFF), 2);
    }

    void s16(long value) {
        write(clamp(value, Short.MIN_VALUE, Short.MAX_VALUE), 2);
    }

    void u24(long value) {
        write(clamp(value, 0, 0xFFFFFF), 3);
    }

    void bytes(byte[] data) {
        out.writeBytes(data);
    }

    void zeros(int n) {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
    }

    /**
     * {@code text} as printable ASCII ('?' for anything else), cut to {@code length} bytes and padded with
     * spaces, as the packs pad their names; {@code length} -1 writes the text as long as it is.
     */
    void text(String text, int length) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        int n = length < 0 ? ascii.length : length;
        for (int i = 0; i < n; i++) {
            int c = i < ascii.length ? ascii[i] & 0xFF : ' ';
            out.write(c >= 0x20 && c < 0x7F ? c : '?');
        }
    }

    private long clamp(long value, long min, long max) {
        if (value < min || value > max) {
            saturated = true;
            return value < min ? min : max;
        }
        return value;
    }

    private void write(long value, int bytes) {
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
            out.write((int) (value >> shift) & 0xFF);
        }
    }
}
