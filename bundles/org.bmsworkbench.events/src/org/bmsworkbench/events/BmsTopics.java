package org.bmsworkbench.events;

/**
 * Every EventAdmin topic that BMS Workbench publishes, declared in one place.
 * <p>
 * Publishers put the payload under {@link EventProperties#DATA} (the key e4's {@code IEventBroker} uses), so
 * parts can receive it with {@code @UIEventTopic}, and plain OSGi handlers read
 * {@code event.getProperty(EventProperties.DATA)} and check its type.
 * Rates and payloads are documented in {@code docs/events.md}; keep the two in step.
 */
public final class BmsTopics {

    /** Prefix of every BMS Workbench topic. */
    public static final String ROOT = "org/bmsworkbench";

    /** Matches every BMS Workbench topic (for loggers and the communication record). */
    public static final String ALL = ROOT + "/*";

    /** A bus changed state (opening, open, reconnecting, closed, failed). Payload: {@link BusStatus}. */
    public static final String BUS_STATE = ROOT + "/bus/state";

    /** Link counters of one bus, at most once a second per bus. Payload: {@link LinkStatistics}. */
    public static final String BUS_LINK_STATISTICS = ROOT + "/bus/link";

    /**
     * One entry of the communication record: a frame sent, or what came back for one attempt, with its
     * outcome. As many as the line carries (tens to hundreds a second). Payload: {@link FrameRecord}.
     */
    public static final String BUS_FRAME = ROOT + "/bus/frame";

    /** Matches all bus topics. */
    public static final String BUS_ALL = ROOT + "/bus/*";

    /** A pack's link state changed (online, stale, offline). Payload: {@link PackStatus}. */
    public static final String PACK_STATE = ROOT + "/pack/state";

    /**
     * Everything one poll of a pack read, consistent within itself; one per pack per poll.
     * Payload: {@link PackData}.
     */
    public static final String PACK_SNAPSHOT = ROOT + "/pack/snapshot";

    /** An alarm, protection or detection flag of a pack was raised or cleared. Payload: {@link FlagChange}. */
    public static final String PACK_FLAG = ROOT + "/pack/flag";

    /** Matches all pack topics. */
    public static final String PACK_ALL = ROOT + "/pack/*";

    /**
     * The bus-state registry applied one or more bus or pack state changes. Payload: {@link OverviewChanged}.
     * Views that show bus and pack state listen to this rather than to {@link #BUS_STATE} and
     * {@link #PACK_STATE}, so that what they read from the registry already includes the change.
     */
    public static final String OVERVIEW_CHANGED = ROOT + "/overview/changed";

    /**
     * The live-data store took a newer snapshot of a pack: one per {@link #PACK_SNAPSHOT} it kept.
     * Payload: {@link LiveChanged}.
     */
    public static final String LIVE_CHANGED = ROOT + "/live/changed";

    /** The pack the per-pack views show changed, or its Lock was switched. Payload: {@link SelectedPack}. */
    public static final String PACK_SELECTED = ROOT + "/selection/pack";

    /** The protected functions were unlocked or locked again. Payload: {@link AccessState}. */
    public static final String ACCESS_CHANGED = ROOT + "/access/changed";

    /** A queued command was queued, advanced, or ended. Payload: {@link CommandProgress}. */
    public static final String COMMAND_PROGRESS = ROOT + "/command/progress";

    /**
     * The session recorder's state changed, or its figures moved (duration, size, rows, skipped snapshots):
     * on every start, pause, resume, stop and failure, and at most twice a second while recording, after a
     * commit. Payload: {@link RecordingStatus}.
     */
    public static final String RECORDING_STATE = ROOT + "/recording/state";

    /**
     * The workbench's MQTT publisher connected, lost or gave up on its broker, was switched on or off, or its
     * figures moved (messages published, buffered, dropped): at most once a second while they move. Payload:
     * {@link MqttStatus}.
     */
    public static final String MQTT_STATE = ROOT + "/mqtt/state";

    /** The serial ports of this computer changed (an adapter plugged in or out). Payload: {@link PortList}. */
    public static final String PORTS_CHANGED = ROOT + "/ports/changed";

    private BmsTopics() {
    }
}
