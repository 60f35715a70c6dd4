package org.bmsworkbench.control;

/**
 * How a write ended.
 *
 * @param kind     the end
 * @param refusal  why nothing was sent, for {@link Kind#REFUSED}; otherwise {@code null}
 * @param detail   the reason or the device's answer, for people and the audit log
 * @param value    what the command returned (the pack's state or page read back), {@code null} unless sent
 * @param readBack what reading back showed, {@code null} unless sent
 * @param <T>      what the command returns
 */
public record WriteOutcome<T>(Kind kind, Refusal refusal, String detail, T value, ReadBack readBack) {

    /** The ends of a write. */
    public enum Kind {
        /** Sent, accepted, and read back with the new value. */
        CONFIRMED,
        /** Sent and accepted, but the read-back does not show the new value. */
        NOT_CONFIRMED,
        /** Nothing was sent. */
        REFUSED,
        /** Sent, but the pack refused it or did not answer. */
        FAILED
    }

    static <T> WriteOutcome<T> refused(Refusal refusal, String detail) {
        return new WriteOutcome<>(Kind.REFUSED, refusal, detail, null, null);
    }
}
