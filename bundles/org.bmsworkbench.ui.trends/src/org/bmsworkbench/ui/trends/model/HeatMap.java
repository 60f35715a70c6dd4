package org.bmsworkbench.ui.trends.model;

import java.nio.file.Path;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.SessionReader;
import org.bmsworkbench.record.store.TrendReader;

/**
 * The cell heat map of one pack: cells × time columns, each cell coloured by how far it is from the pack's mean at
 * that time, so the weak cell shows as a line of one colour. A column shows the first snapshot in its time range
 * (read through the recording's time index, one row per column), and live snapshots replace the newest column.
 * Thread-safe.
 */
public final class HeatMap {

    private final long from;
    private final long to;
    private final float[][] columns;
    private final long[] columnTime;
    private int cells;

    public HeatMap(long fromMs, long toMs, int columnCount) {
        if (toMs <= fromMs || columnCount < 1) {
            throw new IllegalArgumentException("empty heat map " + fromMs + ".." + toMs + " x " + columnCount);
        }
        from = fromMs;
        to = toMs;
        columns = new float[columnCount][];
        columnTime = new long[columnCount];
    }

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    public int columnCount() {
        return columns.length;
    }

    /** The most cells of a column. */
    public synchronized int cells() {
        return cells;
    }

    /** The column a time falls in, -1 outside. */
    public int column(long timeMs) {
        if (timeMs < from || timeMs > to) {
            return -1;
        }
        return (int) Math.min(columns.length - 1, (timeMs - from) * columns.length / (to - from));
    }

    /** Start of a column's time range. */
    public long columnStart(int c) {
        return from + (to - from) * c / columns.length;
    }

    /** Puts a snapshot in its column (a newer one replaces it); false outside the map or without cells. */
    public synchronized boolean put(PackSnapshot s) {
        int c = column(s.time().toEpochMilli());
        if (c < 0) {
            return false;
        }
        float[] d = deviations(s);
        if (d == null) {
            return false;
        }
        columns[c] = d;
        columnTime[c] = s.time().toEpochMilli();
        cells = Math.max(cells, d.length);
        return true;
    }

    /** Cell deviations (mV) of a column, {@code null} when it has no snapshot. */
    public synchronized float[] columnValues(int c) {
        return columns[c];
    }

    /** The largest absolute deviation in the map (mV), at least 1, for the colour scale. */
    public synchronized double scale() {
        double m = 1;
        for (float[] col : columns) {
            if (col != null) {
                for (float v : col) {
                    if (!Float.isNaN(v)) {
                        m = Math.max(m, Math.abs(v));
                    }
                }
            }
        }
        return m;
    }

    /** Each cell's difference from the mean of the cells read, in mV ({@code NaN} for a cell not read). */
    public static float[] deviations(PackSnapshot s) {
        double mean = s.cellStatistics()[2];
        if (Double.isNaN(mean)) {
            return null;
        }
        float[] d = new float[s.cellCount()];
        for (int i = 0; i < d.length; i++) {
            double v = s.cellVoltage(i);
            d[i] = Double.isNaN(v) ? Float.NaN : (float) ((v - mean) * 1000);
        }
        return d;
    }

    /**
     * The colour of a deviation on a scale of ±{@code scale} mV as 0xRRGGBB: white at the mean, deeper blue below,
     * deeper red above; grey for a cell not read.
     */
    public static int rgb(double deviation, double scale) {
        if (Double.isNaN(deviation)) {
            return 0xC0C0C0;
        }
        double f = Math.max(-1, Math.min(1, deviation / scale));
        int fade = (int) Math.round(255 * (1 - Math.abs(f)));
        return f >= 0 ? 0xFF0000 | fade << 8 | fade : fade << 16 | fade << 8 | 0xFF;
    }

    /** Fills the map from a session file: for each column the first snapshot of the pack in its time range. */
    public void load(Path file, String fileBusId, int address) throws Exception {
        try (SessionReader reader = SessionReader.open(file)) {
            RecordedPack pack = reader.packs().stream()
                    .filter(p -> p.busId().equals(fileBusId) && p.address() == address).findFirst().orElse(null);
            if (pack == null || pack.first() == null) {
                return;
            }
            TrendReader trends = new TrendReader(reader);
            for (int c = 0; c < columns.length; c++) {
                PackSnapshot s = trends.snapshotAt(pack.id(), columnStart(c), columnStart(c + 1));
                if (s != null) {
                    synchronized (this) {
                        if (columns[c] == null || columnTime[c] < s.time().toEpochMilli()) {
                            put(s);
                        }
                    }
                }
            }
        }
    }
}
