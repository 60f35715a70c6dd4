package org.bmsworkbench.connection;

import java.time.Instant;

import org.bmsworkbench.events.LinkErrorKind;
import org.bmsworkbench.protocol.ProtocolError;
import org.bmsworkbench.protocol.Request;

/** Sees every frame a {@link TransactionRunner} sends and everything it receives, for the communication record. */
public interface FrameTap {

    /** Records nothing. */
    FrameTap NONE = new FrameTap() {
        @Override
        public void sent(Request request, byte[] frame, Instant time) {
        }

        @Override
        public void received(Request request, byte[] bytes, LinkErrorKind error, String note, Instant time) {
        }
    };

    void sent(Request request, byte[] frame, Instant time);

    /**
     * The bytes read during one attempt.
     *
     * @param error null when they held the reply that was used
     * @param note  what went wrong, or what was dropped before the reply (an echo, noise)
     */
    void received(Request request, byte[] bytes, LinkErrorKind error, String note, Instant time);

    /** How a frame problem is counted in the link statistics. */
    static LinkErrorKind kindOf(ProtocolError error) {
        return switch (error.kind()) {
            case BAD_CHECKSUM, BAD_LENGTH_CHECKSUM -> LinkErrorKind.CHECKSUM;
            case ECHO -> LinkErrorKind.ECHO;
            case WRONG_ADDRESS -> LinkErrorKind.WRONG_ADDRESS;
            case DEVICE_REFUSED, UNSUPPORTED -> LinkErrorKind.DEVICE_ERROR;
            case GARBAGE, BAD_FORMAT, TOO_LONG, UNEXPECTED_REPLY, BAD_PAYLOAD -> LinkErrorKind.GARBAGE;
        };
    }
}
