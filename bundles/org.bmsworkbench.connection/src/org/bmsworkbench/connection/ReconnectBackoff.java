package org.bmsworkbench.connection;

import java.util.concurrent.TimeUnit;

/**
 * When to try a lost port again: a port that fails to open is retried after 0.5, 1, 2 ... 10 s; one that
 * was lost is reopened after the shortest wait. A port that raises no error but where no pack answers is
 * suspected after 5 s of silence, then after 10, 20, 40 and 80 s, so a bus whose packs are all switched off
 * is not reopened over and over.
 */
final class ReconnectBackoff {

    private static final int MAX_SILENCE_DOUBLINGS = 4;

    private long minMillis = 500;
    private long maxMillis = 10_000;
    private long silenceMillis = 5_000;
    private long delayMillis;
    private long silentReopens;

    /** Test hook: how fast a lost port is reopened, and after how much total silence the port is suspected. */
    void set(long minMillis, long maxMillis, long silenceMillis) {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.silenceMillis = silenceMillis;
    }

    /** The port opened: the next failure to open starts again at the shortest wait. */
    void opened() {
        delayMillis = 0;
    }

    /** The port failed to open: how long to wait before the next try. */
    long failedToOpen() {
        delayMillis = delayMillis == 0 ? minMillis : Math.min(maxMillis, delayMillis * 2);
        return delayMillis;
    }

    /** The open port was lost: how long to wait before reopening it. */
    long lost() {
        delayMillis = minMillis;
        return minMillis;
    }

    /** A pack answered: the bus is not silent. */
    void answered() {
        silentReopens = 0;
    }

    /** Whether {@code silentNanos} without any answer is reason to reopen the port; counts the reopen if so. */
    boolean tooSilent(long silentNanos) {
        long limit = TimeUnit.MILLISECONDS.toNanos(silenceMillis) << Math.min(silentReopens, MAX_SILENCE_DOUBLINGS);
        if (silentNanos > limit) {
            silentReopens++;
            return true;
        }
        return false;
    }
}
