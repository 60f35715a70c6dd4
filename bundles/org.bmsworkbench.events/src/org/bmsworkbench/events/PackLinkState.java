package org.bmsworkbench.events;

/** Whether a pack's values are current. */
public enum PackLinkState {
    /** The pack answered its last poll. */
    ONLINE,
    /** The pack answered before, but not recently enough for its values to count as current. */
    STALE,
    /** The pack does not answer (or its bus is not open); it is re-probed with backoff. */
    OFFLINE,
    /**
     * The pack was sent into forced hibernation and does not answer until RS485 activity or a charger wakes it:
     * silent on purpose, not a failure. It is counted back when it answers.
     */
    HIBERNATING;
}
