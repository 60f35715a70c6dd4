package org.bmsworkbench.ui.parallel.model;

import java.util.Objects;

import org.bmsworkbench.model.Quantity;

/**
 * One row of the parallel grid: a named quantity of the pack, a temperature sensor or a cell.
 *
 * @param kind     what the row shows
 * @param quantity the quantity of a {@link Kind#QUANTITY} row, {@code null} otherwise
 * @param index    the 0-based sensor or cell of a {@link Kind#TEMPERATURE} or {@link Kind#CELL} row, -1 otherwise
 */
public record GridRow(Kind kind, Quantity quantity, int index) {

    /** What a row shows. */
    public enum Kind {
        QUANTITY, TEMPERATURE, CELL
    }

    /** Unit of cell voltages in the grid, as the reference software shows them. */
    public static final String MILLIVOLT = "mV";

    public GridRow {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.QUANTITY) != (quantity != null)) {
            throw new IllegalArgumentException("a quantity row needs a quantity, other rows none");
        }
        if (kind != Kind.QUANTITY && index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
    }

    public static GridRow of(Quantity quantity) {
        return new GridRow(Kind.QUANTITY, quantity, -1);
    }

    public static GridRow temperature(int index) {
        return new GridRow(Kind.TEMPERATURE, null, index);
    }

    public static GridRow cell(int index) {
        return new GridRow(Kind.CELL, null, index);
    }

    /** 1-based number of a sensor or cell row (T1, cell 1), 0 for a quantity row. */
    public int number() {
        return index + 1;
    }

    /** The unit the grid shows this row's values in: mV for cell voltages, the quantity's unit otherwise. */
    public String unit() {
        return switch (kind) {
            case QUANTITY -> isCellVoltage(quantity) ? MILLIVOLT : quantity.unit();
            case TEMPERATURE -> "\u00b0C";
            case CELL -> MILLIVOLT;
        };
    }

    static boolean isCellVoltage(Quantity q) {
        return q == Quantity.MIN_CELL_VOLTAGE || q == Quantity.MAX_CELL_VOLTAGE;
    }
}
