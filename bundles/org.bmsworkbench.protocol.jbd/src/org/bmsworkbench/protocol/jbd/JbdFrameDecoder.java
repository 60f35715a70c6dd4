package org.bmsworkbench.protocol.jbd;

import java.util.Arrays;

import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ScanningFrameDecoder;

/**
 * Cuts the reply to one pending JBD request out of a byte stream. Every frame starts with {@code DD} and says its
 * length in its fourth byte, so the decoder tries each {@code DD}: our own request read back, a reply for another
 * register, a request of another host and a bad checksum are reported and dropped. A frame that is still arriving
 * but is followed by a whole intact reply was noise (a {@code DD} in garbage with a large length byte).
 */
final class JbdFrameDecoder extends ScanningFrameDecoder {

    private static final int CAPACITY = 2 * JbdFrames.MAX_FRAME;

    private final JbdRequest pending;
    private final byte[] request;

    JbdFrameDecoder(JbdRequest pending) {
        super(CAPACITY);
        this.pending = pending;
        this.request = pending.frame();
    }

    @Override
    protected Outcome classify(int pos) {
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
}
