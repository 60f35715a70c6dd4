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

    /**
     * The detail in {@code locale}'s language where it is a read-back (what a view shows); the pack's and the
     * transport's own words, and a note that the audit log could not be written, stay as they came.
     */
    public String detail(java.util.Locale locale) {
        if (readBack != null && detail != null && detail.startsWith(readBack.text())) {
            return readBack.phrase().in(locale) + detail.substring(readBack.text().length());
        }
        return detail;
    }

    static <T> WriteOutcome<T> refused(Refusal refusal, String detail) {
        return new WriteOutcome<>(Kind.REFUSED, refusal, detail, null, null);
    }
}
