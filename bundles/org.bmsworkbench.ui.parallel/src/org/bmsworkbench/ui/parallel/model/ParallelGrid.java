package org.bmsworkbench.ui.parallel.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.bmsworkbench.core.bus.BusStateStore;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.Overview;
import org.bmsworkbench.core.bus.PackView;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * The values of the parallel monitoring grid, without any UI: one column per pack of one bus, one row per
 * quantity of the reference manual's list (voltage, current, SOC, SOH, capacities, cycles, lowest and
 * highest cell, outside voltage, insulation), then one row per temperature sensor and one per cell.
 * <p>
 * Each cell of the grid has a display text and a {@link CellStatus}: the value is coloured when the pack's
 * own alarm or protection flags point at it, or when it cannot be right; every value of a pack that is not
 * online is {@link CellStatus#STALE}, never current.
 * <p>
 * {@link #update} is cheap when little changed: a pack whose poll and state are unchanged keeps its column,
 * texts are formatted only when asked for (the table asks only for the cells it paints) and then kept until
 * the pack's next poll. The numbers of sensor and cell rows only grow while the same bus is shown, so a
 * summary-only poll does not make rows come and go. Not thread-safe: use it from one thread (the display
 * thread).
 */
public final class ParallelGrid {

    /** The quantity rows, in the order of the reference software's parallel monitoring page. */
    public static final List<Quantity> SUMMARY = List.of(Quantity.VOLTAGE, Quantity.CURRENT, Quantity.SOC,
            Quantity.SOH, Quantity.REMAINING_CAPACITY, Quantity.FULL_CAPACITY, Quantity.DESIGN_CAPACITY,
            Quantity.CYCLES, Quantity.MIN_CELL_VOLTAGE, Quantity.MAX_CELL_VOLTAGE, Quantity.PORT_VOLTAGE,
            Quantity.INSULATION_POSITIVE, Quantity.INSULATION_NEGATIVE);

    /** A snapshot older than this is not current, whatever the registry says (the registry's own limit). */
    public static final Duration STALE_AFTER = BusStateStore.DEFAULT_STALE_AFTER;

    /** Plausible cell voltage range in V; a cell outside it is a sensing fault. */
    public static final double CELL_MIN_VOLTS = 1.0;
    public static final double CELL_MAX_VOLTS = 5.0;
    /** Plausible temperature range in &deg;C. */
    public static final double TEMPERATURE_MIN = -40.0;
    public static final double TEMPERATURE_MAX = 120.0;
    /** Highest plausible pack or outside voltage in V: the largest pack at the highest plausible cell voltage. */
    public static final double PACK_MAX_VOLTS = PackSnapshot.MAX_CELLS * CELL_MAX_VOLTS;

    private static final Set<PackFlag> VOLTAGE_FLAGS = EnumSet.of(PackFlag.PACK_OV, PackFlag.PACK_UV,
            PackFlag.PACK_OVP, PackFlag.PACK_UVP);
    private static final Set<PackFlag> CURRENT_FLAGS = EnumSet.of(PackFlag.CHG_OC, PackFlag.DSG_OC,
            PackFlag.CHG_OCP, PackFlag.DSG_OCP_1, PackFlag.DSG_OCP_2, PackFlag.SCP);
    private static final Set<PackFlag> SOC_FLAGS = EnumSet.of(PackFlag.SOC_LOW, PackFlag.SOC_LOW_P);
    private static final Set<PackFlag> PORT_FLAGS = EnumSet.of(PackFlag.CHARGER_OVP, PackFlag.INVERSED_CHARGER);
    /** Flags that point at the highest cell. */
    private static final Set<PackFlag> HIGH_CELL_FLAGS = EnumSet.of(PackFlag.CELL_OV, PackFlag.CELL_OVP,
            PackFlag.CELL_DIFF);
    /** Flags that point at the lowest cell. */
    private static final Set<PackFlag> LOW_CELL_FLAGS = EnumSet.of(PackFlag.CELL_UV, PackFlag.CELL_UVP,
            PackFlag.CELL_DIFF);
    /** Cell temperature flags that point at the hottest sensor. */
    private static final Set<PackFlag> HOT_FLAGS = EnumSet.of(PackFlag.CELL_OT, PackFlag.CHG_OT, PackFlag.DSG_OT,
            PackFlag.CHG_OTP, PackFlag.DSG_OTP);
    /** Cell temperature flags that point at the coldest sensor. */
    private static final Set<PackFlag> COLD_FLAGS = EnumSet.of(PackFlag.CELL_UT, PackFlag.CHG_UT, PackFlag.DSG_UT,
            PackFlag.CHG_UTP, PackFlag.DSG_UTP);

    private static final long[] POWERS_OF_TEN = { 1, 10, 100, 1000, 10000 };

    /** What an {@link #update} changed, so that the table can refresh no more than needed. */
    public enum Change {
        /** Nothing to repaint. */
        NONE,
        /** Values, states or the selected pack changed; rows and columns are the same. */
        VALUES,
        /** The number of rows changed (columns are the same packs). */
        ROWS,
        /** The columns changed (other packs, or another bus). */
        COLUMNS,
        /** Both rows and columns changed. */
        ROWS_AND_COLUMNS;

        public boolean rowsChanged() {
            return this == ROWS || this == ROWS_AND_COLUMNS;
        }

        public boolean columnsChanged() {
            return this == COLUMNS || this == ROWS_AND_COLUMNS;
        }

        public boolean structural() {
            return rowsChanged() || columnsChanged();
        }
    }

    private String busId;
    private int temperatureRows;
    private int cellRows;
    private List<GridRow> rows = buildRows(0, 0);
    private List<PackColumn> columns = List.of();
    private String[][] texts = new String[0][];
    /**
     * Per column, the rows whose text or status the last {@link #update} changed; {@code null} for a column that
     * changed as a whole (its state, its title or whether it is the selected pack).
     */
    private BitSet[] changedRows = new BitSet[0];
    private int selectedAddress = -1;

    /**
     * Shows the packs of {@code busId}.
     *
     * @param busId           the bus shown, {@code null} for none (the grid is then empty)
     * @param packs           the latest poll of each pack of the bus that answered ({@code LiveData.packs})
     * @param links           the bus's packs as the registry knows them; packs that never answered get an
     *                        empty column
     * @param now             the time link states are derived for
     * @param selectedAddress the address of the pack to highlight, -1 for none
     * @return what changed since the last update
     */
    public Change update(String busId, List<PackData> packs, List<PackView> links, Instant now, int selectedAddress) {
        boolean newBus = !Objects.equals(this.busId, busId);
        this.busId = busId;
        TreeMap<Integer, PackData> data = new TreeMap<>();
        Map<Integer, PackLinkState> registered = new HashMap<>();
        int temperatures = 0;
        int cells = 0;
        if (busId != null) {
            for (PackData d : packs) {
                if (busId.equals(d.busId())) {
                    data.put(d.address(), d);
                    temperatures = Math.max(temperatures, d.snapshot().temperatureCount());
                    cells = Math.max(cells, d.snapshot().cellCount());
                }
            }
            for (PackView v : links) {
                if (busId.equals(v.status().busId())) {
                    registered.put(v.address(), v.effectiveState());
                    data.putIfAbsent(v.address(), null);
                }
            }
        }
        if (!newBus) {
            temperatures = Math.max(temperatures, temperatureRows);
            cells = Math.max(cells, cellRows);
        }
        boolean rowsChanged = temperatures != temperatureRows || cells != cellRows;
        if (rowsChanged) {
            temperatureRows = temperatures;
            cellRows = cells;
            rows = buildRows(temperatures, cells);
        }

        Map<Integer, Integer> oldIndex = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            oldIndex.put(columns.get(i).address(), i);
        }
        List<PackColumn> next = new ArrayList<>(data.size());
        String[][] nextTexts = new String[data.size()][];
        BitSet[] nextChanged = new BitSet[data.size()];
        boolean columnsChanged = newBus || data.size() != columns.size();
        boolean valuesChanged = selectedAddress != this.selectedAddress;
        int i = 0;
        for (Map.Entry<Integer, PackData> e : data.entrySet()) {
            int address = e.getKey();
            PackData d = e.getValue();
            PackLinkState state = linkState(registered.get(address), d == null ? null : d.snapshot().time(), now);
            Integer old = newBus ? null : oldIndex.get(address);
            if (old == null || old != i) {
                columnsChanged = true;
            }
            PackColumn previous = old == null ? null : columns.get(old);
            PackColumn column;
            boolean selectionMoved = (address == selectedAddress) != (address == this.selectedAddress);
            if (previous != null && previous.data() == d) {
                column = previous.withState(state);
                nextTexts[i] = rowsChanged ? null : texts[old];
                valuesChanged |= column != previous;
                nextChanged[i] = column != previous || selectionMoved ? null : new BitSet();
            } else {
                column = new PackColumn(address, state, d);
                valuesChanged = true;
                if (previous != null && !rowsChanged && previous.state() == state && !selectionMoved) {
                    // the same pack with new values: only the cells whose text or colour changed need a repaint,
                    // and the texts of the others stay as they were
                    String[] kept = texts[old] == null ? null : new String[rows.size()];
                    nextChanged[i] = changedRows(previous, column, texts[old], kept);
                    nextTexts[i] = kept;
                }
            }
            next.add(column);
            i++;
        }
        columns = Collections.unmodifiableList(next);
        texts = nextTexts;
        changedRows = nextChanged;
        this.selectedAddress = selectedAddress;
        if (rowsChanged && columnsChanged) {
            return Change.ROWS_AND_COLUMNS;
        }
        if (rowsChanged) {
            return Change.ROWS;
        }
        if (columnsChanged) {
            return Change.COLUMNS;
        }
        return valuesChanged ? Change.VALUES : Change.NONE;
    }

    /** Rows of {@code next} whose value or status differs from {@code previous}; copies the texts that stay. */
    private BitSet changedRows(PackColumn previous, PackColumn next, String[] previousTexts, String[] kept) {
        BitSet changed = new BitSet(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            GridRow row = rows.get(r);
            double before = value(previous, row);
            double now = value(next, row);
            if (Double.compare(before, now) != 0 || status(previous, row, before) != status(next, row, now)) {
                changed.set(r);
            } else if (kept != null) {
                kept[r] = previousTexts[r];
            }
        }
        return changed;
    }

    /**
     * Whether the last {@link #update} changed how column {@code column} looks: as a whole (see
     * {@link #changedRows(int)}) or in some of its cells.
     */
    public boolean columnChanged(int column) {
        BitSet b = column < changedRows.length ? changedRows[column] : null;
        return b == null || !b.isEmpty();
    }

    /**
     * The rows of {@code column} whose text or colour the last {@link #update} changed, or {@code null} when the
     * whole column (with its title) changed. Read-only.
     */
    public BitSet changedRows(int column) {
        return column < changedRows.length ? changedRows[column] : null;
    }

    private static List<GridRow> buildRows(int temperatures, int cells) {
        List<GridRow> result = new ArrayList<>(SUMMARY.size() + temperatures + cells);
        for (Quantity q : SUMMARY) {
            result.add(GridRow.of(q));
        }
        for (int t = 0; t < temperatures; t++) {
            result.add(GridRow.temperature(t));
        }
        for (int c = 0; c < cells; c++) {
            result.add(GridRow.cell(c));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * What may be shown for a pack: the registry's effective state, but never {@link PackLinkState#ONLINE}
     * for a snapshot older than {@link #STALE_AFTER}. A pack the registry does not know is judged by the age
     * of its snapshot alone.
     *
     * @param registered   the registry's effective state, {@code null} when it does not know the pack
     * @param snapshotTime time of the pack's latest snapshot, {@code null} if it never answered
     */
    public static PackLinkState linkState(PackLinkState registered, Instant snapshotTime, Instant now) {
        if (snapshotTime == null) {
            return registered == null ? PackLinkState.OFFLINE : registered;
        }
        if (registered == PackLinkState.OFFLINE || registered == PackLinkState.STALE
                || registered == PackLinkState.HIBERNATING) {
            return registered;
        }
        boolean old = Duration.between(snapshotTime, now).compareTo(STALE_AFTER) > 0;
        return old ? PackLinkState.STALE : PackLinkState.ONLINE;
    }

    /**
     * The bus to show: the selected pack's, or when nothing is selected the first bus of the overview that
     * has packs; {@code null} when there is none.
     */
    public static String busToShow(Optional<SelectedPack> selected, Overview overview) {
        if (selected.isPresent()) {
            return selected.get().busId();
        }
        for (BusView bus : overview.buses()) {
            if (!bus.packs().isEmpty()) {
                return bus.busId();
            }
        }
        return null;
    }

    /** The packs of {@code busId} in the overview, empty when the registry does not know the bus. */
    public static List<PackView> packsOf(Overview overview, String busId) {
        for (BusView bus : overview.buses()) {
            if (bus.busId().equals(busId)) {
                return bus.packs();
            }
        }
        return List.of();
    }

    /** The bus shown, {@code null} for none. */
    public String busId() {
        return busId;
    }

    public int rowCount() {
        return rows.size();
    }

    public int columnCount() {
        return columns.size();
    }

    public List<GridRow> rows() {
        return rows;
    }

    public GridRow row(int row) {
        return rows.get(row);
    }

    public List<PackColumn> columns() {
        return columns;
    }

    public PackColumn column(int column) {
        return columns.get(column);
    }

    /** The column of the pack at {@code address}, -1 when it is not shown. */
    public int columnOf(int address) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).address() == address) {
                return i;
            }
        }
        return -1;
    }

    /** The address of the highlighted pack, -1 for none. */
    public int selectedAddress() {
        return selectedAddress;
    }

    public boolean isSelected(int column) {
        return columns.get(column).address() == selectedAddress;
    }

    /** Number of packs shown in {@code state}. */
    public int count(PackLinkState state) {
        int n = 0;
        for (PackColumn c : columns) {
            if (c.state() == state) {
                n++;
            }
        }
        return n;
    }

    /** The value in the model's unit (V for cells too), {@code NaN} when the pack did not report it. */
    public double value(int column, int row) {
        return value(columns.get(column), rows.get(row));
    }

    private static double value(PackColumn c, GridRow r) {
        PackSnapshot s = c.snapshot();
        if (s == null) {
            return Double.NaN;
        }
        return switch (r.kind()) {
            case QUANTITY -> {
                double v = s.get(r.quantity());
                if (Double.isNaN(v) && r.quantity() == Quantity.MIN_CELL_VOLTAGE) {
                    v = c.minCell();
                } else if (Double.isNaN(v) && r.quantity() == Quantity.MAX_CELL_VOLTAGE) {
                    v = c.maxCell();
                }
                yield v;
            }
            case TEMPERATURE -> r.index() < s.temperatureCount() ? s.temperature(r.index()) : Double.NaN;
            case CELL -> r.index() < s.cellCount() ? s.cellVoltage(r.index()) : Double.NaN;
        };
    }

    /** The text to show: the value in the row's unit ({@link GridRow#unit()}), "" when it is absent. */
    public String text(int column, int row) {
        String[] t = texts[column];
        if (t == null) {
            t = new String[rows.size()];
            texts[column] = t;
        }
        String s = t[row];
        if (s == null) {
            GridRow r = rows.get(row);
            double v = value(columns.get(column), r);
            s = Double.isNaN(v) ? "" : format(displayValue(r, v), decimals(r));
            t[row] = s;
        }
        return s;
    }

    /** How to show the value: absent, not current, implausible, in alarm or normal, in that order. */
    public CellStatus status(int column, int row) {
        PackColumn c = columns.get(column);
        GridRow r = rows.get(row);
        return status(c, r, value(c, r));
    }

    private static CellStatus status(PackColumn c, GridRow r, double v) {
        if (Double.isNaN(v)) {
            return CellStatus.ABSENT;
        }
        if (!c.isCurrent()) {
            return CellStatus.STALE;
        }
        if (outOfRange(r, v)) {
            return CellStatus.OUT_OF_RANGE;
        }
        return inAlarm(c, r, v) ? CellStatus.ALARM : CellStatus.NORMAL;
    }

    /** Whether {@code v} (in the model's unit) cannot be a true value of row {@code r}. */
    public static boolean outOfRange(GridRow r, double v) {
        return switch (r.kind()) {
            case CELL -> v < CELL_MIN_VOLTS || v > CELL_MAX_VOLTS;
            case TEMPERATURE -> v < TEMPERATURE_MIN || v > TEMPERATURE_MAX;
            case QUANTITY -> switch (r.quantity()) {
                case SOC, SOH -> v < 0 || v > 100;
                case REMAINING_CAPACITY, FULL_CAPACITY, DESIGN_CAPACITY, CYCLES, INSULATION_POSITIVE,
                        INSULATION_NEGATIVE -> v < 0;
                case VOLTAGE -> v < 0 || v > PACK_MAX_VOLTS;
                case PORT_VOLTAGE -> Math.abs(v) > PACK_MAX_VOLTS;
                case MIN_CELL_VOLTAGE, MAX_CELL_VOLTAGE -> v < CELL_MIN_VOLTS || v > CELL_MAX_VOLTS;
                default -> false;
            };
        };
    }

    /** Whether the pack's alarm or protection flags point at value {@code v} of row {@code r}. */
    private static boolean inAlarm(PackColumn c, GridRow r, double v) {
        Set<PackFlag> flags = c.snapshot().flags();
        if (flags.isEmpty()) {
            return false;
        }
        return switch (r.kind()) {
            case CELL -> (v == c.maxCell() && any(flags, HIGH_CELL_FLAGS))
                    || (v == c.minCell() && any(flags, LOW_CELL_FLAGS));
            case TEMPERATURE -> (v == c.hottest() && any(flags, HOT_FLAGS))
                    || (v == c.coldest() && any(flags, COLD_FLAGS));
            case QUANTITY -> switch (r.quantity()) {
                case VOLTAGE -> any(flags, VOLTAGE_FLAGS);
                case CURRENT -> any(flags, CURRENT_FLAGS);
                case SOC -> any(flags, SOC_FLAGS);
                case PORT_VOLTAGE -> any(flags, PORT_FLAGS);
                case MAX_CELL_VOLTAGE -> any(flags, HIGH_CELL_FLAGS);
                case MIN_CELL_VOLTAGE -> any(flags, LOW_CELL_FLAGS);
                default -> false;
            };
        };
    }

    private static boolean any(Set<PackFlag> flags, Set<PackFlag> wanted) {
        for (PackFlag f : wanted) {
            if (flags.contains(f)) {
                return true;
            }
        }
        return false;
    }

    private static double displayValue(GridRow r, double v) {
        boolean millivolts = r.kind() == GridRow.Kind.CELL
                || (r.kind() == GridRow.Kind.QUANTITY && GridRow.isCellVoltage(r.quantity()));
        return millivolts ? v * 1000 : v;
    }

    /** Decimals shown for a row: enough for the resolution packs report, no more. */
    static int decimals(GridRow r) {
        return switch (r.kind()) {
            case CELL -> 0;
            case TEMPERATURE -> 1;
            case QUANTITY -> switch (r.quantity()) {
                case SOC, SOH -> 1;
                case CYCLES, INSULATION_POSITIVE, INSULATION_NEGATIVE, MIN_CELL_VOLTAGE, MAX_CELL_VOLTAGE -> 0;
                default -> 2;
            };
        };
    }

    /** {@code v} with {@code decimals} (0..4) digits after a '.', rounded half up; much cheaper than String.format. */
    static String format(double v, int decimals) {
        long scale = POWERS_OF_TEN[decimals];
        long n = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder(12);
        if (v < 0 && n != 0) {
            sb.append('-');
        }
        sb.append(n / scale);
        if (decimals > 0) {
            sb.append('.');
            String fraction = Long.toString(n % scale);
            for (int i = fraction.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(fraction);
        }
        return sb.toString();
    }
}
