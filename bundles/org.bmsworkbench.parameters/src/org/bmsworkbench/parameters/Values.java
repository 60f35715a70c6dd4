package org.bmsworkbench.parameters;

import java.util.Locale;

import org.bmsworkbench.model.ParameterDefinition;

/** How values of a row are written for people and files. */
final class Values {

    private Values() {
    }

    /** As many decimals as the resolution has (3.550 for 0.001 V), or the choice's name. */
    static String format(ParameterDefinition d, double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (d.isChoice()) {
            int i = (int) Math.round(value);
            return i >= 0 && i < d.choices().size() ? d.choices().get(i) : Long.toString(Math.round(value));
        }
        return number(d, value);
    }

    static String number(ParameterDefinition d, double value) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(d.resolution()) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", d.round(value));
    }

    /** The value with its unit, e.g. {@code 3.550 V}, or the choice's name. */
    static String withUnit(ParameterDefinition d, double value) {
        String v = format(d, value);
        return d.isChoice() || d.unit().isEmpty() || v.isEmpty() ? v : v + " " + d.unit();
    }

    /** Whether two values are the same at the row's resolution. */
    static boolean same(ParameterDefinition d, double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return Math.abs(a - b) <= d.resolution() / 2;
    }
}
