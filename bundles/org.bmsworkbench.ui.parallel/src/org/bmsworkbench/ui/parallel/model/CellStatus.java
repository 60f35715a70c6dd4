package org.bmsworkbench.ui.parallel.model;

/** How one value of the parallel grid is to be shown. */
public enum CellStatus {
    /** A current value within its plausible range and not named by any of the pack's alarm flags. */
    NORMAL,
    /** The pack reports an alarm or protection flag for this value. */
    ALARM,
    /** The value cannot be right (SOC above 100 %, a negative capacity, a cell at 7 V): a sensing or decoding fault. */
    OUT_OF_RANGE,
    /** The pack is stale or offline: the value is the last one it gave, not a current one. */
    STALE,
    /** The pack did not report this value (or has no such cell or sensor). */
    ABSENT
}
