package org.bmsworkbench.core.live;

import java.time.Clock;
import java.util.Optional;

import org.bmsworkbench.events.BmsTopics;
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

/** DS component holding the {@link PackSelection}; selects the first pack that answers when nothing is selected. */
@Component(service = { PackSelection.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + BmsTopics.PACK_SNAPSHOT)
public final class PackSelectionTracker implements PackSelection, EventHandler {

    private final EventAdmin eventAdmin;
    private final Clock clock;
    private SelectedPack current;

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
        if (event.getProperty(EventProperties.DATA) instanceof PackData data) {
            synchronized (this) {
                if (current != null) {
                    return;
                }
                set(new SelectedPack(data.busId(), data.address(), false, clock.instant()));
            }
        }
    }

    @Override
    public synchronized Optional<SelectedPack> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized boolean select(String busId, int address) {
        if (current != null && current.locked()) {
            return false;
        }
        if (current == null || !current.busId().equals(busId) || current.address() != address) {
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
        eventAdmin.postEvent(new Event(BmsTopics.PACK_SELECTED, EventProperties.of(selected)));
    }
}
