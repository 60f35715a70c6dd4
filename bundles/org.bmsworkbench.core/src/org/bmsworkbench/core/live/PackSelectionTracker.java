package org.bmsworkbench.core.live;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.SelectedPack;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * DS component holding the {@link PackSelection}; selects the first pack that answers when nothing is selected.
 * When the selected pack's bus is closed, it selects the lowest answering pack of the next bus that has answered
 * (in the order the buses first answered, round to the first), and without one, the next pack that answers. The
 * Lock does not survive the close: the locked pack is gone.
 */
@Component(service = { PackSelection.class, EventHandler.class },
        property = { EventConstants.EVENT_TOPIC + "=" + BmsTopics.PACK_SNAPSHOT,
                EventConstants.EVENT_TOPIC + "=" + BmsTopics.BUS_STATE })
public final class PackSelectionTracker implements PackSelection, EventHandler {

    private final EventAdmin eventAdmin;
    private final Clock clock;
    /** The addresses that answered, per bus still open, in the order the buses first answered. */
    private final Map<String, TreeSet<Integer>> answered = new LinkedHashMap<>();
    private SelectedPack current;
    /** The selected pack's bus was closed with no other bus to go to: the next pack that answers is selected. */
    private boolean orphaned;

    @Activate
    public PackSelectionTracker(@Reference EventAdmin eventAdmin) {
        this(eventAdmin, Clock.systemUTC());
    }

    public PackSelectionTracker(EventAdmin eventAdmin, Clock clock) {
        this.eventAdmin = eventAdmin;
        this.clock = clock;
    }

    @Override
    public void handleEvent(Event event) {
        Object payload = event.getProperty(EventProperties.DATA);
        if (payload instanceof PackData data) {
            synchronized (this) {
                answered.computeIfAbsent(data.busId(), b -> new TreeSet<>()).add(data.address());
                if (current != null && !orphaned) {
                    return;
                }
                set(new SelectedPack(data.busId(), data.address(), false, clock.instant()));
            }
        } else if (payload instanceof BusStatus bus && bus.state() == BusState.CLOSED) {
            closed(bus.busId());
        }
    }

    private synchronized void closed(String busId) {
        List<String> order = new ArrayList<>(answered.keySet());
        int at = order.indexOf(busId);
        answered.remove(busId);
        if (current == null || !current.busId().equals(busId)) {
            return;
        }
        for (int i = 1; i < order.size(); i++) {
            String next = order.get((Math.max(at, 0) + i) % order.size());
            TreeSet<Integer> addresses = answered.get(next);
            if (addresses != null && !addresses.isEmpty()) {
                set(new SelectedPack(next, addresses.first(), false, clock.instant()));
                return;
            }
        }
        orphaned = true;
    }

    @Override
    public synchronized Optional<SelectedPack> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized boolean select(String busId, int address) {
        if (current != null && current.locked() && !orphaned) {
            return false;
        }
        if (current == null || orphaned || !current.busId().equals(busId) || current.address() != address) {
            set(new SelectedPack(busId, address, false, clock.instant()));
        }
        return true;
    }

    @Override
    public synchronized void setLocked(boolean locked) {
        if (current != null && current.locked() != locked) {
            set(new SelectedPack(current.busId(), current.address(), locked, clock.instant()));
        }
    }

    @Override
    public synchronized boolean isLocked() {
        return current != null && current.locked();
    }

    private void set(SelectedPack selected) {
        current = selected;
        orphaned = false;
        eventAdmin.postEvent(new Event(BmsTopics.PACK_SELECTED, EventProperties.of(selected)));
    }
}
