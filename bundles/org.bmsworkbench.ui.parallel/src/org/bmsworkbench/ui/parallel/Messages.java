package org.bmsworkbench.ui.parallel;

import java.text.MessageFormat;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.ui.parallel.model.GridRow;

/** User-facing strings of the parallel monitoring view ({@code OSGI-INF/l10n/bundle*.properties}). */
public class Messages {

    public String grid_title;
    public String packState_HIBERNATING;
    public String grid_summary;
    public String grid_replay;
    public String grid_legend;
    public String grid_empty;
    public String corner_name;
    public String column_pack;
    public String column_packState;
    public String row_unit;
    public String row_voltage;
    public String row_current;
    public String row_soc;
    public String row_soh;
    public String row_remainingCapacity;
    public String row_fullCapacity;
    public String row_designCapacity;
    public String row_cycles;
    public String row_minCellVoltage;
    public String row_maxCellVoltage;
    public String row_portVoltage;
    public String row_insulationPositive;
    public String row_insulationNegative;
    public String row_temperature;
    public String row_cell;
    public String menu_copy;
    public String menu_selectAll;
    public String packState_ONLINE;
    public String packState_STALE;
    public String packState_OFFLINE;

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }

    public String name(PackLinkState state) {
        return switch (state) {
            case ONLINE -> packState_ONLINE;
            case STALE -> packState_STALE;
            case OFFLINE -> packState_OFFLINE;
            case HIBERNATING -> packState_HIBERNATING;
        };
    }

    /** The row's name with its unit, e.g. "Pack voltage (V)", "T3 (\u00b0C)", "Cell 12 (mV)". */
    public String rowName(GridRow row) {
        String name = switch (row.kind()) {
            case TEMPERATURE -> format(row_temperature, row.number());
            case CELL -> format(row_cell, row.number());
            case QUANTITY -> switch (row.quantity()) {
                case VOLTAGE -> row_voltage;
                case CURRENT -> row_current;
                case SOC -> row_soc;
                case SOH -> row_soh;
                case REMAINING_CAPACITY -> row_remainingCapacity;
                case FULL_CAPACITY -> row_fullCapacity;
                case DESIGN_CAPACITY -> row_designCapacity;
                case CYCLES -> row_cycles;
                case MIN_CELL_VOLTAGE -> row_minCellVoltage;
                case MAX_CELL_VOLTAGE -> row_maxCellVoltage;
                case PORT_VOLTAGE -> row_portVoltage;
                case INSULATION_POSITIVE -> row_insulationPositive;
                case INSULATION_NEGATIVE -> row_insulationNegative;
                default -> row.quantity().key();
            };
        };
        String unit = row.unit();
        return unit.isEmpty() ? name : format(row_unit, name, unit);
    }

    /** A column title: "Pack 3" when it is online, "Pack 3 (Stale)" otherwise. */
    public String columnName(int address, PackLinkState state) {
        String pack = format(column_pack, Integer.toString(address));
        return state == PackLinkState.ONLINE ? pack : format(column_packState, pack, name(state));
    }
}
