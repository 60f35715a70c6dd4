package org.bmsworkbench.model;

import java.util.List;
import java.util.Objects;

/**
 * One row of a pack's parameter page: what it is, its unit and the range the device accepts.
 * Values are in the SI-style units of {@link Quantity} (V, A, Ah, &deg;C, %), whatever the wire carries.
 *
 * @param key        stable identifier, used in maps, files and exports
 * @param label      English label, as the reference host software names the row
 * @param unit       unit of the value, empty for counts and switches
 * @param minimum    smallest value the device accepts
 * @param maximum    largest value the device accepts
 * @param resolution smallest step the wire can carry (values are rounded to it)
 * @param choices    names of the values 0..n-1 for a choice or switch, empty for a number
 * @param section    the group of the page the row belongs to, as the map or variant file names it (see
 *                   {@link #SECTIONS}); {@link #DEFAULT_SECTION} when the file names none
 * @param labelZh    Chinese label from the map or variant file, empty when it has none (show {@link #label()})
 */
public record ParameterDefinition(String key, String label, String unit, double minimum, double maximum,
        double resolution, List<String> choices, String section, String labelZh) {

    /** The section of a row whose file names none. */
    public static final String DEFAULT_SECTION = "other";

    /**
     * The sections of a parameter page, in page order: general settings, voltages, currents, temperatures,
     * SOC, timing, function control, alarm control, protection control, other control. A row of another
     * section is shown after these.
     */
    public static final List<String> SECTIONS = List.of("general", "voltage", "current", "temperature", "soc",
            "timing", "function", "alarm", "protection", "other");

    public ParameterDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        choices = List.copyOf(choices);
        section = section == null || section.isBlank() ? DEFAULT_SECTION : section;
        labelZh = labelZh == null ? "" : labelZh;
        if (!(minimum <= maximum)) {
            throw new IllegalArgumentException(key + ": minimum " + minimum + " is above maximum " + maximum);
        }
        if (!(resolution > 0)) {
            throw new IllegalArgumentException(key + ": resolution must be positive");
        }
        if (!choices.isEmpty() && (minimum != 0 || maximum != choices.size() - 1)) {
            throw new IllegalArgumentException(key + ": a choice runs from 0 to " + (choices.size() - 1));
        }
    }

    /** A row without section or Chinese label (the {@link #DEFAULT_SECTION}, the English label everywhere). */
    public ParameterDefinition(String key, String label, String unit, double minimum, double maximum,
            double resolution, List<String> choices) {
        this(key, label, unit, minimum, maximum, resolution, choices, DEFAULT_SECTION, "");
    }

    /** This row in {@code section} with the Chinese label {@code labelZh} (empty: none). */
    public ParameterDefinition withPresentation(String section, String labelZh) {
        return new ParameterDefinition(key, label, unit, minimum, maximum, resolution, choices, section, labelZh);
    }

    /** The label for a language tag ({@code zh} gives the Chinese label when there is one), else the English one. */
    public String label(String language) {
        return language != null && language.startsWith("zh") && !labelZh.isEmpty() ? labelZh : label;
    }

    public static ParameterDefinition number(String key, String label, String unit, double minimum,
            double maximum, double resolution) {
        return new ParameterDefinition(key, label, unit, minimum, maximum, resolution, List.of());
    }

    public static ParameterDefinition choice(String key, String label, List<String> choices) {
        return new ParameterDefinition(key, label, "", 0, choices.size() - 1, 1, choices);
    }

    public boolean isChoice() {
        return !choices.isEmpty();
    }

    /**
     * Why {@code value} cannot be sent to the device, or {@code null} when it can. The message names the
     * parameter and the accepted range, for showing to the user as it is.
     */
    public String problemWith(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return label + ": not a number";
        }
        double rounded = round(value);
        if (rounded < minimum - resolution / 1000 || rounded > maximum + resolution / 1000) {
            return label + ": " + format(value) + " " + unit + " is outside " + format(minimum) + " .. "
                    + format(maximum) + (unit.isEmpty() ? "" : " " + unit);
        }
        return null;
    }

    /** {@code value} rounded to the resolution. */
    public double round(double value) {
        return Math.round(value / resolution) * resolution;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
