package org.bmsworkbench.protocol.jbd;

import java.util.Arrays;

import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.StreamBuffer;

/**
 * Cuts the reply to one pending JBD request out of a byte stream. Every frame starts with {@code DD} and says its
 * length in its fourth byte, so the decoder tries each {@code DD}: our own request read back, a reply for another
 * register, a request of another host and a bad checksum are reported and dropped. A frame that is still arriving
 * but is followed by a whole intact reply was noise (a {@code DD} in garbage with a large length byte).
 */
final class JbdFrameDecoder implements FrameDecoder {

    private static final int CAPACITY = 2 * JbdFrames.MAX_FRAME;

    private final JbdRequest pending;
    private final byte[] request;
    private final StreamBuffer stream = new StreamBuffer(CAPACITY);
    private byte[] buffer = stream.array();
    private int length;

    JbdFrameDecoder(JbdRequest pending) {
        this.pending = pending;
        this.request = pending.frame();
    }

    @Override
    public void feed(byte[] data, int offset, int count) {
        stream.append(data, offset, count);
        buffer = stream.array();
        length = stream.size();
    }

    @Override
    public int buffered() {
        return length;
    }

    @Override
    public DecodeResult next() {
        long dropped = stream.takeDropped();
        if (dropped > 0) {
            return failure(Kind.GARBAGE, dropped + " bytes dropped: more arrived than any reply holds");
        }
        int waitAt = -1;
        for (int pos = 0; pos < length; pos++) {
            Outcome outcome = classify(pos);
            if (outcome == null) {
                continue;
            }
            if (outcome.result == null) {
                if (waitAt < 0) {
                    waitAt = pos;
                }
                continue;
            }
            boolean decisive = outcome.result instanceof DecodeResult.Frame
                    || outcome.result instanceof DecodeResult.Failure f && f.error().kind() == Kind.ECHO;
            if (waitAt >= 0 && !decisive) {
                continue;
            }
            if (pos > 0) {
                consume(pos);
                return failure(Kind.GARBAGE, pos + " bytes that are not the start of a frame");
            }
            consume(outcome.consumed);
            return outcome.result;
        }
        if (waitAt > 0) {
            consume(waitAt);
            return failure(Kind.GARBAGE, waitAt + " bytes that are not the start of a frame");
        }
        if (waitAt < 0 && length > 0) {
            int n = length;
            consume(n);
            return failure(Kind.GARBAGE, n + " bytes that are not the start of a frame");
        }
        return DecodeResult.NEED_MORE;
    }

    /** A result and the bytes it takes, a wait (null result), or null for a position that starts nothing. */
    private record Outcome(DecodeResult result, int consumed) {
    }

    private static final Outcome WAIT = new Outcome(null, 0);

    private Outcome classify(int pos) {
        if ((buffer[pos] & 0xFF) != JbdFrames.START) {
            return null;
        }
        int available = length - pos;
        if (available >= request.length && Arrays.equals(buffer, pos, pos + request.length, request, 0,
                request.length)) {
            return new Outcome(failure(Kind.ECHO, "our own request read back"), request.length);
        }
        if (available < 4) {
            return WAIT;
        }
        int need = JbdFrames.OVERHEAD + (buffer[pos + 3] & 0xFF);
        if (available < need) {
            return WAIT;
        }
        if ((buffer[pos + need - 1] & 0xFF) != JbdFrames.END) {
            return new Outcome(failure(Kind.BAD_FORMAT, String.format(
                    "a %d-byte frame does not end with 77 (ends with %02X)", need, buffer[pos + need - 1] & 0xFF)), 1);
        }
        if (!JbdFrames.checksumMatches(buffer, pos, need)) {
            // Only the start is dropped: a corrupt length byte must not swallow the frame behind it.
            return new Outcome(failure(Kind.BAD_CHECKSUM, String.format(
                    "the checksum %04X of a %d-byte frame does not match (%04X expected)",
                    JbdFrames.u16(buffer, pos + need - 3), need,
                    JbdFrames.checksum(buffer, pos + 2, pos + need - 3))), 1);
        }
        int second = buffer[pos + 1] & 0xFF;
        if (second == JbdFrames.READ || second == JbdFrames.WRITE) {
            return new Outcome(failure(Kind.UNEXPECTED_REPLY, String.format(
                    "a request for register %02X, not a reply", buffer[pos + 2] & 0xFF)), need);
        }
        if (second != pending.register()) {
            return new Outcome(failure(Kind.UNEXPECTED_REPLY, String.format(
                    "a reply for register %02X, %02X expected", second, pending.register())), need);
        }
        return new Outcome(new DecodeResult.Frame(Arrays.copyOfRange(buffer, pos, pos + need)), need);
    }

    private void consume(int n) {
        stream.consume(n);
        length = stream.size();
    }

    private static DecodeResult failure(Kind kind, String message) {
        return new DecodeResult.Failure(ProtocolError.of(kind, message));
    }
}
