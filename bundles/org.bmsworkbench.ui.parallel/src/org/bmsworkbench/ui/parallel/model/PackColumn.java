package org.bmsworkbench.ui.parallel.model;

import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.PackSnapshot;

/**
 * One pack of the parallel grid: its address, whether its values are current, its latest poll (if it ever
 * answered) and the extremes of its cells and sensors, which decide which cell an over- or under-voltage
 * flag points at. Immutable.
 */
public final class PackColumn {

    private final int address;
    private final PackLinkState state;
    private final PackData data;
    private final double maxCell;
    private final double minCell;
    private final double hottest;
    private final double coldest;

    /**
     * @param address the pack's address
     * @param state   what may be shown for it; only {@link PackLinkState#ONLINE} values count as current
     * @param data    its latest poll, {@code null} if it never answered
     */
    public PackColumn(int address, PackLinkState state, PackData data) {
        this.address = address;
        this.state = state;
        this.data = data;
        double[] cells = extremes(data == null ? null : data.snapshot(), true);
        double[] temperatures = extremes(data == null ? null : data.snapshot(), false);
        this.maxCell = cells[1];
        this.minCell = cells[0];
        this.hottest = temperatures[1];
        this.coldest = temperatures[0];
    }

    private PackColumn(PackColumn other, PackLinkState state) {
        this.address = other.address;
        this.state = state;
        this.data = other.data;
        this.maxCell = other.maxCell;
        this.minCell = other.minCell;
        this.hottest = other.hottest;
        this.coldest = other.coldest;
    }

    /** Lowest and highest of the cells (or sensors) that were read, {@code NaN}s when none was. */
    private static double[] extremes(PackSnapshot s, boolean cells) {
        double min = Double.NaN;
        double max = Double.NaN;
        if (s != null) {
            int n = cells ? s.cellCount() : s.temperatureCount();
            for (int i = 0; i < n; i++) {
                double v = cells ? s.cellVoltage(i) : s.temperature(i);
                if (!Double.isNaN(v)) {
                    min = Double.isNaN(min) ? v : Math.min(min, v);
                    max = Double.isNaN(max) ? v : Math.max(max, v);
                }
            }
        }
        return new double[] { min, max };
    }

    /** The same pack with another link state. */
    public PackColumn withState(PackLinkState newState) {
        return newState == state ? this : new PackColumn(this, newState);
    }

    public int address() {
        return address;
    }

    public PackLinkState state() {
        return state;
    }

    /** Whether the values are current (the pack is online). */
    public boolean isCurrent() {
        return state == PackLinkState.ONLINE;
    }

    /** The latest poll, {@code null} if the pack never answered. */
    public PackData data() {
        return data;
    }

    /** The latest snapshot, {@code null} if the pack never answered. */
    public PackSnapshot snapshot() {
        return data == null ? null : data.snapshot();
    }

    /** Highest cell voltage read in V, {@code NaN} when no cell was read. */
    public double maxCell() {
        return maxCell;
    }

    /** Lowest cell voltage read in V, {@code NaN} when no cell was read. */
    public double minCell() {
        return minCell;
    }

    /** Highest sensor temperature in &deg;C, {@code NaN} when no sensor was read. */
    public double hottest() {
        return hottest;
    }

    /** Lowest sensor temperature in &deg;C, {@code NaN} when no sensor was read. */
    public double coldest() {
        return coldest;
    }
}
