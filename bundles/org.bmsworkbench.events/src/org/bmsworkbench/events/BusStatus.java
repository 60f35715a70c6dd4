package org.bmsworkbench.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Payload of {@link BmsTopics#BUS_STATE}.
 *
 * @param busId    stable id of the bus within this workbench session, e.g. {@code "bus-1"}
 * @param label    what the user chose, e.g. {@code "/dev/ttyUSB0 9600 8N1"} or {@code "Simulated bus"}
 * @param protocol protocol id, e.g. {@code "modbus-native"}
 * @param state    new state
 * @param detail   why (an error message for {@link BusState#FAILED} and {@link BusState#RECONNECTING}),
 *                 empty when there is nothing to say
 * @param time     when the state was entered
 */
public record BusStatus(String busId, String label, String protocol, BusState state, String detail, Instant time) {

    /** The label of a simulated bus, so that every view can mark its values as not from a real battery. */
    public static final String SIMULATED_LABEL = "Simulated bus";

    public BusStatus {
        Checks.busId(busId);
        label = label == null ? "" : label;
        protocol = protocol == null ? "" : protocol;
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(time, "time");
    }

    /** What the connection service appends to the detail of a failure it will retry. */
    public static final String RETRYING_SUFFIX = "(retrying)";

    /**
     * Whether the connection service is still trying to open this bus: reconnecting, or failed with a retry
     * pending. People are shown "Retrying", not "Failed", for it.
     */
    public boolean retrying() {
        return state == BusState.RECONNECTING || state == BusState.FAILED && detail.strip().endsWith(RETRYING_SUFFIX);
    }

    public boolean isSimulated() {
        return SIMULATED_LABEL.equals(label);
    }

    /**
     * The start of the id of a bus that replays a recording ({@code replay-1}): what it publishes was recorded
     * earlier, nothing can be sent to it, and the recorder does not record it again.
     */
    public static final String REPLAY_ID_PREFIX = "replay-";

    /** Whether the bus with this id replays a recording. */
    public static boolean isReplayBus(String busId) {
        return busId != null && busId.startsWith(REPLAY_ID_PREFIX);
    }

    public boolean isReplay() {
        return isReplayBus(busId);
    }
}
