package org.bmsworkbench.protocol;

import java.util.Objects;

/**
 * Why bytes from the bus were not a usable reply. The message is one line for a person; {@link #code()}
 * is the device's return or exception code for {@link Kind#DEVICE_REFUSED}, otherwise -1.
 */
public record ProtocolError(Kind kind, String message, int code) {

    /** The kinds a link statistic counts separately. */
    public enum Kind {
        /** Bytes that were not the start of any frame, skipped. */
        GARBAGE,
        /** A frame with a wrong frame checksum or CRC. */
        BAD_CHECKSUM,
        /** A YD/T1363 frame whose LENGTH field has a wrong LCHKSUM. */
        BAD_LENGTH_CHECKSUM,
        /** Bytes that start like a frame but break its grammar (characters, lengths, fields). */
        BAD_FORMAT,
        /** A frame longer than the protocol allows. */
        TOO_LONG,
        /** Our own request, read back from a half-duplex adapter. */
        ECHO,
        /** A well-formed frame from or for another bus address. */
        WRONG_ADDRESS,
        /** A well-formed reply that does not answer the pending request. */
        UNEXPECTED_REPLY,
        /** A well-formed reply whose data does not fit the command's layout. */
        BAD_PAYLOAD,
        /** The device answered with a return code or Modbus exception instead of data. */
        DEVICE_REFUSED,
        /** The protocol cannot express what was asked (command, value or address). */
        UNSUPPORTED
    }

    public ProtocolError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static ProtocolError of(Kind kind, String message) {
        return new ProtocolError(kind, message, -1);
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
