package org.bmsworkbench.protocol;

/**
 * The bytes a {@link FrameDecoder} holds: at most {@code capacity}, the oldest dropped (and counted) when more
 * arrive, so a babbling line cannot make a decoder grow. The held bytes always start at index 0 of
 * {@link #array()}.
 */
public final class StreamBuffer {

    private final int capacity;
    private byte[] bytes;
    private int size;
    private long dropped;

    public StreamBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.bytes = new byte[Math.min(capacity, 256)];
    }

    /** Appends bytes read from the line, dropping the oldest ones beyond the capacity. */
    public void append(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " of " + data.length);
        }
        int off = offset;
        int len = length;
        if (len > capacity) {
            // Only the tail can still hold a frame.
            dropped += len - capacity;
            off += len - capacity;
            len = capacity;
        }
        if (size + len > capacity) {
            int drop = size + len - capacity;
            dropped += drop;
            consume(drop);
        }
        if (size + len > bytes.length) {
            byte[] grown = new byte[Math.min(capacity, Math.max(bytes.length * 2, size + len))];
            System.arraycopy(bytes, 0, grown, 0, size);
            bytes = grown;
        }
        System.arraycopy(data, off, bytes, size, len);
        size += len;
    }

    /** The held bytes, from index 0 to {@link #size()}; read only. */
    public byte[] array() {
        return bytes;
    }

    public int size() {
        return size;
    }

    /** Forgets the first {@code n} bytes. */
    public void consume(int n) {
        if (n < 0 || n > size) {
            throw new IndexOutOfBoundsException("cannot consume " + n + " of " + size + " bytes");
        }
        System.arraycopy(bytes, n, bytes, 0, size - n);
        size -= n;
    }

    /** Bytes dropped for want of room since the last call. */
    public long takeDropped() {
        long n = dropped;
        dropped = 0;
        return n;
    }
}
