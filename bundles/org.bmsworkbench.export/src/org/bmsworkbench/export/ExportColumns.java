package org.bmsworkbench.export;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.text.MessageFormat;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * The columns of the reference software's Real-time Data page for a pack, in its order: PackNo, Time, the
 * scalars, MinV/MaxV, outside voltage, insulation, T1..Tn, V1..Vn and the active alarms as text. Header texts
 * carry their units and come from {@code messages.properties} (English) or {@code messages_zh.properties}; the
 * Real-time Data grid shows the same headers as the exported files.
 */
public final class ExportColumns {

    /** What a column shows. */
    public enum Kind {
        /** The pack's address. */
        PACK_NO,
        /** The time of the poll, in the zone of {@link ExportColumns#zone()}. */
        TIME,
        /** A {@link Quantity} in its unit. */
        QUANTITY,
        /** The lowest cell in mV (the pack's own figure, else the lowest cell read). */
        MIN_CELL,
        /** The highest cell in mV (the pack's own figure, else the highest cell read). */
        MAX_CELL,
        /** Temperature sensor {@code index} in °C. */
        TEMPERATURE,
        /** Cell {@code index} in mV. */
        CELL,
        /** The active alarm, protection and detection flags, comma separated. */
        ALARMS
    }

    /**
     * One column.
     *
     * @param kind     what it shows
     * @param quantity the quantity of a {@link Kind#QUANTITY} column, else {@code null}
     * @param index    the 0-based sensor or cell of a {@link Kind#TEMPERATURE} or {@link Kind#CELL} column, else -1
     * @param header   its header text with the unit
     */
    public record Column(Kind kind, Quantity quantity, int index, String header) {

        /** Whether the column holds numbers ({@link #number}); Time and Alarms do not. */
        public boolean numeric() {
            return kind != Kind.TIME && kind != Kind.ALARMS;
        }

        /** The value in the header's unit, or {@code NaN} when the pack did not report it (an empty cell). */
        public double number(PackSnapshot s) {
            switch (kind) {
            case PACK_NO:
                return s.address();
            case QUANTITY:
                return s.get(quantity);
            case MIN_CELL:
                return millivolts(s.has(Quantity.MIN_CELL_VOLTAGE) ? s.get(Quantity.MIN_CELL_VOLTAGE)
                        : s.cellStatistics()[0]);
            case MAX_CELL:
                return millivolts(s.has(Quantity.MAX_CELL_VOLTAGE) ? s.get(Quantity.MAX_CELL_VOLTAGE)
                        : s.cellStatistics()[1]);
            case TEMPERATURE:
                return index < s.temperatureCount() ? s.temperature(index) : Double.NaN;
            case CELL:
                return index < s.cellCount() ? millivolts(s.cellVoltage(index)) : Double.NaN;
            default:
                return Double.NaN;
            }
        }
    }

    /** The scalars between Time and MinV, in the manual's order. */
    private static final Quantity[] LEADING = { Quantity.VOLTAGE, Quantity.CURRENT, Quantity.SOC, Quantity.SOH,
            Quantity.REMAINING_CAPACITY, Quantity.DESIGN_CAPACITY, Quantity.CYCLES };
    /** The scalars after MaxV. */
    private static final Quantity[] TRAILING = { Quantity.PORT_VOLTAGE, Quantity.INSULATION_POSITIVE,
            Quantity.INSULATION_NEGATIVE };

    private final List<Column> columns;
    private final int cells;
    private final int temps;
    private final ZoneId zone;

    private ExportColumns(List<Column> columns, int cells, int temps, ZoneId zone) {
        this.columns = List.copyOf(columns);
        this.cells = cells;
        this.temps = temps;
        this.zone = zone;
    }

    /** The columns of a pack with this many cells and sensors, times in the machine's time zone. */
    public static ExportColumns of(int cells, int temps, Locale locale) {
        return of(cells, temps, locale, ZoneId.systemDefault());
    }

    /** The columns of a pack with this many cells and sensors, headers in {@code locale} (English by default). */
    public static ExportColumns of(int cells, int temps, Locale locale, ZoneId zone) {
        if (cells < 0 || cells > PackSnapshot.MAX_CELLS || temps < 0 || temps > PackSnapshot.MAX_TEMPERATURES) {
            throw new IllegalArgumentException("cells 0.." + PackSnapshot.MAX_CELLS + " and sensors 0.."
                    + PackSnapshot.MAX_TEMPERATURES + ", not " + cells + " and " + temps);
        }
        Objects.requireNonNull(zone, "zone");
        ResourceBundle m = messages(locale);
        List<Column> list = new ArrayList<>();
        list.add(new Column(Kind.PACK_NO, null, -1, m.getString("packNo")));
        list.add(new Column(Kind.TIME, null, -1, MessageFormat.format(m.getString("time"), zone.getId())));
        for (Quantity q : LEADING) {
            list.add(new Column(Kind.QUANTITY, q, -1, m.getString(q.key())));
        }
        list.add(new Column(Kind.MIN_CELL, null, -1, m.getString("minCell")));
        list.add(new Column(Kind.MAX_CELL, null, -1, m.getString("maxCell")));
        for (Quantity q : TRAILING) {
            list.add(new Column(Kind.QUANTITY, q, -1, m.getString(q.key())));
        }
        String t = m.getString("temperature");
        for (int i = 0; i < temps; i++) {
            list.add(new Column(Kind.TEMPERATURE, null, i, MessageFormat.format(t, String.valueOf(i + 1))));
        }
        String v = m.getString("cell");
        for (int i = 0; i < cells; i++) {
            list.add(new Column(Kind.CELL, null, i, MessageFormat.format(v, String.valueOf(i + 1))));
        }
        list.add(new Column(Kind.ALARMS, null, -1, m.getString("alarms")));
        return new ExportColumns(list, cells, temps, zone);
    }

    /** The strings of {@code locale}, English when there are none for it (not the machine's language). */
    static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle("org.bmsworkbench.export.messages", locale == null ? Locale.ROOT : locale,
                ExportColumns.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    public int size() {
        return columns.size();
    }

    public int cells() {
        return cells;
    }

    public int temps() {
        return temps;
    }

    /** The zone the Time column is in (named in its header). */
    public ZoneId zone() {
        return zone;
    }

    /** The active alarm, protection and detection flags' names, comma separated; {@code ""} when none. */
    public static String alarms(PackSnapshot s) {
        if (s.flags().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (PackFlag f : PackFlag.values()) {
            FlagCategory c = f.category();
            if ((c == FlagCategory.ALARM || c == FlagCategory.PROTECTION || c == FlagCategory.DETECTION)
                    && s.hasFlag(f)) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(f.name());
            }
        }
        return sb.toString();
    }

    /** Volts to millivolts without the binary noise of the product (3.312 V is 3312 mV, not 3311.9999999). */
    static double millivolts(double volts) {
        return Double.isNaN(volts) ? Double.NaN : Math.round(volts * 1_000_000d) / 1000d;
    }
}
