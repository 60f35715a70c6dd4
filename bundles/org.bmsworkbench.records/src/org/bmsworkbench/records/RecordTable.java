package org.bmsworkbench.records;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.Quantity;

/**
 * The rows of a Data Record or Alarm Record page, UI-free: the records read, the columns of the manual, a filter
 * by time range and alarm type, and a sort by any column. Not thread-safe: the display thread owns it.
 */
public final class RecordTable {

    /** The columns of the pages (issue 16); TEMP stands for T1..Tn. */
    public enum Column {
        SEQ, PACK, TIME, MODE, VOLTAGE, CURRENT, SOC, ALARM, ALARM_INFO, MIN_V, MAX_V, ENV, FET, TEMP, NOTE
    }

    /** One column: which, and for TEMP the sensor (0-based). */
    public record ColumnRef(Column column, int sensor) {
        public static ColumnRef of(Column column) {
            return new ColumnRef(column, 0);
        }
    }

    /** One row: the pack it was read from and the record. */
    public record Row(int pack, DeviceRecord record) {
    }

    /** Which alarm records to show. */
    public enum TypeFilter {
        ALL, ALARM, PROTECTION, DETECTION, RAISED, CLEARED, DAMAGED
    }

    /** Texts the page shows that depend on the language: modes and the note on a damaged or flagged record. */
    public interface Labels {
        String mode(OperatingMode mode);

        String damaged(String why);

        String clockNotSet();
    }

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final RecordKind kind;
    private final List<Row> rows = new ArrayList<>();
    private List<Row> visible = List.of();
    private Locale locale = Locale.ENGLISH;
    private Labels labels;
    private LocalDateTime from;
    private LocalDateTime to;
    private TypeFilter type = TypeFilter.ALL;
    private ColumnRef sortColumn = ColumnRef.of(Column.SEQ);
    private boolean ascending = true;
    private int sensors;

    public RecordTable(RecordKind kind, Locale locale, Labels labels) {
        this.kind = kind;
        this.locale = locale;
        this.labels = labels;
    }

    public RecordKind kind() {
        return kind;
    }

    public void setLanguage(Locale newLocale, Labels newLabels) {
        this.locale = newLocale;
        this.labels = newLabels;
    }

    /** The columns in page order; T1..Tn as many as the records read have. */
    public List<ColumnRef> columns() {
        List<ColumnRef> c = new ArrayList<>();
        for (Column col : List.of(Column.SEQ, Column.PACK, Column.TIME, Column.MODE, Column.VOLTAGE, Column.CURRENT,
                Column.SOC)) {
            c.add(ColumnRef.of(col));
        }
        if (kind == RecordKind.ALARM) {
            c.add(ColumnRef.of(Column.ALARM));
            c.add(ColumnRef.of(Column.ALARM_INFO));
        }
        for (Column col : List.of(Column.MIN_V, Column.MAX_V, Column.ENV, Column.FET)) {
            c.add(ColumnRef.of(col));
        }
        for (int i = 0; i < sensors; i++) {
            c.add(new ColumnRef(Column.TEMP, i));
        }
        c.add(ColumnRef.of(Column.NOTE));
        return c;
    }

    /** A copy with the same rows, filter and sort, for a thread of its own (an export). */
    public RecordTable copy() {
        RecordTable t = new RecordTable(kind, locale, labels);
        t.rows.addAll(rows);
        t.sensors = sensors;
        t.from = from;
        t.to = to;
        t.type = type;
        t.sortColumn = sortColumn;
        t.ascending = ascending;
        t.update();
        return t;
    }

    /** Adds records read from pack {@code pack}; returns whether the columns changed (more sensors). */
    public boolean add(int pack, List<DeviceRecord> records) {
        int before = sensors;
        for (DeviceRecord r : records) {
            rows.add(new Row(pack, r));
            sensors = Math.max(sensors, r.values().temperatureCount());
        }
        update();
        return sensors != before;
    }

    /** Clears the page (the board's store is not touched). */
    public void clear() {
        rows.clear();
        sensors = 0;
        update();
    }

    /** Shows only records stored from {@code start} to {@code end} (either may be null: open) of the type. */
    public void filter(LocalDateTime start, LocalDateTime end, TypeFilter filter) {
        this.from = start;
        this.to = end;
        this.type = filter;
        update();
    }

    public void sortBy(ColumnRef column, boolean up) {
        this.sortColumn = column;
        this.ascending = up;
        update();
    }

    public ColumnRef sortColumn() {
        return sortColumn;
    }

    public boolean ascending() {
        return ascending;
    }

    /** Records read, whatever the filter. */
    public int total() {
        return rows.size();
    }

    /** Records shown. */
    public int size() {
        return visible.size();
    }

    public Row row(int i) {
        return visible.get(i);
    }

    public List<Row> visibleRows() {
        return visible;
    }

    public long damagedCount() {
        return rows.stream().filter(r -> r.record().damaged()).count();
    }

    public long clockNotSetCount() {
        return rows.stream().filter(r -> r.record().clockNotSet()).count();
    }

    private void update() {
        List<Row> list = new ArrayList<>();
        for (Row r : rows) {
            if (accepts(r.record())) {
                list.add(r);
            }
        }
        Comparator<Row> order = Comparator.comparing(r -> key(r, sortColumn), RecordTable::compareKeys);
        order = order.thenComparing(r -> r.record().index());
        list.sort(ascending ? order : order.reversed());
        visible = List.copyOf(list);
    }

    private boolean accepts(DeviceRecord r) {
        LocalDateTime t = r.time();
        if (from != null && (t == null || t.isBefore(from)) || to != null && (t == null || t.isAfter(to))) {
            return false;
        }
        FlagCategory category = AlarmCodes.category(r.code()).orElse(null);
        return switch (type) {
            case ALL -> true;
            case ALARM -> category == FlagCategory.ALARM;
            case PROTECTION -> category == FlagCategory.PROTECTION;
            case DETECTION -> category == FlagCategory.DETECTION;
            case RAISED -> r.code() != 0 && !AlarmCodes.cleared(r.code());
            case CLEARED -> AlarmCodes.cleared(r.code());
            case DAMAGED -> r.damaged() || r.clockNotSet();
        };
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compareKeys(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x.isNaN() ? Double.NEGATIVE_INFINITY : x, y.isNaN() ? Double.NEGATIVE_INFINITY : y);
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return c.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    /** The value a column sorts by and an export writes: a Double, Long, LocalDateTime or String. */
    public Object key(Row row, ColumnRef c) {
        DeviceRecord r = row.record();
        return switch (c.column()) {
            case SEQ -> r.index() + 1;
            case PACK -> (long) row.pack();
            case TIME -> r.time();
            case MODE -> labels.mode(r.mode());
            case VOLTAGE -> r.values().get(Quantity.VOLTAGE);
            case CURRENT -> r.values().get(Quantity.CURRENT);
            case SOC -> r.values().get(Quantity.SOC);
            case ALARM -> (long) r.code();
            case ALARM_INFO -> AlarmCodes.describe(r.code(), locale);
            case MIN_V -> r.values().get(Quantity.MIN_CELL_VOLTAGE) * 1000;
            case MAX_V -> r.values().get(Quantity.MAX_CELL_VOLTAGE) * 1000;
            case ENV -> r.values().get(Quantity.ENVIRONMENT_TEMPERATURE);
            case FET -> r.values().get(Quantity.MOSFET_TEMPERATURE);
            case TEMP -> c.sensor() < r.values().temperatureCount() ? r.values().temperature(c.sensor()) : Double.NaN;
            case NOTE -> note(r);
        };
    }

    /** The text a cell shows. */
    public String text(Row row, ColumnRef c) {
        Object v = key(row, c);
        if (c.column() == Column.ALARM) {
            return AlarmCodes.hex(row.record().code());
        }
        if (v == null) {
            return "";
        }
        if (v instanceof LocalDateTime t) {
            return TIME.format(t);
        }
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "" : format(d, decimals(c.column()));
        }
        return v.toString();
    }

    private static int decimals(Column c) {
        return switch (c) {
            case VOLTAGE, CURRENT -> 2;
            case MIN_V, MAX_V -> 0;
            default -> 1;
        };
    }

    private static String format(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private String note(DeviceRecord r) {
        List<String> notes = new ArrayList<>();
        if (r.damaged()) {
            notes.add(labels.damaged(r.damage()));
        }
        if (r.clockNotSet()) {
            notes.add(labels.clockNotSet());
        }
        return String.join("; ", notes);
    }

    /** Labels in English, for tests and tools. */
    public static Labels englishLabels() {
        Function<OperatingMode, String> mode = m -> switch (m) {
            case CHARGE -> "Charge";
            case DISCHARGE -> "Discharge";
            case IDLE -> "Idle";
            case UNKNOWN -> "Unknown";
        };
        return new Labels() {
            @Override
            public String mode(OperatingMode m) {
                return mode.apply(m);
            }

            @Override
            public String damaged(String why) {
                return "Damaged: " + why;
            }

            @Override
            public String clockNotSet() {
                return "Board clock never set";
            }
        };
    }
}
