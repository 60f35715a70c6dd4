package org.bmsworkbench.model;

/**
 * The status groups of the reference host software's monitoring page, in the order it shows them.
 */
public enum FlagCategory {
    /** What the pack is doing: FETs, charging, heating, buzzer. */
    SYSTEM,
    /** A threshold has been crossed; the pack keeps running. */
    ALARM,
    /** A threshold has been crossed and the pack has opened a FET or otherwise acted. */
    PROTECTION,
    /** Self-test faults of the board (FET failures, sensing failures, memory, clock). */
    DETECTION,
    /** Functions the board has enabled. */
    CONTROL
}
