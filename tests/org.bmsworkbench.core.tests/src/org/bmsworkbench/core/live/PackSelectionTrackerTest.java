package org.bmsworkbench.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.model.PackSnapshot;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The pack selector follows the buses: the first pack that answers, and the next open bus when its bus closes. */
class PackSelectionTrackerTest {

    private static final Instant T = Instant.parse("2026-12-06T08:00:00Z");

    private final List<SelectedPack> announced = new ArrayList<>();
    private final PackSelectionTracker tracker = new PackSelectionTracker(new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            announced.add((SelectedPack) event.getProperty(EventProperties.DATA));
        }

        @Override
        public void sendEvent(Event event) {
            postEvent(event);
        }
    }, Clock.fixed(T, ZoneOffset.UTC));

    private void answer(String bus, int address) {
        PackData data = new PackData(bus, PackSnapshot.builder(address).time(T).build(), true);
        tracker.handleEvent(new Event(BmsTopics.PACK_SNAPSHOT, EventProperties.of(data)));
    }

    private void state(String bus, BusState state) {
        BusStatus status = new BusStatus(bus, bus, "modbus-native", state, "", T);
        tracker.handleEvent(new Event(BmsTopics.BUS_STATE, EventProperties.of(status)));
    }

    private String shown() {
        return tracker.current().map(s -> s.busId() + "/" + s.address()).orElse("none");
    }

    @Test
    void theFirstPackThatAnswersIsSelected() {
        answer("bus-1", 3);
        answer("bus-1", 1);
        assertEquals("bus-1/3", shown());
        assertEquals(1, announced.size());
    }

    @Test
    void closingTheSelectedBusSelectsAPackOfTheNextOpenBus() {
        answer("bus-1", 1);
        answer("bus-2", 5);
        answer("bus-2", 4);
        answer("bus-3", 1);
        tracker.select("bus-2", 5);
        state("bus-2", BusState.CLOSED);
        assertEquals("bus-3/1", shown(), "the bus after the closed one");
        state("bus-3", BusState.CLOSED);
        assertEquals("bus-1/1", shown(), "then round to the first");
        assertEquals(SelectedPack.class, announced.get(announced.size() - 1).getClass());
        assertEquals("bus-1", announced.get(announced.size() - 1).busId(), "the views are told");
    }

    @Test
    void closingAnotherBusLeavesTheSelectionAlone() {
        answer("bus-1", 2);
        answer("bus-2", 1);
        int before = announced.size();
        state("bus-2", BusState.CLOSED);
        assertEquals("bus-1/2", shown());
        assertEquals(before, announced.size());
    }

    @Test
    void aClosedLockedSelectionMovesAndUnlocks() {
        answer("bus-1", 2);
        answer("bus-2", 7);
        tracker.setLocked(true);
        state("bus-1", BusState.CLOSED);
        assertEquals("bus-2/7", shown());
        assertFalse(tracker.isLocked(), "the locked pack is gone with its bus");
    }

    @Test
    void withNoOtherBusTheNextPackThatAnswersIsSelected() {
        answer("bus-1", 2);
        state("bus-1", BusState.CLOSED);
        answer("bus-4", 6);
        assertEquals("bus-4/6", shown(), "the first pack of the bus opened next");
        answer("bus-5", 1);
        assertEquals("bus-4/6", shown());
    }

    @Test
    void aBusThatOnlyFailsOrReconnectsKeepsItsSelection() {
        answer("bus-1", 2);
        answer("bus-2", 1);
        state("bus-1", BusState.RECONNECTING);
        state("bus-1", BusState.FAILED);
        assertEquals("bus-1/2", shown());
        assertTrue(tracker.select("bus-2", 1));
        assertEquals("bus-2/1", shown());
    }
}
