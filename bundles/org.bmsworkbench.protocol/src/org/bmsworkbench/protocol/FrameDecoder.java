package org.bmsworkbench.protocol;

/**
 * Cuts the reply to one pending request out of a byte stream as it arrives from a half-duplex adapter:
 * garbage before the start, the request's own echo, a frame split across reads, a frame for another
 * address and a bad checksum are each reported and dropped. Never throws on any input, never blocks, and
 * holds at most a bounded number of bytes. Not thread-safe: one decoder belongs to one transaction.
 */
public interface FrameDecoder {

    /** Appends bytes read from the line. */
    void feed(byte[] data, int offset, int length);

    default void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /**
     * The next thing the buffered bytes amount to. Call until it returns {@link DecodeResult.NeedMore} or
     * a {@link DecodeResult.Frame}.
     */
    DecodeResult next();

    /** Bytes held but not yet decided on. */
    int buffered();
}
