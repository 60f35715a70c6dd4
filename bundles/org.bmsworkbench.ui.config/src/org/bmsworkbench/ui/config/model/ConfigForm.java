package org.bmsworkbench.ui.config.model;

import java.util.Locale;

import org.bmsworkbench.config.TextRules;
import org.bmsworkbench.protocol.setup.Capacity;

/**
 * The System Configuration form's entries as values to write, without SWT: numbers with a point or a comma, blank
 * or unchanged fields left as the board has them, and each problem named with its field so the view can say it in
 * the user's language before anything is sent.
 */
public final class ConfigForm {

    /** The board's limits of modbus-native section 8.5. */
    public static final double MIN_FULL_AH = 1;
    public static final double MAX_FULL_AH = 4000;
    public static final int MAX_CYCLES = 65535;

    /** What is wrong with an entry. */
    public enum Problem {
        NOT_A_NUMBER, FULL_RANGE, RESIDUAL_RANGE, RESIDUAL_ABOVE_FULL, CYCLES_RANGE, NOTHING_CHANGED, TOO_LONG,
        NOT_ASCII, INTERVAL_RANGE, OUT_OF_RANGE
    }

    /**
     * One problem.
     *
     * @param field  the form field it concerns (a text's name, {@code full}, {@code residual}, {@code cycles},
     *               {@code interval})
     * @param detail a number for the message: the length, the character position, a limit
     */
    public record Issue(Problem problem, String field, String detail) {
    }

    /** The capacity entries as values to write ({@code null}: leave), or the first issue. */
    public record CapacityEntry(Double fullAh, Double residualAh, Integer cycles, Issue issue) {
        public boolean ok() {
            return issue == null;
        }
    }

    private ConfigForm() {
    }

    /** A number typed with a point or a comma; NaN when blank, null when not a number. */
    public static Double number(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param device the values last read, {@code null} when not read: then every filled field is written
     */
    public static CapacityEntry capacity(String full, String residual, String cycles, Capacity device) {
        Double f = number(full);
        Double r = number(residual);
        Double c = number(cycles);
        if (f == null) {
            return issue(Problem.NOT_A_NUMBER, "full", full);
        }
        if (r == null) {
            return issue(Problem.NOT_A_NUMBER, "residual", residual);
        }
        if (c == null || !c.isNaN() && c != Math.rint(c)) {
            return issue(Problem.NOT_A_NUMBER, "cycles", cycles);
        }
        Double fullAh = f.isNaN() || device != null && Math.abs(device.fullAh() - f) < 0.0005 ? null : f;
        Double residualAh = r.isNaN() || device != null && Math.abs(device.residualAh() - r) < 0.0005 ? null : r;
        Integer count = c.isNaN() || device != null && device.cycles() == c.intValue() ? null : (int) c.doubleValue();
        if (fullAh != null && (fullAh < MIN_FULL_AH || fullAh > MAX_FULL_AH)) {
            return issue(Problem.FULL_RANGE, "full", format(MIN_FULL_AH) + ".." + format(MAX_FULL_AH));
        }
        if (residualAh != null && (residualAh < 0 || residualAh > MAX_FULL_AH)) {
            return issue(Problem.RESIDUAL_RANGE, "residual", "0.." + format(MAX_FULL_AH));
        }
        double fullAfter = fullAh != null ? fullAh : device != null ? device.fullAh() : Double.NaN;
        if (residualAh != null && !Double.isNaN(fullAfter) && residualAh > fullAfter) {
            return issue(Problem.RESIDUAL_ABOVE_FULL, "residual", format(fullAfter));
        }
        if (count != null && (count < 0 || count > MAX_CYCLES)) {
            return issue(Problem.CYCLES_RANGE, "cycles", "0.." + MAX_CYCLES);
        }
        if (fullAh == null && residualAh == null && count == null) {
            return issue(Problem.NOTHING_CHANGED, "", "");
        }
        return new CapacityEntry(fullAh, residualAh, count, null);
    }

    private static CapacityEntry issue(Problem p, String field, String detail) {
        return new CapacityEntry(null, null, null, new Issue(p, field, detail == null ? "" : detail));
    }

    /** The issue of a product text, or {@code null} when it can be written. */
    public static Issue text(String name, String value) {
        if (value.length() > TextRules.MAX_LENGTH) {
            return new Issue(Problem.TOO_LONG, name, Integer.toString(value.length()));
        }
        int bad = TextRules.firstBadCharacter(value);
        if (bad > 0) {
            return new Issue(Problem.NOT_ASCII, name, Integer.toString(bad));
        }
        return null;
    }

    /** The data record interval in whole minutes within {@code min..max}, or the issue. */
    public static Object interval(String text, double min, double max) {
        Double v = number(text);
        if (v == null || v.isNaN() || v != Math.rint(v)) {
            return new Issue(Problem.NOT_A_NUMBER, "interval", text);
        }
        if (v < min || v > max) {
            return new Issue(Problem.INTERVAL_RANGE, "interval", format(min) + ".." + format(max));
        }
        return v;
    }

    /**
     * A parameter typed in a field: its new value, {@code null} when blank or the same as {@code current}, or the
     * issue (not a number, outside {@code min..max}).
     */
    public static Object parameter(String field, String text, double min, double max, Double current) {
        Double v = number(text);
        if (v == null) {
            return new Issue(Problem.NOT_A_NUMBER, field, text);
        }
        if (v.isNaN() || current != null && Math.abs(current - v) < 0.0005) {
            return null;
        }
        if (v < min || v > max) {
            return new Issue(Problem.OUT_OF_RANGE, field, format(min) + ".." + format(max));
        }
        return v;
    }

    public static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
