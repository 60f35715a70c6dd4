package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Round-robin, the poll interval and sweeps, at explicit times. */
class PollScheduleTest {

    private static final long MS = 1_000_000L;

    @Test
    void packsArePolledInTurnBackToBackWithoutAnInterval() {
        PollSchedule s = new PollSchedule(3, 0);
        s.allDueAt(0);
        List<Integer> order = new ArrayList<>();
        for (long t = 0; t < 7; t++) {
            int i = s.next(t, x -> false);
            s.started(i, t);
            order.add(i);
        }
        assertEquals(List.of(0, 1, 2, 0, 1, 2, 0), order);
    }

    @Test
    void aPackIsDueAgainOneIntervalAfterItsPollStarted() {
        PollSchedule s = new PollSchedule(2, 100 * MS);
        s.allDueAt(0);
        assertEquals(0, s.next(0, x -> false));
        s.started(0, 0);
        assertEquals(1, s.next(30 * MS, x -> false));
        s.started(1, 30 * MS);
        assertEquals(-1, s.next(60 * MS, x -> false));
        assertEquals(40 * MS, s.untilNext(60 * MS));
        assertEquals(-1, s.next(100 * MS - 1, x -> false));
        assertEquals(0, s.next(100 * MS, x -> false));
        s.started(0, 100 * MS);
        assertEquals(30 * MS, s.untilNext(100 * MS));
        assertEquals(1, s.next(130 * MS, x -> false));
    }

    @Test
    void aBackedOffPackIsSkippedUntilDueAndAnAnsweredProbeIsFollowedAtOnceByItsPoll() {
        PollSchedule s = new PollSchedule(3, 0);
        s.allDueAt(0);
        s.dueAt(1, 1000 * MS);
        assertEquals(0, s.next(0, x -> false));
        assertEquals(2, s.next(1, x -> false));
        assertEquals(0, s.next(2, x -> false));
        assertEquals(1, s.next(1000 * MS, x -> false));
        s.again(1, 1000 * MS);
        assertEquals(1, s.next(1000 * MS, x -> false), "the full poll right after the probe");
        assertEquals(2, s.next(1000 * MS, x -> false));
    }

    @Test
    void aSweepEndsWhenEveryPackWasPolledOrIsOnlyProbed() {
        PollSchedule s = new PollSchedule(3, 0);
        s.allDueAt(0);
        s.dueAt(2, 30_000 * MS);
        for (int round = 0; round < 2; round++) {
            int i = s.next(round, x -> x == 2);
            s.swept(i);
            assertFalse(s.sweepComplete());
        }
        // pack 2 is passed over while only probed: it does not hold the sweep back
        int i = s.next(3, x -> x == 2);
        assertEquals(0, i);
        s.swept(i);
        assertTrue(s.sweepComplete());
        assertEquals(1, s.sweeps());
        assertFalse(s.sweepComplete(), "a new sweep begins empty");
    }
}
