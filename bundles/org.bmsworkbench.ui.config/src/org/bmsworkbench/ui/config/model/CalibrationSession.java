package org.bmsworkbench.ui.config.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.config.CalibrationChecks;
import org.bmsworkbench.config.CalibrationKind;
import org.bmsworkbench.config.Steadiness;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.setup.CalibrationReading;

/**
 * What the calibration wizard judges on the live values, without SWT: the readings of the chosen quantity, whether
 * they have been steady long enough (current below the limit for current zero), and whether a reference is
 * plausible against them. Fed with every snapshot the wizard sees.
 */
public final class CalibrationSession {

    private final CalibrationKind kind;
    private final List<Integer> sensors;
    private final Map<Integer, Steadiness> steadiness = new LinkedHashMap<>();
    private PackSnapshot last;

    public CalibrationSession(CalibrationKind kind, List<Integer> sensors) {
        this.kind = kind;
        this.sensors = kind == CalibrationKind.VOLTAGE || kind == CalibrationKind.CURRENT_ZERO ? List.of(0)
                : List.copyOf(sensors);
        // the voltage's window is set by its first reading (0.2 % of the pack voltage)
        if (kind != CalibrationKind.VOLTAGE) {
            for (int s : this.sensors) {
                steadiness.put(s, kind == CalibrationKind.CURRENT_ZERO
                        ? Steadiness.below(CalibrationChecks.ZERO_MAX_AMPS, CalibrationChecks.ZERO_STEADY_SECONDS)
                        : Steadiness.within(CalibrationChecks.TEMPERATURE_STEADY_SPAN,
                                CalibrationChecks.TEMPERATURE_STEADY_SECONDS));
            }
        }
    }

    public CalibrationKind kind() {
        return kind;
    }

    /** The sensors calibrated (0 for voltage and current). */
    public List<Integer> sensors() {
        return sensors;
    }

    /** The sensors a pack offers: T1..Tn, then ENV and MOS when it reports them. */
    public static List<Integer> sensorsOf(PackSnapshot s) {
        List<Integer> list = new ArrayList<>();
        if (s == null) {
            return list;
        }
        for (int i = 0; i < s.temperatureCount(); i++) {
            if (!Double.isNaN(s.temperature(i))) {
                list.add(i + 1);
            }
        }
        if (!Double.isNaN(s.find(Quantity.ENVIRONMENT_TEMPERATURE).orElse(Double.NaN))) {
            list.add(CalibrationReading.SENSOR_ENVIRONMENT);
        }
        if (!Double.isNaN(s.find(Quantity.MOSFET_TEMPERATURE).orElse(Double.NaN))) {
            list.add(CalibrationReading.SENSOR_MOSFET);
        }
        return list;
    }

    /** The reading for {@code sensor} (0: voltage or current) in a snapshot; NaN when it has none. */
    public double reading(PackSnapshot s, int sensor) {
        if (s == null) {
            return Double.NaN;
        }
        return switch (kind) {
            case VOLTAGE -> s.find(Quantity.VOLTAGE).orElse(Double.NaN);
            case CURRENT_ZERO -> s.find(Quantity.CURRENT).orElse(Double.NaN);
            default -> switch (sensor) {
                case CalibrationReading.SENSOR_ENVIRONMENT -> s.find(Quantity.ENVIRONMENT_TEMPERATURE).orElse(Double.NaN);
                case CalibrationReading.SENSOR_MOSFET -> s.find(Quantity.MOSFET_TEMPERATURE).orElse(Double.NaN);
                default -> sensor >= 1 && sensor <= s.temperatureCount() ? s.temperature(sensor - 1) : Double.NaN;
            };
        };
    }

    /** A snapshot at {@code seconds} on a monotonic clock (the snapshot's own time is the poll's). */
    public void feed(PackSnapshot s, double seconds) {
        if (s == null || s == last) {
            return;
        }
        last = s;
        if (kind == CalibrationKind.VOLTAGE && steadiness.isEmpty()) {
            double volts = reading(s, 0);
            if (Double.isNaN(volts)) {
                return;
            }
            steadiness.put(0, Steadiness.within(Math.max(0.005, volts * CalibrationChecks.VOLTAGE_STEADY_FRACTION),
                    CalibrationChecks.VOLTAGE_STEADY_SECONDS));
        }
        for (Map.Entry<Integer, Steadiness> e : steadiness.entrySet()) {
            e.getValue().add(seconds, reading(s, e.getKey()));
        }
    }

    /** Whether every reading has been steady for its whole window. */
    public boolean steady() {
        return !steadiness.isEmpty() && steadiness.values().stream().allMatch(Steadiness::steady);
    }

    /** The shortest time any reading has been steady, seconds. */
    public double steadyFor() {
        return steadiness.values().stream().mapToDouble(Steadiness::steadyFor).min().orElse(0);
    }

    public double window() {
        return switch (kind) {
            case VOLTAGE -> CalibrationChecks.VOLTAGE_STEADY_SECONDS;
            case CURRENT_ZERO -> CalibrationChecks.ZERO_STEADY_SECONDS;
            default -> CalibrationChecks.TEMPERATURE_STEADY_SECONDS;
        };
    }

    /**
     * Why {@code reference} cannot be right against the latest readings, in English, or {@code null}. Current zero
     * takes no reference.
     */
    public String referenceProblem(double reference) {
        if (kind == CalibrationKind.CURRENT_ZERO) {
            return null;
        }
        for (int s : sensors) {
            double r = reading(last, s);
            String p = kind == CalibrationKind.VOLTAGE ? CalibrationChecks.voltageProblem(r, reference)
                    : CalibrationChecks.temperatureProblem(r, reference);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    public PackSnapshot last() {
        return last;
    }
}
