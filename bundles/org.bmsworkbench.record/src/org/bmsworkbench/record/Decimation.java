package org.bmsworkbench.record;

import java.time.Duration;

/** How many snapshots of each pack the recorder keeps: every poll, or one per interval. */
public enum Decimation {
    EVERY_POLL(Duration.ZERO),
    ONE_SECOND(Duration.ofSeconds(1)),
    FIVE_SECONDS(Duration.ofSeconds(5)),
    TEN_SECONDS(Duration.ofSeconds(10)),
    ONE_MINUTE(Duration.ofMinutes(1));

    private final Duration interval;

    Decimation(Duration interval) {
        this.interval = interval;
    }

    /** The least time between two kept snapshots of one pack (zero: keep all). */
    public Duration interval() {
        return interval;
    }
}
