package org.bmsworkbench.config;

import java.util.Locale;

/**
 * What the wizard checks before anything is sent: the reference must be plausible against the board's reading
 * (a meter on the wrong range or a thermometer in the wrong place is caught here, not by the board), and the
 * reading must be steady.
 */
public final class CalibrationChecks {

    /** A meter's pack voltage may differ from the board's by at most 5 % (the board's own window). */
    public static final double VOLTAGE_WINDOW = 0.05;
    /** A thermometer may differ from the sensor by at most 10 °C (the board's own window). */
    public static final double TEMPERATURE_WINDOW = 10;
    /** Current zero: |I| must stay below this for {@link #ZERO_STEADY_SECONDS}. */
    public static final double ZERO_MAX_AMPS = 1.0;
    public static final double ZERO_STEADY_SECONDS = 5;
    /** A temperature counts as stable when it moved at most this much over {@link #TEMPERATURE_STEADY_SECONDS}. */
    public static final double TEMPERATURE_STEADY_SPAN = 0.3;
    public static final double TEMPERATURE_STEADY_SECONDS = 10;
    /** A pack voltage counts as stable when it moved at most this fraction over 5 s. */
    public static final double VOLTAGE_STEADY_FRACTION = 0.002;
    public static final double VOLTAGE_STEADY_SECONDS = 5;

    private CalibrationChecks() {
    }

    /** Why a meter's reading cannot be right, in one English line, or {@code null}. */
    public static String voltageProblem(double reading, double reference) {
        if (Double.isNaN(reading) || reading <= 0) {
            return "the pack reports no voltage to compare with";
        }
        if (!(reference > 0)) {
            return "enter the voltage the meter shows, in volts";
        }
        if (Math.abs(reference - reading) > VOLTAGE_WINDOW * reading) {
            return String.format(Locale.ROOT, "%.3f V is more than 5 %% from the pack's %.3f V: check the meter",
                    reference, reading);
        }
        return null;
    }

    /** Why a thermometer's reading cannot be right, in one English line, or {@code null}. */
    public static String temperatureProblem(double reading, double reference) {
        if (Double.isNaN(reading)) {
            return "the sensor cannot be read: it is missing or broken";
        }
        if (Double.isNaN(reference) || reference < -40 || reference > 125) {
            return "enter the temperature the thermometer shows, in \u00b0C (-40..125)";
        }
        if (Math.abs(reference - reading) > TEMPERATURE_WINDOW) {
            return String.format(Locale.ROOT, "%.1f \u00b0C is more than 10 \u00b0C from the sensor's %.1f \u00b0C: "
                    + "check the thermometer and where it is", reference, reading);
        }
        return null;
    }
}
