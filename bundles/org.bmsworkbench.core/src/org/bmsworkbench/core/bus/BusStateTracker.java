package org.bmsworkbench.core.bus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.OverviewChanged;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Declarative Services component that keeps the {@link BusStateRegistry} from the bus and pack events and
 * announces every applied change on {@link BmsTopics#OVERVIEW_CHANGED}.
 */
@Component(service = { BusStateRegistry.class, EventHandler.class },
        property = { EventConstants.EVENT_TOPIC + "=" + BmsTopics.BUS_STATE,
                EventConstants.EVENT_TOPIC + "=" + BmsTopics.PACK_STATE,
                EventConstants.EVENT_TOPIC + "=" + BmsTopics.RECORDING_STATE })
public final class BusStateTracker implements BusStateRegistry, EventHandler {

    private final EventAdmin eventAdmin;
    private final BusStateStore store;
    private final Clock clock;

    @Activate
    public BusStateTracker(@Reference EventAdmin eventAdmin) {
        this(eventAdmin, new BusStateStore(), Clock.systemUTC());
    }

    /** For tests: a given store and clock. */
    public BusStateTracker(EventAdmin eventAdmin, BusStateStore store, Clock clock) {
        this.eventAdmin = eventAdmin;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void handleEvent(Event event) {
        Object payload = event.getProperty(EventProperties.DATA);
        if (store.apply(payload)) {
            OverviewChanged changed = new OverviewChanged(store.revision(), clock.instant());
            eventAdmin.postEvent(new Event(BmsTopics.OVERVIEW_CHANGED, EventProperties.of(changed)));
        }
    }

    @Override
    public Overview overview(Instant now) {
        return store.overview(now);
    }

    @Override
    public List<ActivityEntry> activity() {
        return store.activity();
    }

    @Override
    public long revision() {
        return store.revision();
    }
}
