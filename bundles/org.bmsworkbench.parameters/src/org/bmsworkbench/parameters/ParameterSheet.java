package org.bmsworkbench.parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterRelation;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.BmsProtocol;

/**
 * The parameter editor's model: one {@link ParameterRow} per parameter, grouped by section, with the device value
 * as last read, the value entered and a state. It checks every row (range, resolution, choices) and every relation
 * between rows, lists the changes for the confirmation, says what a write sends, and marks the rows whose
 * read-back differs. Plain Java, not thread-safe: the UI thread drives it; results of the {@link ParameterService}
 * are applied to it on that thread.
 */
public final class ParameterSheet {

    private final Map<String, ParameterRow> rows = new LinkedHashMap<>();
    private final List<ParameterRelation> relations;
    private String language = "en";
    private boolean writeAll;
    private boolean restoreDefaults;

    public ParameterSheet(List<ParameterDefinition> definitions, List<ParameterRelation> relations) {
        for (ParameterDefinition d : definitions) {
            if (rows.put(d.key(), new ParameterRow(d)) != null) {
                throw new IllegalArgumentException("parameter " + d.key() + " is defined twice");
            }
        }
        for (ParameterRelation r : relations) {
            if (!rows.containsKey(r.lower()) || !rows.containsKey(r.higher())) {
                throw new IllegalArgumentException("relation " + r + " names a parameter the page does not have");
            }
        }
        this.relations = List.copyOf(relations);
    }

    /**
     * Whether a parameter belongs to one pack and must never come from a file or another pack: its bus address.
     * Two packs given the same address would answer each other's requests.
     */
    public static boolean ownToThePack(String key) {
        return key.toLowerCase(Locale.ROOT).contains("address");
    }

    /** The values that may go from one pack to others: all but {@link #ownToThePack(String) its own}. */
    public static Map<String, Double> shareable(Map<String, Double> values) {
        Map<String, Double> result = new LinkedHashMap<>(values);
        result.keySet().removeIf(ParameterSheet::ownToThePack);
        return result;
    }

    /** The sheet of a protocol's parameter page, with its relations; empty when the protocol has no page. */
    public static ParameterSheet of(BmsProtocol protocol) {
        return new ParameterSheet(protocol.parameterDefinitions(), protocol.parameterRelations());
    }

    // --- rows ---------------------------------------------------------------------------------------------------

    /** Every row in page order. */
    public List<ParameterRow> rows() {
        return List.copyOf(rows.values());
    }

    /** The sections that have rows: those of {@link ParameterDefinition#SECTIONS} in that order, then any other. */
    public List<String> sections() {
        List<String> result = new ArrayList<>();
        for (String s : ParameterDefinition.SECTIONS) {
            if (rows.values().stream().anyMatch(r -> r.section().equals(s))) {
                result.add(s);
            }
        }
        for (ParameterRow r : rows.values()) {
            if (!result.contains(r.section())) {
                result.add(r.section());
            }
        }
        return result;
    }

    /** The rows of one section, in page order. */
    public List<ParameterRow> rows(String section) {
        return rows.values().stream().filter(r -> r.section().equals(section)).toList();
    }

    /** @throws IllegalArgumentException for a key the page does not have */
    public ParameterRow row(String key) {
        ParameterRow r = rows.get(key);
        if (r == null) {
            throw new IllegalArgumentException("no parameter named " + key);
        }
        return r;
    }

    public boolean has(String key) {
        return rows.containsKey(key);
    }

    public List<ParameterRelation> relations() {
        return relations;
    }

    public List<ParameterDefinition> definitions() {
        return rows.values().stream().map(ParameterRow::definition).toList();
    }

    // --- device values ------------------------------------------------------------------------------------------

    /**
     * The page as read from the device: every row's device value, and its entered value set back to it (edits are
     * dropped, states cleared). Keys the sheet does not have are ignored.
     */
    public void loadDevice(ParameterSet page) {
        for (ParameterRow r : rows.values()) {
            double v = page.definitions().stream().anyMatch(d -> d.key().equals(r.key())) && page.hasValue(r.key())
                    ? page.value(r.key()) : Double.NaN;
            r.device(v);
            r.entered(v, Values.format(r.definition(), v));
            r.mark(RowState.UNCHANGED, "");
        }
        check();
    }

    /** The device values as a set (only the rows read). */
    public ParameterSet deviceValues() {
        ParameterSet set = ParameterSet.of(definitions());
        for (ParameterRow r : rows.values()) {
            if (!Double.isNaN(r.deviceValue())) {
                set = set.withReadValue(r.key(), r.deviceValue());
            }
        }
        return set;
    }

    // --- entering -----------------------------------------------------------------------------------------------

    /**
     * Enters the text typed in a row's Value column: a number with {@code .} or {@code ,} as the decimal mark, or
     * for a choice its name (any case) or its index. The row becomes {@link RowState#INVALID} with a one-line
     * message when the text is not a value of the row, else CHANGED or UNCHANGED; relations are checked again.
     *
     * @return the row's state after the entry
     */
    public RowState enter(String key, String text) {
        ParameterRow r = row(key);
        String t = text == null ? "" : text.trim();
        double value = parse(r.definition(), t);
        r.entered(value, t);
        check();
        return r.state();
    }

    /** Enters a value (a choice by its index). */
    public RowState enterValue(String key, double value) {
        ParameterRow r = row(key);
        r.entered(value, Values.format(r.definition(), value));
        check();
        return r.state();
    }

    /** Enters every value of {@code values} whose key the sheet has; the others are ignored. */
    public void enterAll(Map<String, Double> values) {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            ParameterRow r = rows.get(e.getKey());
            if (r != null) {
                r.entered(e.getValue(), Values.format(r.definition(), e.getValue()));
            }
        }
        check();
    }

    /** Every entered value back to the device value. */
    public void revert() {
        for (ParameterRow r : rows.values()) {
            r.entered(r.deviceValue(), Values.format(r.definition(), r.deviceValue()));
        }
        check();
    }

    /** NaN when the text is not a value of the row. */
    static double parse(ParameterDefinition d, String text) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        if (d.isChoice()) {
            for (int i = 0; i < d.choices().size(); i++) {
                if (d.choices().get(i).equalsIgnoreCase(text)) {
                    return i;
                }
            }
        }
        String number = text.replace(',', '.');
        if (!number.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Double.NaN;
        }
        return Double.parseDouble(number);
    }

    // --- checking -----------------------------------------------------------------------------------------------

    /**
     * Checks every row and every relation on the entered values and marks the rows: INVALID with the first problem
     * of the row, else CHANGED or UNCHANGED (a row marked DIFFERS_AFTER_WRITE keeps the mark until it is edited
     * or read again).
     *
     * @return every problem, in page order, then the broken relations; empty when the sheet can be written
     */
    public List<SheetProblem> check() {
        List<SheetProblem> problems = new ArrayList<>();
        Map<String, String> first = new LinkedHashMap<>();
        for (ParameterRow r : rows.values()) {
            String p = rowProblem(r);
            if (p != null) {
                problems.add(new SheetProblem(List.of(r.key()), p));
                first.putIfAbsent(r.key(), p);
            }
        }
        for (ParameterRelation rel : relations) {
            ParameterRow lower = rows.get(rel.lower());
            ParameterRow higher = rows.get(rel.higher());
            if (!rel.holds(lower.enteredValue(), higher.enteredValue())) {
                String p = relationMessage(rel, lower, higher);
                problems.add(new SheetProblem(List.of(lower.key(), higher.key()), p));
                first.putIfAbsent(lower.key(), p);
                first.putIfAbsent(higher.key(), p);
            }
        }
        for (ParameterRow r : rows.values()) {
            String p = first.get(r.key());
            if (p != null) {
                r.mark(RowState.INVALID, p);
            } else if (r.state() == RowState.DIFFERS_AFTER_WRITE && !Double.isNaN(r.readBackValue())) {
                continue;
            } else {
                r.mark(r.differsFromDevice() ? RowState.CHANGED : RowState.UNCHANGED, "");
            }
        }
        return problems;
    }

    /** Why a row's entered value cannot be sent, or null. A row never read and never entered is no problem. */
    private String rowProblem(ParameterRow r) {
        ParameterDefinition d = r.definition();
        String label = d.label(language);
        double v = r.enteredValue();
        if (Double.isNaN(v)) {
            if (r.enteredText().isEmpty()) {
                return Double.isNaN(r.deviceValue()) ? null : SheetTexts.format(language, "noValue", label);
            }
            return d.isChoice()
                    ? SheetTexts.format(language, "notAChoice", label, r.enteredText(), String.join(", ", d.choices()))
                    : SheetTexts.format(language, "notANumber", label, r.enteredText());
        }
        if (d.isChoice()) {
            if (v != Math.rint(v) || v < 0 || v >= d.choices().size()) {
                return SheetTexts.format(language, "choiceOutOfRange", label, Values.number(d, v),
                        d.choices().size() - 1);
            }
            return null;
        }
        if (d.problemWith(v) != null) {
            return SheetTexts.format(language, "outOfRange", label, Values.withUnit(d, v),
                    Values.number(d, d.minimum()), Values.withUnit(d, d.maximum()));
        }
        if (Math.abs(v - d.round(v)) > d.resolution() * 1e-6) {
            return SheetTexts.format(language, "notAStep", label, v, Values.withUnit(d, d.resolution()));
        }
        return null;
    }

    private String relationMessage(ParameterRelation rel, ParameterRow lower, ParameterRow higher) {
        return SheetTexts.format(language, rel.strict() ? "mustBeBelow" : "mustBeAtMost",
                lower.definition().label(language), Values.withUnit(lower.definition(), lower.enteredValue()),
                higher.definition().label(language), Values.withUnit(higher.definition(), higher.enteredValue()));
    }

    /**
     * The language of the messages, labels of changes and read-back differences: {@code zh} for Chinese, anything
     * else for English. Takes effect at the next {@link #check()}.
     */
    public void setLanguage(String language) {
        this.language = language == null ? "en" : language;
    }

    public String language() {
        return language;
    }

    /** Whether the sheet can be written as it stands: no problem and, unless restoring defaults, something to send. */
    public boolean writable() {
        return check().isEmpty() && (restoreDefaults || !toWrite().values().isEmpty());
    }

    // --- writing ------------------------------------------------------------------------------------------------

    /** Whether a write sends every value rather than only the changed ones (a board replacement). */
    public boolean writeAll() {
        return writeAll;
    }

    public void setWriteAll(boolean writeAll) {
        this.writeAll = writeAll;
    }

    /**
     * The manual's "Restore default parameters": when set, Write restores the board's factory set instead of
     * sending the table (see {@link ParameterService#restoreDefaultsSupport}).
     */
    public boolean restoreDefaults() {
        return restoreDefaults;
    }

    public void setRestoreDefaults(boolean restoreDefaults) {
        this.restoreDefaults = restoreDefaults;
    }

    /** What a write changes, for the confirmation: {@code old → new} with units, in page order. */
    public List<Change> changes() {
        List<Change> result = new ArrayList<>();
        for (ParameterRow r : rows.values()) {
            if (Double.isNaN(r.enteredValue()) || !(writeAll || r.differsFromDevice())) {
                continue;
            }
            result.add(new Change(r.key(), r.definition().label(language), Values.withUnit(r.definition(), r.deviceValue()),
                    Values.withUnit(r.definition(), r.enteredValue())));
        }
        return result;
    }

    /**
     * The values a write sends: the changed ones, or every entered value with {@link #writeAll()}.
     *
     * @throws IllegalStateException when {@link #check()} finds a problem; the message is the first one
     */
    public ParameterSet toWrite() {
        List<SheetProblem> problems = check();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.get(0).message());
        }
        ParameterSet set = ParameterSet.of(definitions());
        for (Change c : changes()) {
            set = set.with(c.key(), row(c.key()).enteredValue());
        }
        return set;
    }

    /** Every entered value that is a value, as a set (for files and apply-to-many). */
    public ParameterSet enteredValues() {
        ParameterSet set = ParameterSet.of(definitions());
        for (ParameterRow r : rows.values()) {
            if (!Double.isNaN(r.enteredValue())) {
                set = set.withReadValue(r.key(), r.enteredValue());
            }
        }
        return set;
    }

    /**
     * Applies the page read back after a write of {@code sent}: device values and entered values become the page,
     * and each sent value that reads back otherwise is marked {@link RowState#DIFFERS_AFTER_WRITE} with both values
     * (the entered value stays what was sent, so the person sees it).
     *
     * @return the rows that differ, in page order
     */
    public List<ReadBackDifference> applyReadBack(ParameterSet sent, ParameterSet page) {
        List<ReadBackDifference> differ = differences(sent, page);
        loadDevice(page);
        for (ReadBackDifference d : differ) {
            ParameterRow r = row(d.key());
            double wrote = sent.value(d.key());
            r.entered(wrote, Values.format(r.definition(), wrote));
            r.readBack(r.deviceValue());
            r.mark(RowState.DIFFERS_AFTER_WRITE, d.text());
        }
        return differ;
    }

    /** The values of {@code sent} that {@code page} does not show as sent. */
    static List<ReadBackDifference> differences(ParameterSet sent, ParameterSet page) {
        List<ReadBackDifference> differ = new ArrayList<>();
        for (Map.Entry<String, Double> e : sent.values().entrySet()) {
            ParameterDefinition d = sent.definition(e.getKey());
            boolean read = page.hasValue(e.getKey());
            if (!read || !Values.same(d, page.value(e.getKey()), d.round(e.getValue()))) {
                differ.add(new ReadBackDifference(e.getKey(), d.label(), Values.withUnit(d, e.getValue()),
                        read ? Values.withUnit(d, page.value(e.getKey())) : "nothing"));
            }
        }
        return differ;
    }

    // --- short circuit ------------------------------------------------------------------------------------------

    /** Key of the SCP voltage choice (names such as {@code 100 mV}) on the native page. */
    public static final String SCP_VOLTAGE = "scpVoltage";
    /** Key of the shunt's rated current at 75 mV on the native page. */
    public static final String SHUNT_RATING = "shuntRating";

    /**
     * The short-circuit protection current of the entered values: SCP voltage ÷ sampling resistance, where the
     * sampling resistance is 75 mV ÷ the shunt's rated current; empty when the page has no such rows or a value
     * is missing.
     */
    public OptionalDouble shortCircuitCurrent() {
        if (!has(SCP_VOLTAGE) || !has(SHUNT_RATING)) {
            return OptionalDouble.empty();
        }
        OptionalDouble mv = scpMillivolts();
        double rating = row(SHUNT_RATING).enteredValue();
        if (mv.isEmpty() || Double.isNaN(rating)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(shortCircuitCurrent(mv.getAsDouble(), rating));
    }

    /** The entered SCP voltage in mV, read from the choice's name ({@code 100 mV}); empty when unknown. */
    public OptionalDouble scpMillivolts() {
        if (!has(SCP_VOLTAGE)) {
            return OptionalDouble.empty();
        }
        ParameterRow r = row(SCP_VOLTAGE);
        String name = Values.format(r.definition(), r.enteredValue()).toLowerCase(Locale.ROOT);
        if (!name.endsWith("mv")) {
            return OptionalDouble.empty();
        }
        double mv = parse(ParameterDefinition.number("mv", "mV", "mV", 0, 1e6, 1e-6),
                name.substring(0, name.length() - 2).trim());
        return Double.isNaN(mv) ? OptionalDouble.empty() : OptionalDouble.of(mv);
    }

    /**
     * SCP current in A = SCP voltage ÷ sampling resistance, the sampling resistance being 75 mV ÷ the shunt's rated
     * current: 100 mV on a 300 A / 75 mV shunt is 400 A.
     */
    public static double shortCircuitCurrent(double scpMillivolts, double shuntRatingAmps) {
        return scpMillivolts * shuntRatingAmps / 75.0;
    }
}
