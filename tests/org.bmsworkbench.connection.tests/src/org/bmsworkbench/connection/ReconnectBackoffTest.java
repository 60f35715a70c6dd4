package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Reopening a lost port, and suspecting a silent one. */
class ReconnectBackoffTest {

    private static long seconds(double s) {
        return (long) (s * TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aPortThatDoesNotOpenIsRetriedAfterHalfASecondThenDoublingUpToTen() {
        ReconnectBackoff b = new ReconnectBackoff();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            delays.add(b.failedToOpen());
        }
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 10_000L, 10_000L), delays);
        b.opened();
        assertEquals(500, b.failedToOpen(), "an open port starts the backoff again");
    }

    @Test
    void aLostPortIsReopenedAtOnceAndAFailureThenBacksOffFromThere() {
        ReconnectBackoff b = new ReconnectBackoff();
        b.set(10, 100, 2000);
        assertEquals(10, b.lost());
        assertEquals(20, b.failedToOpen());
        assertEquals(40, b.failedToOpen());
        assertEquals(80, b.failedToOpen());
        assertEquals(100, b.failedToOpen());
    }

    @Test
    void silenceIsSuspectedAfterFiveSecondsThenAtGrowingIntervalsUntilAPackAnswers() {
        ReconnectBackoff b = new ReconnectBackoff();
        assertFalse(b.tooSilent(seconds(5)));
        assertTrue(b.tooSilent(seconds(5.001)));
        assertFalse(b.tooSilent(seconds(10)));
        assertTrue(b.tooSilent(seconds(10.001)));
        assertTrue(b.tooSilent(seconds(20.001)));
        assertTrue(b.tooSilent(seconds(40.001)));
        assertFalse(b.tooSilent(seconds(80)));
        assertTrue(b.tooSilent(seconds(80.001)));
        assertTrue(b.tooSilent(seconds(80.001)), "at most 80 s");
        b.answered();
        assertTrue(b.tooSilent(seconds(5.001)));
    }
}
