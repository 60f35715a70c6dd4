package org.bmsworkbench.ui.record.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * The columns of the Real-time Data page (manual page 3): PackNo, Time, the pack's values, T1..Tn, V1..Vn and
 * the active alarms, and the text of each cell. A value the pack did not report is an empty cell, never 0.
 */
public final class RecordColumns {

    /** What a column shows. */
    public enum Kind {
        PACK, TIME, QUANTITY, TEMPERATURE, CELL, ALARMS
    }

    /**
     * One column.
     *
     * @param kind     what it shows
     * @param quantity the value of a {@link Kind#QUANTITY} column, else {@code null}
     * @param number   the sensor or cell number (1-based) of a {@link Kind#TEMPERATURE} or {@link Kind#CELL} column
     */
    public record Column(Kind kind, Quantity quantity, int number) {
    }

    /** The values of the manual's page, in its order. */
    public static final List<Quantity> QUANTITIES = List.of(Quantity.VOLTAGE, Quantity.CURRENT, Quantity.SOC,
            Quantity.SOH, Quantity.REMAINING_CAPACITY, Quantity.DESIGN_CAPACITY, Quantity.CYCLES,
            Quantity.MIN_CELL_VOLTAGE, Quantity.MAX_CELL_VOLTAGE, Quantity.PORT_VOLTAGE,
            Quantity.INSULATION_POSITIVE, Quantity.INSULATION_NEGATIVE);

    /** The categories whose flags are alarms for the alarms column. */
    public static final List<FlagCategory> ALARM_CATEGORIES = List.of(FlagCategory.PROTECTION, FlagCategory.ALARM,
            FlagCategory.DETECTION);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final List<Column> columns;
    private final ZoneId zone;

    /** The columns of a pack with up to {@code temps} sensors and {@code cells} cells, times in {@code zone}. */
    public RecordColumns(int temps, int cells, ZoneId zone) {
        List<Column> list = new ArrayList<>(QUANTITIES.size() + temps + cells + 3);
        list.add(new Column(Kind.PACK, null, 0));
        list.add(new Column(Kind.TIME, null, 0));
        for (Quantity q : QUANTITIES) {
            list.add(new Column(Kind.QUANTITY, q, 0));
        }
        for (int t = 1; t <= temps; t++) {
            list.add(new Column(Kind.TEMPERATURE, null, t));
        }
        for (int c = 1; c <= cells; c++) {
            list.add(new Column(Kind.CELL, null, c));
        }
        list.add(new Column(Kind.ALARMS, null, 0));
        this.columns = List.copyOf(list);
        this.zone = zone;
    }

    public int size() {
        return columns.size();
    }

    public Column get(int index) {
        return columns.get(index);
    }

    public List<Column> all() {
        return columns;
    }

    /** The time as the page shows it: local date and time to the second. */
    public String time(Instant time) {
        return TIME.format(time.atZone(zone));
    }

    /**
     * The text of a cell.
     *
     * @param flagName the name people read for an alarm flag
     */
    public String text(int column, PackSnapshot s, Function<PackFlag, String> flagName) {
        Column c = columns.get(column);
        return switch (c.kind()) {
            case PACK -> String.format(Locale.ROOT, "PackNo.%02d", s.address());
            case TIME -> time(s.time());
            case QUANTITY -> s.has(c.quantity()) ? value(c.quantity(), s.get(c.quantity())) : "";
            case TEMPERATURE -> c.number() <= s.temperatureCount() ? decimals(s.temperature(c.number() - 1), 1) : "";
            case CELL -> c.number() <= s.cellCount() ? decimals(s.cellVoltage(c.number() - 1) * 1000, 0) : "";
            case ALARMS -> alarms(s, flagName);
        };
    }

    /** The active alarm, protection and detection flags, comma-separated, in the model's order. */
    public static String alarms(PackSnapshot s, Function<PackFlag, String> flagName) {
        StringBuilder sb = new StringBuilder();
        for (PackFlag f : PackFlag.values()) {
            if (ALARM_CATEGORIES.contains(f.category()) && s.hasFlag(f)) {
                if (!sb.isEmpty()) {
                    sb.append(", ");
                }
                sb.append(flagName.apply(f));
            }
        }
        return sb.toString();
    }

    /** A value in the page's unit: cell voltages in mV, the rest in the model's units. */
    public static String value(Quantity q, double v) {
        return switch (q) {
            case MIN_CELL_VOLTAGE, MAX_CELL_VOLTAGE -> decimals(v * 1000, 0);
            case CYCLES, INSULATION_POSITIVE, INSULATION_NEGATIVE -> decimals(v, 0);
            case SOC, SOH -> decimals(v, 1);
            default -> decimals(v, 2);
        };
    }

    private static String decimals(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }
}
