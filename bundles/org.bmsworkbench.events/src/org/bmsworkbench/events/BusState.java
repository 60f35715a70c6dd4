package org.bmsworkbench.events;

/** Life cycle of one bus (one serial port, TCP gateway or simulated bus). */
public enum BusState {
    /** The port is being opened. */
    OPENING,
    /** The port is open and being polled. */
    OPEN,
    /** The port was lost (adapter unplugged, gateway gone) and is being reopened with backoff. */
    RECONNECTING,
    /** Closed by the user or never opened. */
    CLOSED,
    /** Could not be opened; {@link BusStatus#detail()} says why. */
    FAILED;

    /** Whether packs on a bus in this state can be answering. */
    public boolean isLive() {
        return this == OPEN;
    }
}
