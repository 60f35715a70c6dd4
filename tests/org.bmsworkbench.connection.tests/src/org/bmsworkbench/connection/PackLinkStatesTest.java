package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.junit.jupiter.api.Test;

/** The pack link-state machine, at explicit times. */
class PackLinkStatesTest {

    private static final Instant T0 = Instant.parse("2026-07-01T08:00:00Z");

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void failedPollsMakeAPackStaleThenOfflineAndItIsProbedAfterOneTwoFourUpToThirtySeconds() {
        PackLinkStates s = new PackLinkStates("b", List.of(1, 2), 3);
        assertEquals(2, s.start(T0).size());
        assertTrue(s.states().stream().allMatch(x -> x.state() == PackLinkState.OFFLINE));
        assertEquals(PackLinkState.ONLINE, s.polled(0, at(10)).state());
        assertEquals(at(10), s.lastGood(0));

        PackLinkStates.Failure first = s.failed(0, at(20));
        assertEquals(PackLinkState.STALE, first.changed().state());
        assertEquals(at(10), first.changed().lastGoodAnswer(), "the time of the last good answer is kept");
        assertEquals(0, first.backoffMillis());
        assertNull(s.failed(0, at(30)).changed(), "still stale: nothing new");
        assertFalse(s.probed(0));
        PackLinkStates.Failure third = s.failed(0, at(40));
        assertEquals(PackLinkState.OFFLINE, third.changed().state());
        assertTrue(third.wentOffline());
        assertTrue(s.probed(0));

        List<Long> backoffs = new ArrayList<>(List.of(third.backoffMillis()));
        for (int i = 0; i < 8; i++) {
            PackLinkStates.Failure f = s.failed(0, at(50 + i));
            assertNull(f.changed());
            assertFalse(f.wentOffline());
            backoffs.add(f.backoffMillis());
        }
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L, 30000L), backoffs);
        assertFalse(s.allFailing(), "pack 2 has not failed");
        s.failed(1, at(60));
        assertTrue(s.allFailing());

        assertNull(s.heard(0, at(65)), "a pack that was not hibernating: nothing new to publish");
        assertFalse(s.probed(0), "an answered probe: its full poll comes next");
        assertEquals(PackLinkState.ONLINE, s.polled(0, at(70_000)).state());
    }

    @Test
    void anOnlinePackIsRestatedOnceASecondNotAtEveryPoll() {
        PackLinkStates s = new PackLinkStates("b", List.of(5), 3);
        s.start(T0);
        List<PackStatus> published = new ArrayList<>();
        for (long t = 0; t <= 3000; t += 30) {
            PackStatus p = s.polled(0, at(t));
            if (p != null) {
                published.add(p);
            }
        }
        assertEquals(List.of(at(0), at(1020), at(2040)), published.stream().map(PackStatus::time).toList());
        assertEquals(at(3000), s.lastGood(0));
        assertEquals(at(2040), s.status(0).lastGoodAnswer(), "the state shown is the one last published");
    }

    @Test
    void aLostPortTakesEveryPackOfflineAndMayForgetItsFailures() {
        PackLinkStates s = new PackLinkStates("b", List.of(1, 2), 2);
        s.start(T0);
        s.polled(0, at(1));
        s.failed(1, at(2));
        assertNotNull(s.offline(0, at(3), true));
        assertNull(s.offline(1, at(3), true), "already offline: nothing new");
        assertFalse(s.allFailing(), "failures forgotten");
        assertEquals(1, s.indexOf(2));
        assertEquals(-1, s.indexOf(9));
    }
}
