package org.bmsworkbench.record;

import java.time.Duration;

/**
 * Which old sessions the recorder deletes, oldest first, when a session starts and every hour; the session
 * being recorded is never deleted.
 *
 * @param maxBytes the most all sessions together may take on disk, 0 for no limit
 * @param maxAge   the oldest a session may get (from its last change), {@link Duration#ZERO} for no limit
 */
public record Retention(long maxBytes, Duration maxAge) {

    /** Keep every session (the default). */
    public static final Retention KEEP_ALL = new Retention(0, Duration.ZERO);

    public Retention {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("the size limit must not be negative");
        }
        if (maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("the age limit must not be negative");
        }
    }

    public boolean keepsAll() {
        return maxBytes == 0 && maxAge.isZero();
    }
}
