package org.bmsworkbench.config.firmware;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A firmware image file as sent to a board, whole. An image may carry the BMS Workbench header (docs/firmware.md):
 * magic {@code BMSWFW1\0}, hardware id (16 bytes), version (16 bytes), payload length and payload CRC-32 (big
 * endian), then the payload; the header lets the image be checked against itself (truncation, corruption) and
 * against the pack (model, version) before anything goes on the line. An image without it is sent as it is.
 */
public final class FirmwareImage {

    public static final byte[] MAGIC = "BMSWFW1\0".getBytes(StandardCharsets.US_ASCII);
    public static final int HEADER_SIZE = 48;
    private static final int TEXT = 16;

    private final String name;
    private final byte[] bytes;
    private final long crc32;

    /** The size on disk of a file too large to read, else -1. */
    private final long oversize;

    private FirmwareImage(String name, byte[] bytes, long oversize) {
        this.name = name;
        this.bytes = bytes;
        this.crc32 = crc(bytes, 0, bytes.length);
        this.oversize = oversize;
    }

    /** Reads an image file; a file larger than {@code maxBytes} is not read at all. */
    public static FirmwareImage read(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            // the bytes of a file too large for the board are not needed to refuse it
            return new FirmwareImage(file.getFileName().toString(), new byte[0], size);
        }
        return new FirmwareImage(file.getFileName().toString(), Files.readAllBytes(file), -1);
    }

    public static FirmwareImage of(String name, byte[] bytes) {
        return new FirmwareImage(name, bytes.clone(), -1);
    }

    /** Makes an image with the header, for tools and tests. */
    public static byte[] build(String hardware, String version, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + payload.length);
        b.put(MAGIC);
        b.put(text(hardware));
        b.put(text(version));
        b.putInt(payload.length);
        b.putInt((int) crc(payload, 0, payload.length));
        b.put(payload);
        return b.array();
    }

    private static byte[] text(String s) {
        byte[] t = Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), TEXT);
        if (s.length() > TEXT) {
            throw new IllegalArgumentException("'" + s + "' is longer than " + TEXT + " characters");
        }
        return t;
    }

    static long crc(byte[] data, int from, int length) {
        CRC32 c = new CRC32();
        c.update(data, from, length);
        return c.getValue();
    }

    public String name() {
        return name;
    }

    /** The size of the file; for a file too large to read, its size on disk. */
    public long size() {
        return oversize >= 0 ? oversize : bytes.length;
    }

    /** CRC-32 (ISO-HDLC) of the whole file, as the board checks it. */
    public long crc32() {
        return crc32;
    }

    public boolean hasHeader() {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The header's hardware id, or empty. */
    public String hardware() {
        return hasHeader() && bytes.length >= HEADER_SIZE ? headerText(MAGIC.length) : "";
    }

    /** The header's version, or empty. */
    public String version() {
        return hasHeader() && bytes.length >= HEADER_SIZE ? headerText(MAGIC.length + TEXT) : "";
    }

    private String headerText(int from) {
        int end = from;
        while (end < from + TEXT && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, from, end - from, StandardCharsets.US_ASCII).trim();
    }

    /** Why the image does not hold together (truncated, corrupt), in one English line, or {@code null}. */
    String integrityProblem() {
        if (!hasHeader()) {
            return null;
        }
        if (bytes.length < HEADER_SIZE) {
            return "the header is cut short (" + bytes.length + " of " + HEADER_SIZE + " bytes): the file is truncated";
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, MAGIC.length + 2 * TEXT, 8);
        long length = b.getInt() & 0xFFFFFFFFL;
        long crc = b.getInt() & 0xFFFFFFFFL;
        long have = bytes.length - HEADER_SIZE;
        if (have != length) {
            return "the header announces " + length + " bytes of firmware but the file holds " + have
                    + (have < length ? ": the file is truncated" : ": the file has bytes appended");
        }
        long actual = crc(bytes, HEADER_SIZE, bytes.length - HEADER_SIZE);
        if (actual != crc) {
            return String.format("the firmware's CRC-32 is %08X but its header says %08X: the file is corrupt", actual,
                    crc);
        }
        return null;
    }

    /** Block {@code n} of {@code blockSize} bytes, the last one padded with 0xFF. */
    public byte[] block(int n, int blockSize) {
        byte[] block = new byte[blockSize];
        Arrays.fill(block, (byte) 0xFF);
        int from = n * blockSize;
        System.arraycopy(bytes, from, block, 0, Math.min(blockSize, bytes.length - from));
        return block;
    }

    public int blocks(int blockSize) {
        return (int) ((bytes.length + blockSize - 1) / blockSize);
    }
}
