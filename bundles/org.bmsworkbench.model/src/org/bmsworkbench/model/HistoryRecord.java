package org.bmsworkbench.model;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One row of the data record a board stores at its storage interval.
 *
 * @param index  position in the board's record store, 0 for the oldest
 * @param time   the board's own clock when the row was stored (boards keep local time, no zone)
 * @param mode   what the pack was doing
 * @param values voltage, current, SOC, cell extremes and temperatures as stored
 */
public record HistoryRecord(int index, LocalDateTime time, OperatingMode mode, PackSnapshot values) {
    public HistoryRecord {
        if (index < 0) {
            throw new IllegalArgumentException("record index " + index + " is negative");
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(values, "values");
    }
}
