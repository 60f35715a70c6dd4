package org.bmsworkbench.record.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * One value a trend chart can draw of a pack, read from a snapshot the same way for live values, recorded rows and
 * the recording's rollup: pack voltage, current, SOC, the lowest and highest cell and their spread, the lowest and
 * highest temperature, or one temperature sensor.
 *
 * @param kind   what is drawn
 * @param sensor the temperature sensor (0-based) for {@link Kind#SENSOR}, else -1
 */
public record TrendValue(Kind kind, int sensor) {

    /** What a trend value is. */
    public enum Kind {
        VOLTAGE("voltage", "V"), CURRENT("current", "A"), SOC("soc", "%"), CELL_MIN("cell_min", "V"),
        CELL_MAX("cell_max", "V"), CELL_SPREAD("cell_spread", "mV"), TEMP_MIN("temp_min", "\u00b0C"),
        TEMP_MAX("temp_max", "\u00b0C"), SENSOR("t", "\u00b0C");

        private final String column;
        private final String unit;

        Kind(String column, String unit) {
            this.column = column;
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }

    public static final TrendValue VOLTAGE = new TrendValue(Kind.VOLTAGE, -1);
    public static final TrendValue CURRENT = new TrendValue(Kind.CURRENT, -1);
    public static final TrendValue SOC = new TrendValue(Kind.SOC, -1);
    public static final TrendValue CELL_MIN = new TrendValue(Kind.CELL_MIN, -1);
    public static final TrendValue CELL_MAX = new TrendValue(Kind.CELL_MAX, -1);
    public static final TrendValue CELL_SPREAD = new TrendValue(Kind.CELL_SPREAD, -1);
    public static final TrendValue TEMP_MIN = new TrendValue(Kind.TEMP_MIN, -1);
    public static final TrendValue TEMP_MAX = new TrendValue(Kind.TEMP_MAX, -1);

    public TrendValue {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SENSOR ? sensor < 0 || sensor >= PackSnapshot.MAX_TEMPERATURES : sensor != -1) {
            throw new IllegalArgumentException("sensor " + sensor + " does not fit " + kind);
        }
    }

    /** Temperature sensor {@code index} (0-based). */
    public static TrendValue sensor(int index) {
        return new TrendValue(Kind.SENSOR, index);
    }

    /** Every value the rollup keeps, in its column order. */
    public static List<TrendValue> all() {
        List<TrendValue> all = new ArrayList<>(List.of(VOLTAGE, CURRENT, SOC, CELL_MIN, CELL_MAX, CELL_SPREAD,
                TEMP_MIN, TEMP_MAX));
        for (int i = 0; i < PackSnapshot.MAX_TEMPERATURES; i++) {
            all.add(sensor(i));
        }
        return List.copyOf(all);
    }

    /** Its column stem in the recording's {@code trend} table ({@code voltage}, {@code t3}). */
    public String column() {
        return kind == Kind.SENSOR ? "t" + (sensor + 1) : kind.column;
    }

    public String unit() {
        return kind.unit;
    }

    /**
     * The value in a snapshot, {@code NaN} when the pack did not report it. Cell extremes come from the cells read
     * (the pack's own min/max cell values when it sent no cells); the spread is in mV.
     */
    public double of(PackSnapshot s) {
        return switch (kind) {
            case VOLTAGE -> s.get(Quantity.VOLTAGE);
            case CURRENT -> s.get(Quantity.CURRENT);
            case SOC -> s.get(Quantity.SOC);
            case CELL_MIN -> cells(s)[0];
            case CELL_MAX -> cells(s)[1];
            case CELL_SPREAD -> {
                double[] c = cells(s);
                yield Double.isNaN(c[0]) || Double.isNaN(c[1]) ? Double.NaN
                        : Math.round((c[1] - c[0]) * 1_000_000.0) / 1000.0;
            }
            case TEMP_MIN -> temps(s)[0];
            case TEMP_MAX -> temps(s)[1];
            case SENSOR -> sensor < s.temperatureCount() ? s.temperature(sensor) : Double.NaN;
        };
    }

    private static double[] cells(PackSnapshot s) {
        double[] stats = s.cellStatistics();
        if (Double.isNaN(stats[0])) {
            return new double[] { s.get(Quantity.MIN_CELL_VOLTAGE), s.get(Quantity.MAX_CELL_VOLTAGE) };
        }
        return stats;
    }

    private static double[] temps(PackSnapshot s) {
        double min = Double.NaN;
        double max = Double.NaN;
        for (int i = 0; i < s.temperatureCount(); i++) {
            double t = s.temperature(i);
            if (!Double.isNaN(t)) {
                min = Double.isNaN(min) ? t : Math.min(min, t);
                max = Double.isNaN(max) ? t : Math.max(max, t);
            }
        }
        if (Double.isNaN(min)) {
            return new double[] { s.get(Quantity.MIN_CELL_TEMPERATURE), s.get(Quantity.MAX_CELL_TEMPERATURE) };
        }
        return new double[] { min, max };
    }
}
