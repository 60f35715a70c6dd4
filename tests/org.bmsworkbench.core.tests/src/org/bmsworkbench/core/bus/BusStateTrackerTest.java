package org.bmsworkbench.core.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.OverviewChanged;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class BusStateTrackerTest {

    private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");

    /** Records what the tracker posts instead of delivering it. */
    private static final class RecordingEventAdmin implements EventAdmin {
        final List<Event> posted = new ArrayList<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            posted.add(event);
        }
    }

    @Test
    void announcesEveryAppliedChangeWithItsRevision() {
        RecordingEventAdmin admin = new RecordingEventAdmin();
        BusStateTracker tracker = new BusStateTracker(admin, new BusStateStore(), Clock.fixed(T, ZoneOffset.UTC));
        BusStatus open = new BusStatus("b", "sim", "modbus-native", BusState.OPEN, "", T);
        tracker.handleEvent(new Event(BmsTopics.BUS_STATE, EventProperties.of(open)));
        tracker.handleEvent(new Event(BmsTopics.BUS_STATE,
                EventProperties.of(new BusStatus("b", "sim", "modbus-native", BusState.CLOSED, "", T.plusSeconds(1)))));
        assertEquals(2, admin.posted.size());
        Event last = admin.posted.get(1);
        assertEquals(BmsTopics.OVERVIEW_CHANGED, last.getTopic());
        OverviewChanged changed = (OverviewChanged) last.getProperty(EventProperties.DATA);
        assertEquals(2, changed.revision());
        assertEquals(T, changed.time());
        assertTrue(tracker.overview(T).buses().isEmpty(), "a closed bus is forgotten");
        assertEquals(2, tracker.activity().size());
    }

    @Test
    void staysQuietOnEventsItCannotUse() {
        RecordingEventAdmin admin = new RecordingEventAdmin();
        BusStateTracker tracker = new BusStateTracker(admin, new BusStateStore(), Clock.systemUTC());
        tracker.handleEvent(new Event(BmsTopics.BUS_STATE, Map.of()));
        tracker.handleEvent(new Event(BmsTopics.BUS_STATE, Map.of(EventProperties.DATA, "garbage")));
        assertTrue(admin.posted.isEmpty());
        assertEquals(0, tracker.revision());
    }
}
