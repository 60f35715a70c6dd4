package org.bmsworkbench.core.live;

import java.util.List;
import java.util.Optional;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.LiveChanged;
import org.bmsworkbench.events.PackData;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * DS component keeping {@link LiveData} from the snapshot events, and announcing each snapshot it kept on
 * {@link BmsTopics#LIVE_CHANGED}; a closed bus's packs are forgotten.
 */
@Component(service = { LiveData.class, EventHandler.class },
        property = { EventConstants.EVENT_TOPIC + "=" + BmsTopics.PACK_SNAPSHOT,
                EventConstants.EVENT_TOPIC + "=" + BmsTopics.BUS_STATE })
public final class LiveDataTracker implements LiveData, EventHandler {

    private final LiveDataStore store = new LiveDataStore();
    private final EventAdmin eventAdmin;

    @Activate
    public LiveDataTracker(@Reference EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void handleEvent(Event event) {
        Object payload = event.getProperty(EventProperties.DATA);
        if (payload instanceof PackData data) {
            if (store.put(data)) {
                LiveChanged changed = new LiveChanged(data.busId(), data.address(), store.revision());
                eventAdmin.postEvent(new Event(BmsTopics.LIVE_CHANGED, EventProperties.of(changed)));
            }
        } else if (payload instanceof BusStatus bus && bus.state() == BusState.CLOSED) {
            store.forget(bus.busId());
        }
    }

    @Override
    public Optional<PackData> latest(String busId, int address) {
        return store.latest(busId, address);
    }

    @Override
    public List<PackData> packs(String busId) {
        return store.packs(busId);
    }

    @Override
    public long revision() {
        return store.revision();
    }
}
