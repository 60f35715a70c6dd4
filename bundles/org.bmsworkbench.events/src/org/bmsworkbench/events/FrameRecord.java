package org.bmsworkbench.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Payload of {@link BmsTopics#BUS_FRAME}: one entry of the communication record, a frame sent or the bytes
 * received for one attempt of a transaction.
 *
 * @param busId     bus the bytes went over
 * @param time      when the frame was sent, or when the attempt's reception ended
 * @param direction {@link Direction#TX} for a request, {@link Direction#RX} for what came back
 * @param address   the pack address the request was for
 * @param bytes     the bytes as they were on the line (an RX entry may hold noise, an echo or nothing)
 * @param error     why received bytes were not used; {@code null} for a sent frame and for a good reply
 * @param note      a short description: the request's meaning for TX, the problem for a failed RX
 */
public record FrameRecord(String busId, Instant time, Direction direction, int address, byte[] bytes,
        LinkErrorKind error, String note) {

    /** Which way the bytes went. */
    public enum Direction {
        /** Host to device. */
        TX,
        /** Device to host. */
        RX
    }

    public FrameRecord {
        Checks.busId(busId);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Checks.address(address);
        bytes = bytes == null ? new byte[0] : bytes.clone();
        note = note == null ? "" : note;
        if (direction == Direction.TX && error != null) {
            throw new IllegalArgumentException("a sent frame has no reception error");
        }
    }

    /** A copy of the bytes; the record keeps its own. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public boolean ok() {
        return error == null;
    }
}
