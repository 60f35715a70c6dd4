package org.bmsworkbench.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bmsworkbench.control.Phrase;
import org.bmsworkbench.protocol.setup.CalibrationReading;

/**
 * A calibration as it went: the reading before, the reference given, the reading after, per sensor for
 * temperatures, and the residual error (after − reference).
 */
public record CalibrationResult(CalibrationKind kind, double reference, List<Step> steps) {

    public CalibrationResult {
        steps = List.copyOf(steps);
    }

    /**
     * One corrected quantity.
     *
     * @param sensor 0 for voltage and current, else the sensor number
     * @param before the reading before
     * @param after  the reading after
     */
    public record Step(int sensor, double before, double after, double reference) {

        public double residual() {
            return after - reference;
        }
    }

    /** The largest residual error by magnitude; NaN when a reading is missing. */
    public double worstResidual() {
        double worst = 0;
        for (Step s : steps) {
            if (Double.isNaN(s.residual())) {
                return Double.NaN;
            }
            if (Math.abs(s.residual()) > Math.abs(worst)) {
                worst = s.residual();
            }
        }
        return worst;
    }

    /** The residual a good calibration leaves at most: the step's resolution and the sensor's noise. */
    public double tolerance() {
        return tolerance(kind, reference);
    }

    static double tolerance(CalibrationKind kind, double reference) {
        return switch (kind) {
            case VOLTAGE -> Math.max(0.02, Math.abs(reference) * 0.001);
            case CURRENT_ZERO -> 0.1;
            case TEMPERATURE, ALL_TEMPERATURES -> 0.3;
        };
    }

    public boolean withinTolerance() {
        double w = worstResidual();
        return !Double.isNaN(w) && Math.abs(w) <= tolerance();
    }

    /** The unit of the readings. */
    public String unit() {
        return switch (kind) {
            case VOLTAGE -> "V";
            case CURRENT_ZERO -> "A";
            case TEMPERATURE, ALL_TEMPERATURES -> "\u00b0C";
        };
    }

    /** For the audit log: {@code 52.310 V -> 52.401 V (reference 52.400 V, residual +0.001 V)}. */
    public String summary() {
        return phrase().english();
    }

    /** The summary, to be worded in a view's language; several sensors are one clause each. */
    public Phrase phrase() {
        String f = kind == CalibrationKind.VOLTAGE || kind == CalibrationKind.CURRENT_ZERO ? "%.3f" : "%.1f";
        List<Phrase> clauses = new ArrayList<>();
        for (Step s : steps) {
            clauses.add(Phrase.of("calibration.step", s.sensor() > 0 ? sensorName(s.sensor()) + " " : "",
                    String.format(Locale.ROOT, f + " %s", s.before(), unit()),
                    String.format(Locale.ROOT, f + " %s", s.after(), unit()),
                    String.format(Locale.ROOT, f + " %s", s.reference(), unit()),
                    String.format(Locale.ROOT, "%+" + f.substring(1) + " %s", s.residual(), unit())));
        }
        return Phrase.all(clauses);
    }

    /** T1..T33, ENV, MOS. */
    public static String sensorName(int sensor) {
        return switch (sensor) {
            case CalibrationReading.SENSOR_ENVIRONMENT -> "ENV";
            case CalibrationReading.SENSOR_MOSFET -> "MOS";
            default -> "T" + sensor;
        };
    }
}
