package org.bmsworkbench.records;

import java.time.LocalDateTime;
import java.util.List;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/** The values a record holds and the checks that find the impossible ones. */
public final class RecordValues {

    /** The quantities of a record, in the order of the pages' columns. */
    public static final List<Quantity> QUANTITIES = List.of(Quantity.VOLTAGE, Quantity.CURRENT, Quantity.SOC,
            Quantity.MIN_CELL_VOLTAGE, Quantity.MAX_CELL_VOLTAGE, Quantity.ENVIRONMENT_TEMPERATURE,
            Quantity.MOSFET_TEMPERATURE);

    /** The years a board's clock shows when it was never set: its reset value, or the Unix epoch. */
    public static final List<Integer> UNSET_CLOCK_YEARS = List.of(2000, 1970);

    private RecordValues() {
    }

    /** Whether a record stamped {@code time} was stored by a board whose clock was never set. */
    public static boolean clockNotSet(LocalDateTime time) {
        return time != null && UNSET_CLOCK_YEARS.contains(time.getYear());
    }

    /** Why the values of a record cannot be true, or {@code ""} when they can. */
    public static String impossible(PackSnapshot v) {
        StringBuilder why = new StringBuilder();
        check(why, v.get(Quantity.VOLTAGE), 0, 1000, "voltage", "V");
        check(why, v.get(Quantity.CURRENT), -2000, 2000, "current", "A");
        check(why, v.get(Quantity.SOC), 0, 100, "SOC", "%");
        check(why, v.get(Quantity.MIN_CELL_VOLTAGE), 0, 5.5, "MinV", "V");
        check(why, v.get(Quantity.MAX_CELL_VOLTAGE), 0, 5.5, "MaxV", "V");
        double min = v.get(Quantity.MIN_CELL_VOLTAGE);
        double max = v.get(Quantity.MAX_CELL_VOLTAGE);
        if (!Double.isNaN(min) && !Double.isNaN(max) && min > max) {
            append(why, "MinV " + min + " V is above MaxV " + max + " V");
        }
        check(why, v.get(Quantity.ENVIRONMENT_TEMPERATURE), -60, 150, "Env", "\u00b0C");
        check(why, v.get(Quantity.MOSFET_TEMPERATURE), -60, 200, "FET", "\u00b0C");
        for (int i = 0; i < v.temperatureCount(); i++) {
            check(why, v.temperature(i), -60, 150, "T" + (i + 1), "\u00b0C");
        }
        return why.toString();
    }

    private static void check(StringBuilder why, double value, double min, double max, String name, String unit) {
        if (!Double.isNaN(value) && (value < min || value > max)) {
            append(why, name + " " + value + " " + unit + " is outside " + min + ".." + max);
        }
    }

    private static void append(StringBuilder why, String text) {
        if (why.length() > 0) {
            why.append("; ");
        }
        why.append(text);
    }
}
