package org.bmsworkbench.model;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the alarm record a board stores on every alarm or protection change.
 *
 * @param index   position in the board's record store, 0 for the oldest
 * @param time    the board's own clock when the change happened
 * @param mode    what the pack was doing
 * @param active  the alarm and protection flags active after the change
 * @param code    the board's own event code, kept for field debugging
 * @param values  voltage, current, SOC, cell extremes and temperatures at the change
 */
public record AlarmRecord(int index, LocalDateTime time, OperatingMode mode, Set<PackFlag> active, int code,
        PackSnapshot values) {
    public AlarmRecord {
        if (index < 0) {
            throw new IllegalArgumentException("record index " + index + " is negative");
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(mode, "mode");
        active = Set.copyOf(active);
        Objects.requireNonNull(values, "values");
    }
}
