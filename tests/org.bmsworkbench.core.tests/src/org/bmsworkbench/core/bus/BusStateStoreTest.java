package org.bmsworkbench.core.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.RecordingStatus;
import org.junit.jupiter.api.Test;

class BusStateStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private static BusStatus bus(String id, BusState state, long second) {
        return new BusStatus(id, "/dev/ttyUSB0 9600 8N1", "modbus-native", state, "", T0.plusSeconds(second));
    }

    private static PackStatus pack(String bus, int address, PackLinkState state, long answeredAt, long second) {
        return new PackStatus(bus, address, state, answeredAt < 0 ? null : T0.plusSeconds(answeredAt),
                T0.plusSeconds(second));
    }

    @Test
    void startsEmpty() {
        BusStateStore store = new BusStateStore();
        Overview overview = store.overview(T0);
        assertTrue(overview.buses().isEmpty());
        assertEquals(0, overview.totalPacks());
        assertEquals(0, store.revision());
        assertTrue(store.activity().isEmpty());
    }

    @Test
    void countsOpenBusesAndPacksByState() {
        BusStateStore store = new BusStateStore();
        assertTrue(store.apply(bus("b1", BusState.OPEN, 0)));
        store.apply(bus("b2", BusState.RECONNECTING, 0));
        store.apply(pack("b1", 2, PackLinkState.ONLINE, 1, 1));
        store.apply(pack("b1", 1, PackLinkState.ONLINE, 1, 1));
        store.apply(pack("b1", 3, PackLinkState.OFFLINE, -1, 1));
        store.apply(pack("b2", 1, PackLinkState.ONLINE, 1, 1));
        Overview overview = store.overview(T0.plusSeconds(2));
        assertEquals(2, overview.buses().size());
        assertEquals(1, overview.openBuses());
        assertEquals(2, overview.packs(PackLinkState.ONLINE));
        assertEquals(2, overview.packs(PackLinkState.OFFLINE), "packs of a bus that is not open are offline");
        assertEquals(List.of(1, 2, 3), overview.buses().get(0).packs().stream().map(PackView::address).toList());
        assertEquals(6, store.revision());
    }

    @Test
    void anOnlinePackWithAnOldAnswerIsShownStale() {
        BusStateStore store = new BusStateStore(Duration.ofSeconds(10), 100);
        store.apply(bus("b", BusState.OPEN, 0));
        store.apply(pack("b", 1, PackLinkState.ONLINE, 5, 5));
        PackView fresh = store.overview(T0.plusSeconds(15)).buses().get(0).packs().get(0);
        assertEquals(PackLinkState.ONLINE, fresh.effectiveState());
        assertEquals(Duration.ofSeconds(10), fresh.sinceLastAnswer());
        PackView old = store.overview(T0.plusSeconds(16)).buses().get(0).packs().get(0);
        assertEquals(PackLinkState.STALE, old.effectiveState());
        assertEquals(PackLinkState.ONLINE, old.status().state(), "the reported state is kept as reported");
    }

    @Test
    void aPackThatNeverAnsweredHasNoAge() {
        BusStateStore store = new BusStateStore();
        store.apply(bus("b", BusState.OPEN, 0));
        store.apply(pack("b", 9, PackLinkState.OFFLINE, -1, 0));
        assertNull(store.overview(T0).buses().get(0).packs().get(0).sinceLastAnswer());
    }

    @Test
    void reportsOlderThanTheOneHeldAreIgnored() {
        BusStateStore store = new BusStateStore();
        store.apply(bus("b", BusState.OPEN, 0));
        store.apply(pack("b", 1, PackLinkState.OFFLINE, 3, 10));
        assertFalse(store.apply(pack("b", 1, PackLinkState.ONLINE, 3, 4)), "a late 'online' must not win");
        assertFalse(store.apply(bus("b", BusState.CLOSED, -1)));
        Overview overview = store.overview(T0.plusSeconds(11));
        assertEquals(PackLinkState.OFFLINE, overview.buses().get(0).packs().get(0).effectiveState());
        assertEquals(BusState.OPEN, overview.buses().get(0).status().state());
    }

    @Test
    void aClosedBusAndItsPacksAreForgotten() {
        BusStateStore store = new BusStateStore();
        store.apply(bus("b1", BusState.OPEN, 0));
        store.apply(bus("b2", BusState.OPEN, 0));
        store.apply(bus("b3", BusState.FAILED, 0));
        store.apply(pack("b1", 1, PackLinkState.ONLINE, 1, 1));
        store.apply(pack("b2", 1, PackLinkState.ONLINE, 1, 1));
        store.apply(pack("b2", 2, PackLinkState.ONLINE, 1, 1));
        long revision = store.revision();
        assertTrue(store.apply(bus("b2", BusState.CLOSED, 2)), "the views must be told");
        assertTrue(store.apply(bus("b3", BusState.CLOSED, 2)));
        assertEquals(revision + 2, store.revision());
        Overview overview = store.overview(T0.plusSeconds(3));
        assertEquals(List.of("b1"), overview.buses().stream().map(BusView::busId).toList());
        assertEquals(1, overview.openBuses());
        assertEquals(1, overview.totalPacks());
        assertEquals(0, overview.packs(PackLinkState.OFFLINE), "a closed bus's packs are not counted offline");
        ActivityEntry last = store.activity().get(store.activity().size() - 1);
        assertEquals("b3", last.busId());
        assertEquals("CLOSED", last.to(), "the activity keeps the close");
        assertFalse(store.apply(pack("b2", 2, PackLinkState.OFFLINE, 1, 2)), "a late report does not bring it back");
        assertFalse(store.apply(bus("b2", BusState.OPEN, 1)), "nor does an older bus report");
        assertEquals(1, store.overview(T0.plusSeconds(3)).buses().size());
        assertTrue(store.apply(bus("b2", BusState.OPENING, 5)), "a bus opened again under the id is shown again");
        assertEquals(2, store.overview(T0.plusSeconds(5)).buses().size());
    }

    @Test
    void aPackReportBeforeItsBusKeepsAPlaceholderBus() {
        BusStateStore store = new BusStateStore();
        store.apply(pack("early", 4, PackLinkState.ONLINE, 0, 0));
        Overview overview = store.overview(T0);
        assertEquals("early", overview.buses().get(0).busId());
        store.apply(bus("early", BusState.OPEN, 1));
        assertEquals("modbus-native", store.overview(T0).buses().get(0).status().protocol());
        assertEquals(1, store.overview(T0).buses().size());
    }

    @Test
    void activityRecordsChangesNotRepeats() {
        BusStateStore store = new BusStateStore();
        store.apply(bus("b", BusState.OPENING, 0));
        store.apply(bus("b", BusState.OPEN, 1));
        store.apply(bus("b", BusState.OPEN, 2));
        store.apply(pack("b", 1, PackLinkState.ONLINE, 3, 3));
        store.apply(pack("b", 1, PackLinkState.ONLINE, 4, 4));
        store.apply(pack("b", 1, PackLinkState.OFFLINE, 4, 9));
        List<ActivityEntry> activity = store.activity();
        assertEquals(4, activity.size(), activity.toString());
        assertEquals("", activity.get(0).from());
        assertEquals("OPENING", activity.get(0).to());
        assertTrue(activity.get(0).isBusEntry());
        assertEquals("OPEN", activity.get(1).to());
        assertEquals(1, activity.get(2).address());
        assertEquals("ONLINE", activity.get(3).from());
        assertEquals("OFFLINE", activity.get(3).to());
        assertEquals(T0.plusSeconds(9), activity.get(3).time());
    }

    @Test
    void activityIsBounded() {
        BusStateStore store = new BusStateStore(Duration.ofSeconds(10), 3);
        store.apply(bus("b", BusState.OPEN, 0));
        for (int i = 1; i <= 10; i++) {
            store.apply(pack("b", 1, i % 2 == 0 ? PackLinkState.ONLINE : PackLinkState.OFFLINE, i, i));
        }
        List<ActivityEntry> activity = store.activity();
        assertEquals(3, activity.size());
        assertEquals(T0.plusSeconds(10), activity.get(2).time(), "the newest entries are kept");
    }

    @Test
    void ignoresWhatIsNotAReport() {
        BusStateStore store = new BusStateStore();
        assertFalse(store.apply("not a report"));
        assertFalse(store.apply(null));
        assertEquals(0, store.revision());
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new BusStateStore(Duration.ZERO, 10));
        assertThrows(IllegalArgumentException.class, () -> new BusStateStore(Duration.ofSeconds(1), 0));
    }

    private static RecordingStatus recording(RecordingStatus.State state, String file, String detail, int second) {
        return new RecordingStatus(state, file, T0, 4096, java.util.Map.of(), 0, -1, detail, T0.plusSeconds(second));
    }

    @Test
    void theRecordersStartPauseAndFailureAreActivityButItsFiguresAreNot() {
        BusStateStore store = new BusStateStore();
        assertFalse(store.apply(recording(RecordingStatus.State.OFF, "", "", 0)), "not recording yet is no news");
        assertTrue(store.apply(recording(RecordingStatus.State.RECORDING, "/r/a.sqlite", "", 0)));
        assertFalse(store.apply(recording(RecordingStatus.State.RECORDING, "/r/a.sqlite", "", 1)),
                "a status that only moved its figures is not a change");
        assertTrue(store.apply(recording(RecordingStatus.State.FAILED, "/r/a.sqlite",
                "Recording stopped: the disk is full", 2)));
        assertTrue(store.apply(recording(RecordingStatus.State.RECORDING, "/r/b.sqlite", "", 3)));
        List<ActivityEntry> activity = store.activity();
        assertEquals(3, activity.size());
        ActivityEntry failed = activity.get(1);
        assertEquals(BusStateStore.RECORDER, failed.busId());
        assertEquals("RECORDING", failed.from());
        assertEquals("FAILED", failed.to());
        assertEquals("Recording stopped: the disk is full", failed.detail());
        assertEquals("/r/b.sqlite", activity.get(2).detail());
    }
}
