package org.bmsworkbench.model;

import java.util.Objects;

/**
 * A rule between two rows of a parameter page: the value of {@code lower} must be below the value of
 * {@code higher} (or equal to it when not {@code strict}). Map and variant files declare them: a recovery on the
 * safe side of its threshold, an alarm before its protection, over-current level 2 above level 1, heating stops
 * above its start, the fan stops below its start. The host checks them before it sends a page, and a device
 * refuses a page that breaks one.
 *
 * @param lower  key of the row that must be the smaller
 * @param higher key of the row that must be the larger
 * @param strict whether the two may not be equal
 */
public record ParameterRelation(String lower, String higher, boolean strict) {

    public ParameterRelation {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(higher, "higher");
        if (lower.equals(higher)) {
            throw new IllegalArgumentException("a relation joins two rows, not " + lower + " to itself");
        }
    }

    /** A strict relation: {@code lower} must be below {@code higher}. */
    public static ParameterRelation below(String lower, String higher) {
        return new ParameterRelation(lower, higher, true);
    }

    /** Whether the two values keep the rule; a missing value (NaN) keeps it, since nothing can be said. */
    public boolean holds(double lowerValue, double higherValue) {
        if (Double.isNaN(lowerValue) || Double.isNaN(higherValue)) {
            return true;
        }
        return strict ? lowerValue < higherValue : lowerValue <= higherValue;
    }

    /** Whether the rule names {@code key}. */
    public boolean involves(String key) {
        return lower.equals(key) || higher.equals(key);
    }

    /** The rule as a map file writes it, e.g. {@code cellHighVoltageAlarmRecovery < cellHighVoltageAlarm}. */
    @Override
    public String toString() {
        return lower + (strict ? " < " : " <= ") + higher;
    }
}
