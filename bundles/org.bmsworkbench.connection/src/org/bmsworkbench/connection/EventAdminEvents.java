package org.bmsworkbench.connection;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.LinkStatistics;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackStatus;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts what a bus reports to EventAdmin, asynchronously, so the bus thread never waits for a listener. */
public final class EventAdminEvents implements BusEvents {

    private final EventAdmin eventAdmin;

    public EventAdminEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    private void post(String topic, Object payload) {
        eventAdmin.postEvent(new Event(topic, EventProperties.of(payload)));
    }

    @Override
    public void busState(BusStatus status) {
        post(BmsTopics.BUS_STATE, status);
    }

    @Override
    public void packState(PackStatus status) {
        post(BmsTopics.PACK_STATE, status);
    }

    @Override
    public void snapshot(PackData data) {
        post(BmsTopics.PACK_SNAPSHOT, data);
    }

    @Override
    public void flag(FlagChange change) {
        post(BmsTopics.PACK_FLAG, change);
    }

    @Override
    public void link(LinkStatistics statistics) {
        post(BmsTopics.BUS_LINK_STATISTICS, statistics);
    }

    @Override
    public void frame(FrameRecord record) {
        post(BmsTopics.BUS_FRAME, record);
    }

    @Override
    public void progress(CommandProgress progress) {
        post(BmsTopics.COMMAND_PROGRESS, progress);
    }
}
