package org.bmsworkbench.ui.bus;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;

/**
 * A bus state as people are shown it. A bus that the connection service is reopening is not "Failed" (red, given
 * up) but "Retrying" (amber): a {@link BusState#RECONNECTING} bus, and a {@link BusState#FAILED} one whose detail
 * ends with "(retrying)". UI-free.
 */
public enum ShownBusState {
    OPENING, OPEN, RETRYING, CLOSED, FAILED;

    /** What the connection service appends to the detail of a failure it will retry. */
    public static final String RETRYING_SUFFIX = BusStatus.RETRYING_SUFFIX;

    public static ShownBusState of(BusState state, String detail) {
        return switch (state) {
            case OPENING -> OPENING;
            case OPEN -> OPEN;
            case RECONNECTING -> RETRYING;
            case CLOSED -> CLOSED;
            case FAILED -> detail != null && detail.strip().endsWith(RETRYING_SUFFIX) ? RETRYING : FAILED;
        };
    }

    /** The state named in an activity entry ({@code BusState.name()}), or null when it names no bus state. */
    public static ShownBusState of(String stateName, String detail) {
        for (BusState s : BusState.values()) {
            if (s.name().equals(stateName)) {
                return of(s, detail);
            }
        }
        return null;
    }
}
