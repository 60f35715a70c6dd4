package org.bmsworkbench.ui.parameters.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.parameters.ParameterRow;
import org.bmsworkbench.parameters.ParameterSheet;
import org.bmsworkbench.parameters.RowState;
import org.bmsworkbench.parameters.SheetProblem;

/**
 * What the Parameter Information table shows of a {@link ParameterSheet}: one line per section header and per
 * row, in page order, the text of each column in the workbench's language, which cell may be edited and how.
 * UI-free: the view reads it, the part changes it on the display thread.
 */
public final class ParameterPage {

    /** The table's columns, in order. */
    public enum Column {
        NAME, UNIT, MINIMUM, MAXIMUM, VALUE, DEVICE, STATE
    }

    /** How the Value cell of a line is edited. */
    public enum Editor {
        /** Not editable: a section header, or a read-only page. */
        NONE,
        /** Typed text (numbers). */
        TEXT,
        /** One of the row's choices. */
        CHOICE,
        /** An off/on switch shown as a check box. */
        SWITCH
    }

    /**
     * One line of the table.
     *
     * @param section the section of a header line, or of the row
     * @param row     the row, {@code null} for a section header
     */
    public record Line(String section, ParameterRow row) {
        public boolean isHeader() {
            return row == null;
        }
    }

    private ParameterSheet sheet;
    private List<Line> lines = List.of();
    private boolean editable;
    private String language = "en";

    /** Shows {@code sheet} (null: no table); {@code editable} is false for a read-only page. */
    public void show(ParameterSheet sheet, boolean editable) {
        this.sheet = sheet;
        if (sheet != null) {
            sheet.setLanguage(language);
        }
        this.editable = editable;
        List<Line> result = new ArrayList<>();
        if (sheet != null) {
            for (String s : sheet.sections()) {
                result.add(new Line(s, null));
                for (ParameterRow r : sheet.rows(s)) {
                    result.add(new Line(s, r));
                }
            }
        }
        lines = List.copyOf(result);
    }

    public ParameterSheet sheet() {
        return sheet;
    }

    public boolean editable() {
        return editable;
    }

    public void setEditable(boolean editable) {
        this.editable = editable;
    }

    /** The language tag of the labels ({@code zh} shows the Chinese labels where the map has them). */
    public void setLanguage(String language) {
        this.language = language == null ? "en" : language;
        if (sheet != null) {
            // the sheet's problems, changes and read-back lines name the rows as the table does
            sheet.setLanguage(this.language);
            sheet.check();
        }
    }

    public String language() {
        return language;
    }

    public List<Line> lines() {
        return lines;
    }

    public int size() {
        return lines.size();
    }

    public Line line(int index) {
        return lines.get(index);
    }

    /** The index of the line of {@code key}, -1 when the table has none. */
    public int indexOf(String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isHeader() && lines.get(i).row().key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** A switch: a choice of exactly "off" and "on". */
    public static boolean isSwitch(ParameterDefinition d) {
        return d.choices().size() == 2 && d.choices().get(0).equalsIgnoreCase("off")
                && d.choices().get(1).equalsIgnoreCase("on");
    }

    public Editor editor(int index) {
        Line l = lines.get(index);
        if (l.isHeader() || !editable) {
            return Editor.NONE;
        }
        ParameterDefinition d = l.row().definition();
        return isSwitch(d) ? Editor.SWITCH : d.isChoice() ? Editor.CHOICE : Editor.TEXT;
    }

    /** The text of a cell; the Value and State columns of a header are empty, its name is the section's key. */
    public String text(int index, Column column) {
        Line l = lines.get(index);
        if (l.isHeader()) {
            return column == Column.NAME ? l.section() : "";
        }
        ParameterRow r = l.row();
        ParameterDefinition d = r.definition();
        return switch (column) {
            case NAME -> d.label(language);
            case UNIT -> d.unit();
            case MINIMUM -> d.isChoice() ? "" : number(d, d.minimum());
            case MAXIMUM -> d.isChoice() ? "" : number(d, d.maximum());
            case VALUE -> r.enteredText();
            case DEVICE -> r.deviceText();
            case STATE -> r.state() == RowState.UNCHANGED ? "" : r.state().name();
        };
    }

    /** Whether a switch row's entered value is "on". */
    public boolean switchedOn(int index) {
        ParameterRow r = lines.get(index).row();
        return r != null && r.enteredValue() == 1;
    }

    /** The choices of a row, empty for a number or a header. */
    public List<String> choices(int index) {
        Line l = lines.get(index);
        return l.isHeader() ? List.of() : l.row().definition().choices();
    }

    /** A number at the row's resolution: 3.550 for a resolution of 0.001. */
    public static String number(ParameterDefinition d, double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(d.resolution()) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", d.round(value));
    }

    /** Enters a Value cell's new content: text, a choice's name, or a switch's Boolean. */
    public void enter(int index, Object value) {
        Line l = lines.get(index);
        if (l.isHeader() || !editable || sheet == null) {
            return;
        }
        if (value instanceof Boolean on) {
            sheet.enterValue(l.row().key(), on ? 1 : 0);
        } else {
            sheet.enter(l.row().key(), value == null ? "" : value.toString());
        }
    }

    /** The problems of the entered values (marks the rows), empty without a sheet. */
    public List<SheetProblem> problems() {
        return sheet == null ? List.of() : sheet.check();
    }

    /** The rows in a state, in page order. */
    public List<ParameterRow> rowsIn(RowState state) {
        return sheet == null ? List.of() : sheet.rows().stream().filter(r -> r.state() == state).toList();
    }

    /** Short-circuit protection of the entered values: the voltage in mV and the resulting current, if known. */
    public OptionalDouble scpMillivolts() {
        return sheet == null ? OptionalDouble.empty() : sheet.scpMillivolts();
    }

    public OptionalDouble scpAmps() {
        return sheet == null ? OptionalDouble.empty() : sheet.shortCircuitCurrent();
    }
}
