package org.bmsworkbench.protocol.ydt1363;


import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;

/** Reads big-endian fields from a reply's INFO, failing with a typed error when it runs short. */
final class InfoReader {

    private final byte[] info;
    private int position;

    InfoReader(byte[] info) {
        this.info = info;
    }

    int position() {
        return position;
    }

    int remaining() {
        return info.length - position;
    }

    int u8(String field) throws ProtocolException {
        need(1, field);
        return info[position++] & 0xFF;
    }

    int u16(String field) throws ProtocolException {
        need(2, field);
        int v = ((info[position] & 0xFF) << 8) | (info[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    int s16(String field) throws ProtocolException {
        return (short) u16(field);
    }

    int u24(String field) throws ProtocolException {
        need(3, field);
        int v = ((info[position] & 0xFF) << 16) | ((info[position + 1] & 0xFF) << 8) | (info[position + 2] & 0xFF);
        position += 3;
        return v;
    }

    /** {@code length} bytes of text, trailing spaces and NULs removed; -1 reads to the end. */
    String text(int length, String field) throws ProtocolException {
        int n = length < 0 ? remaining() : length;
        need(n, field);
        int stop = position + n;
        int last = stop;
        while (last > position && (info[last - 1] == ' ' || info[last - 1] == 0)) {
            last--;
        }
        StringBuilder sb = new StringBuilder(last - position);
        for (int i = position; i < last; i++) {
            int c = info[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '\ufffd');
        }
        position = stop;
        return sb.toString();
    }

    void skip(int n, String field) throws ProtocolException {
        need(n, field);
        position += n;
    }

    private void need(int n, String field) throws ProtocolException {
        if (n < 0 || position + n > info.length) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "INFO ends at byte " + info.length + " before " + field
                    + " (" + n + " bytes at byte " + position + ")");
        }
    }
}
