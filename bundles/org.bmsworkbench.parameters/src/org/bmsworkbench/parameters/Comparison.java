package org.bmsworkbench.parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;

/** A sheet side by side with a file or another pack's page: one line per row, the differences marked. */
public final class Comparison {

    /**
     * One row compared.
     *
     * @param key       the parameter
     * @param label     its English label
     * @param thisValue the sheet's entered value for showing (empty when none)
     * @param other     the other side's value for showing (empty when it has none)
     * @param differs   whether the two differ at the row's resolution (one side missing counts as a difference)
     */
    public record Line(String key, String label, String thisValue, String other, boolean differs) {
    }

    private Comparison() {
    }

    /** The sheet's entered values against another pack's page (e.g. read from another pack of the bus). */
    public static List<Line> compare(ParameterSheet sheet, ParameterSet other) {
        List<Line> lines = new ArrayList<>();
        for (ParameterRow r : sheet.rows()) {
            double o = other.definitions().stream().anyMatch(d -> d.key().equals(r.key())) && other.hasValue(r.key())
                    ? other.value(r.key()) : Double.NaN;
            lines.add(line(r, o));
        }
        return lines;
    }

    /** The sheet's entered values against a file's values (matched by key; keys the page does not have are left out). */
    public static List<Line> compare(ParameterSheet sheet, ParameterFile file) {
        Map<String, Double> values = new java.util.HashMap<>();
        for (ParameterFile.Entry e : file.values()) {
            values.put(e.key(), e.value());
        }
        List<Line> lines = new ArrayList<>();
        for (ParameterRow r : sheet.rows()) {
            lines.add(line(r, values.getOrDefault(r.key(), Double.NaN)));
        }
        return lines;
    }

    /** Only the lines that differ. */
    public static List<Line> differences(List<Line> lines) {
        return lines.stream().filter(Line::differs).toList();
    }

    private static Line line(ParameterRow r, double other) {
        ParameterDefinition d = r.definition();
        double mine = r.enteredValue();
        return new Line(r.key(), d.label(), Values.withUnit(d, mine), Values.withUnit(d, other),
                !Values.same(d, mine, other));
    }
}
