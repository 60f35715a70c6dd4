package org.bmsworkbench.protocol;

/**
 * One step of a {@link FrameDecoder}: a whole frame, a need for more bytes, or a typed error after which
 * decoding can go on.
 */
public sealed interface DecodeResult {

    /** A complete frame with valid framing and checksum, addressed as the pending request expects. */
    record Frame(byte[] bytes) implements DecodeResult {
    }

    /** Nothing more can be decided until more bytes arrive. */
    record NeedMore() implements DecodeResult {
    }

    /** Bytes were dropped for the reason given; call {@link FrameDecoder#next()} again. */
    record Failure(ProtocolError error) implements DecodeResult {
    }

    NeedMore NEED_MORE = new NeedMore();
}
