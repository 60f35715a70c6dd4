package org.bmsworkbench.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What one pack reported at one time. Immutable.
 * <p>
 * A value the pack did not report is absent, never zero: {@link #get(Quantity)} returns {@code NaN} for it,
 * a cell or sensor that was not read is {@code NaN}, and {@link #reportedFlagCategories()} says which flag
 * groups were reported at all, so that "no alarm" and "alarms not read" stay different things.
 * Units: see {@link Quantity}; cell voltages in V, temperatures in &deg;C.
 */
public final class PackSnapshot {

    /** Largest cell count of a pack on the bus. */
    public static final int MAX_CELLS = 176;
    /** Largest temperature sensor count of a pack on the bus. */
    public static final int MAX_TEMPERATURES = 33;

    private static final Quantity[] QUANTITIES = Quantity.values();

    private final Instant time;
    private final int address;
    private final double[] values;
    private final double[] cellVoltages;
    private final double[] temperatures;
    private final BitSet balancing;
    private final Set<PackFlag> flags;
    private final Set<FlagCategory> reportedFlagCategories;

    private PackSnapshot(Builder b) {
        this.time = b.time;
        this.address = b.address;
        this.values = b.values.clone();
        this.cellVoltages = b.cellVoltages.clone();
        this.temperatures = b.temperatures.clone();
        this.balancing = (BitSet) b.balancing.clone();
        this.flags = Collections.unmodifiableSet(EnumSet.copyOf(b.flags));
        this.reportedFlagCategories = Collections.unmodifiableSet(EnumSet.copyOf(b.categories));
    }

    public static Builder builder(int address) {
        return new Builder(address);
    }

    /** A builder holding this snapshot's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(address);
        b.time = time;
        System.arraycopy(values, 0, b.values, 0, values.length);
        b.cellVoltages = cellVoltages.clone();
        b.temperatures = temperatures.clone();
        b.balancing = (BitSet) balancing.clone();
        b.flags.addAll(flags);
        b.categories.addAll(reportedFlagCategories);
        return b;
    }

    public Instant time() {
        return time;
    }

    /** The pack's bus address (its DIP-switch address). */
    public int address() {
        return address;
    }

    /** The value in the unit of {@link Quantity#unit()}, or {@code NaN} when the pack did not report it. */
    public double get(Quantity quantity) {
        return values[quantity.ordinal()];
    }

    public OptionalDouble find(Quantity quantity) {
        double v = values[quantity.ordinal()];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public boolean has(Quantity quantity) {
        return !Double.isNaN(values[quantity.ordinal()]);
    }

    /** Number of cells reported (0 when the frame carried none). */
    public int cellCount() {
        return cellVoltages.length;
    }

    /** Voltage of cell {@code index} (0-based) in V, {@code NaN} when it was not read. */
    public double cellVoltage(int index) {
        return cellVoltages[index];
    }

    public double[] cellVoltages() {
        return cellVoltages.clone();
    }

    /** Number of temperature sensors reported, fitted or not. */
    public int temperatureCount() {
        return temperatures.length;
    }

    /** Temperature of sensor {@code index} (0-based) in &deg;C, {@code NaN} when the sensor is absent. */
    public double temperature(int index) {
        return temperatures[index];
    }

    public double[] temperatures() {
        return temperatures.clone();
    }

    /** Whether cell {@code index} (0-based) is being balanced. */
    public boolean isBalancing(int index) {
        return balancing.get(index);
    }

    public BitSet balancing() {
        return (BitSet) balancing.clone();
    }

    public Set<PackFlag> flags() {
        return flags;
    }

    public boolean hasFlag(PackFlag flag) {
        return flags.contains(flag);
    }

    /** The flag groups the pack reported, whether or not any of their flags is set. */
    public Set<FlagCategory> reportedFlagCategories() {
        return reportedFlagCategories;
    }

    /** Lowest, highest and mean of the cells that were read, or {@code NaN}s when none was. */
    public double[] cellStatistics() {
        double min = Double.NaN;
        double max = Double.NaN;
        double sum = 0;
        int n = 0;
        for (double v : cellVoltages) {
            if (!Double.isNaN(v)) {
                min = n == 0 ? v : Math.min(min, v);
                max = n == 0 ? v : Math.max(max, v);
                sum += v;
                n++;
            }
        }
        return new double[] { min, max, n == 0 ? Double.NaN : sum / n };
    }

    /**
     * This snapshot with what {@code newer} reported laid over it: its values, cells and sensors where it
     * has them, and its flags for every category it reported. Used to combine the several replies that
     * make up one poll of a pack.
     */
    public PackSnapshot mergedWith(PackSnapshot newer) {
        if (newer.address != address) {
            throw new IllegalArgumentException(
                    "cannot merge pack " + newer.address + " into pack " + address);
        }
        Builder b = toBuilder();
        b.time = newer.time;
        for (int i = 0; i < newer.values.length; i++) {
            if (!Double.isNaN(newer.values[i])) {
                b.values[i] = newer.values[i];
            }
        }
        b.cellVoltages = overlay(cellVoltages, newer.cellVoltages);
        b.temperatures = newer.temperatures.length > 0 ? overlay(temperatures, newer.temperatures) : temperatures.clone();
        if (!newer.balancing.isEmpty() || newer.reportedFlagCategories.contains(FlagCategory.SYSTEM)) {
            b.balancing = (BitSet) newer.balancing.clone();
        }
        for (FlagCategory category : newer.reportedFlagCategories) {
            b.flags.removeAll(PackFlag.of(category));
            b.categories.add(category);
        }
        b.flags.addAll(newer.flags);
        return b.build();
    }

    private static double[] overlay(double[] older, double[] newer) {
        double[] result = Arrays.copyOf(older, Math.max(older.length, newer.length));
        for (int i = older.length; i < result.length; i++) {
            result[i] = Double.NaN;
        }
        for (int i = 0; i < newer.length; i++) {
            if (!Double.isNaN(newer[i])) {
                result[i] = newer[i];
            }
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackSnapshot s && address == s.address && Objects.equals(time, s.time)
                && Arrays.equals(values, s.values) && Arrays.equals(cellVoltages, s.cellVoltages)
                && Arrays.equals(temperatures, s.temperatures) && balancing.equals(s.balancing)
                && flags.equals(s.flags) && reportedFlagCategories.equals(s.reportedFlagCategories);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, time, Arrays.hashCode(values), Arrays.hashCode(cellVoltages), flags);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PackSnapshot[address=").append(address);
        for (Quantity q : QUANTITIES) {
            if (has(q)) {
                sb.append(", ").append(q.key()).append('=').append(get(q));
            }
        }
        return sb.append(", cells=").append(cellVoltages.length).append(", temperatures=")
                .append(temperatures.length).append(", flags=").append(flags).append(']').toString();
    }

    /** Collects a snapshot; every setter checks its value so a bad decode cannot build a bad snapshot. */
    public static final class Builder {
        private Instant time = Instant.EPOCH;
        private final int address;
        private final double[] values = new double[QUANTITIES.length];
        private double[] cellVoltages = new double[0];
        private double[] temperatures = new double[0];
        private BitSet balancing = new BitSet();
        private final EnumSet<PackFlag> flags = EnumSet.noneOf(PackFlag.class);
        private final EnumSet<FlagCategory> categories = EnumSet.noneOf(FlagCategory.class);

        private Builder(int address) {
            if (address < 0 || address > 255) {
                throw new IllegalArgumentException("pack address " + address + " is outside 0..255");
            }
            this.address = address;
            Arrays.fill(values, Double.NaN);
        }

        public Builder time(Instant time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /** Sets a value; {@code NaN} clears it. Infinite values are refused. */
        public Builder set(Quantity quantity, double value) {
            if (Double.isInfinite(value)) {
                throw new IllegalArgumentException(quantity.key() + " must be finite");
            }
            values[quantity.ordinal()] = value;
            return this;
        }

        public Builder cellCount(int count) {
            if (count < 0 || count > MAX_CELLS) {
                throw new IllegalArgumentException("cell count " + count + " is outside 0.." + MAX_CELLS);
            }
            double[] resized = Arrays.copyOf(cellVoltages, count);
            for (int i = cellVoltages.length; i < count; i++) {
                resized[i] = Double.NaN;
            }
            cellVoltages = resized;
            return this;
        }

        /** Sets cell {@code index} (0-based) in V, growing the cell count as needed. */
        public Builder cellVoltage(int index, double volts) {
            if (index < 0 || index >= MAX_CELLS) {
                throw new IllegalArgumentException("cell " + (index + 1) + " is outside 1.." + MAX_CELLS);
            }
            if (index >= cellVoltages.length) {
                cellCount(index + 1);
            }
            cellVoltages[index] = volts;
            return this;
        }

        public Builder temperatureCount(int count) {
            if (count < 0 || count > MAX_TEMPERATURES) {
                throw new IllegalArgumentException(
                        "temperature count " + count + " is outside 0.." + MAX_TEMPERATURES);
            }
            double[] resized = Arrays.copyOf(temperatures, count);
            for (int i = temperatures.length; i < count; i++) {
                resized[i] = Double.NaN;
            }
            temperatures = resized;
            return this;
        }

        /** Sets sensor {@code index} (0-based) in &deg;C; {@code NaN} marks it absent. */
        public Builder temperature(int index, double celsius) {
            if (index < 0 || index >= MAX_TEMPERATURES) {
                throw new IllegalArgumentException(
                        "temperature sensor " + (index + 1) + " is outside 1.." + MAX_TEMPERATURES);
            }
            if (index >= temperatures.length) {
                temperatureCount(index + 1);
            }
            temperatures[index] = celsius;
            return this;
        }

        public Builder balancing(int index, boolean on) {
            if (index < 0 || index >= MAX_CELLS) {
                throw new IllegalArgumentException("cell " + (index + 1) + " is outside 1.." + MAX_CELLS);
            }
            balancing.set(index, on);
            return this;
        }

        /** Marks a flag group as reported, so that its flags that are not set read as "off". */
        public Builder reported(FlagCategory category) {
            categories.add(category);
            return this;
        }

        /** Sets or clears a flag, marking its group as reported. */
        public Builder flag(PackFlag flag, boolean on) {
            categories.add(flag.category());
            if (on) {
                flags.add(flag);
            } else {
                flags.remove(flag);
            }
            return this;
        }

        public PackSnapshot build() {
            return new PackSnapshot(this);
        }
    }
}
