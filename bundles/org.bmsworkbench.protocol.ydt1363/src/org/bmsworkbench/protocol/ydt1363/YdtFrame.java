package org.bmsworkbench.protocol.ydt1363;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;

/**
 * One YD/T1363.3 frame: {@code ~ VER ADR CID1 CID2 LENGTH INFO CHKSUM \r}, every field after the start
 * written as upper-case hexadecimal ASCII. In a reply, CID2 carries the return code.
 *
 * @param version  VER, the protocol version byte (0x20 for version 2.0)
 * @param address  ADR
 * @param cid1     device type (0x46 for lithium batteries)
 * @param cid2     command in a request, return code in a reply
 * @param info     INFO, decoded from its hexadecimal text
 */
public record YdtFrame(int version, int address, int cid1, int cid2, byte[] info) {

    static final byte SOI = '~';
    static final byte EOI = '\r';
    /** SOI, 12 header characters, 4 checksum characters and EOI. */
    static final int OVERHEAD = 18;
    /** LENID has 12 bits. */
    static final int MAX_INFO_CHARS = 0xFFF;
    static final int MAX_FRAME = OVERHEAD + MAX_INFO_CHARS;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    public YdtFrame {
        checkByte("VER", version);
        checkByte("ADR", address);
        checkByte("CID1", cid1);
        checkByte("CID2", cid2);
        info = info.clone();
        if (info.length * 2 > MAX_INFO_CHARS) {
            throw new IllegalArgumentException("INFO of " + info.length + " bytes exceeds the 12-bit LENID");
        }
    }

    private static void checkByte(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " " + value + " is not a byte");
        }
    }

    @Override
    public byte[] info() {
        return info.clone();
    }

    /** The frame as it goes on the line, with its LENGTH, checksum and carriage return. */
    public byte[] encode() {
        StringBuilder sb = new StringBuilder(OVERHEAD + info.length * 2);
        sb.append('~');
        sb.append(HEX.toHexDigits((byte) version)).append(HEX.toHexDigits((byte) address));
        sb.append(HEX.toHexDigits((byte) cid1)).append(HEX.toHexDigits((byte) cid2));
        sb.append(HEX.toHexDigits((short) lengthField(info.length * 2)));
        sb.append(HEX.formatHex(info));
        byte[] body = sb.toString().getBytes(StandardCharsets.US_ASCII);
        String checksum = HEX.toHexDigits((short) checksum(body, 1, body.length));
        return (sb + checksum + "\r").getBytes(StandardCharsets.US_ASCII);
    }

    /** LENGTH: LCHKSUM in the high nibble, LENID in the low 12 bits. */
    static int lengthField(int lenid) {
        int sum = (lenid & 0xF) + ((lenid >> 4) & 0xF) + ((lenid >> 8) & 0xF);
        int lchksum = (~sum + 1) & 0xF;
        return (lchksum << 12) | lenid;
    }

    /** CHKSUM over {@code bytes[from, to)}: two's complement of the byte sum, modulo 65536. */
    static int checksum(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i] & 0xFF;
        }
        return (~sum + 1) & 0xFFFF;
    }

    /**
     * Reads a whole frame from {@code ~} to {@code \r} (the carriage return may be missing).
     *
     * @throws ProtocolException saying which field or checksum is wrong
     */
    public static YdtFrame parse(byte[] raw) throws ProtocolException {
        int end = raw.length;
        if (end > 0 && raw[end - 1] == EOI) {
            end--;
        }
        if (end == 0 || raw[0] != SOI) {
            throw new ProtocolException(Kind.BAD_FORMAT, "the frame does not start with '~'");
        }
        if (end + 1 > MAX_FRAME) {
            throw new ProtocolException(Kind.TOO_LONG, "the frame has " + (end + 1) + " characters, more than "
                    + MAX_FRAME);
        }
        if (end < OVERHEAD - 1) {
            throw new ProtocolException(Kind.BAD_FORMAT,
                    "the frame has " + (end - 1) + " characters after '~', at least 16 are needed");
        }
        for (int i = 1; i < end; i++) {
            if (hexValue(raw[i]) < 0) {
                throw new ProtocolException(Kind.BAD_FORMAT, "character " + (i + 1) + " ("
                        + printable(raw[i]) + ") is not a hexadecimal digit");
            }
        }
        int version = hexByte(raw, 1);
        int address = hexByte(raw, 3);
        int cid1 = hexByte(raw, 5);
        int cid2 = hexByte(raw, 7);
        int length = (hexByte(raw, 9) << 8) | hexByte(raw, 11);
        int lenid = length & 0xFFF;
        int expectedChecksum = checksum(raw, 1, end - 4);
        int checksum = (hexByte(raw, end - 4) << 8) | hexByte(raw, end - 2);
        if (checksum != expectedChecksum) {
            throw new ProtocolException(Kind.BAD_CHECKSUM, String.format(
                    "CHKSUM is %04X but the frame sums to %04X", checksum, expectedChecksum));
        }
        if (lengthField(lenid) != length) {
            throw new ProtocolException(Kind.BAD_LENGTH_CHECKSUM, String.format(
                    "LCHKSUM of LENGTH %04X is %X, %X expected", length, length >> 12, lengthField(lenid) >> 12));
        }
        int infoChars = end - 4 - 13;
        if (lenid != infoChars) {
            throw new ProtocolException(Kind.BAD_FORMAT,
                    "LENID says " + lenid + " INFO characters but the frame has " + infoChars);
        }
        if (infoChars % 2 != 0) {
            throw new ProtocolException(Kind.BAD_FORMAT, "INFO has an odd number of characters (" + infoChars + ")");
        }
        byte[] info = new byte[infoChars / 2];
        for (int i = 0; i < info.length; i++) {
            info[i] = (byte) hexByte(raw, 13 + 2 * i);
        }
        return new YdtFrame(version, address, cid1, cid2, info);
    }

    private static int hexByte(byte[] raw, int at) {
        return (hexValue(raw[at]) << 4) | hexValue(raw[at + 1]);
    }

    static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    static String printable(byte c) {
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("0x%02X", c & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YdtFrame f && version == f.version && address == f.address && cid1 == f.cid1
                && cid2 == f.cid2 && Arrays.equals(info, f.info);
    }

    @Override
    public int hashCode() {
        return ((version * 31 + address) * 31 + cid1) * 31 + cid2 + Arrays.hashCode(info);
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.US_ASCII).trim();
    }
}
