package org.bmsworkbench.parameters;

import org.bmsworkbench.model.ParameterDefinition;

/**
 * One row of a {@link ParameterSheet}: what the parameter is, the device value as last read, the value entered and
 * the row's state. Rows are changed only through their sheet.
 */
public final class ParameterRow {

    private final ParameterDefinition definition;
    private double deviceValue = Double.NaN;
    private double entered = Double.NaN;
    private String enteredText = "";
    private double readBack = Double.NaN;
    private RowState state = RowState.UNCHANGED;
    private String message = "";

    ParameterRow(ParameterDefinition definition) {
        this.definition = definition;
    }

    public ParameterDefinition definition() {
        return definition;
    }

    public String key() {
        return definition.key();
    }

    public String section() {
        return definition.section();
    }

    /** The value as last read from the device, NaN before a read. */
    public double deviceValue() {
        return deviceValue;
    }

    /** The device value for showing: the number at the row's resolution, or the choice's name; empty before a read. */
    public String deviceText() {
        return Values.format(definition, deviceValue);
    }

    /** The value entered (or the device value when nothing was entered), NaN when the text is not a value. */
    public double enteredValue() {
        return entered;
    }

    /** The text shown in the Value column: what was typed, or the value for showing. */
    public String enteredText() {
        return enteredText;
    }

    /** After a write whose read-back differs: the value read back, else NaN. */
    public double readBackValue() {
        return readBack;
    }

    public RowState state() {
        return state;
    }

    /** Why the row is {@link RowState#INVALID} or {@link RowState#DIFFERS_AFTER_WRITE}; empty otherwise. */
    public String message() {
        return message;
    }

    /** Whether the entered value is a value that differs from the device value (or there is none). */
    boolean differsFromDevice() {
        return !Double.isNaN(entered) && !Values.same(definition, entered, deviceValue);
    }

    void device(double value) {
        deviceValue = value;
    }

    void entered(double value, String text) {
        entered = value;
        enteredText = text;
        readBack = Double.NaN;
    }

    void readBack(double value) {
        readBack = value;
    }

    void mark(RowState state, String message) {
        this.state = state;
        this.message = message == null ? "" : message;
    }
}
