package org.bmsworkbench.ui.trends.model;

/**
 * Reduces samples to at most two points per pixel column: the lowest and the highest value that fell in it, at
 * the times they occurred, in time order. Whatever the number of samples (one minute or 72 hours), the chart then
 * draws about twice its width in points, and no spike is smoothed away: every column's extremes are drawn.
 * <p>
 * Use: {@link #begin}, then {@link #add} samples in time order (from several sources, each in order, one after
 * the other), then {@link #finish}. Not thread-safe.
 */
public final class MinMaxDownsampler {

    /** The points to draw: x in ms since 1970, y the values; {@code size} of them. */
    public record Points(double[] x, double[] y, int size) {
    }

    private long from;
    private long to;
    private int columns;
    private double[] lowValue = new double[0];
    private long[] lowTime = new long[0];
    private double[] highValue = new double[0];
    private long[] highTime = new long[0];
    private boolean[] used = new boolean[0];
    private long added;

    /** Starts a reduction of the window [from, to] (ms) to {@code columns} columns. */
    public void begin(long fromMs, long toMs, int columnCount) {
        if (toMs <= fromMs) {
            throw new IllegalArgumentException("empty window " + fromMs + ".." + toMs);
        }
        if (columnCount < 1) {
            throw new IllegalArgumentException("columns must be at least 1: " + columnCount);
        }
        from = fromMs;
        to = toMs;
        columns = columnCount;
        if (used.length < columnCount) {
            lowValue = new double[columnCount];
            lowTime = new long[columnCount];
            highValue = new double[columnCount];
            highTime = new long[columnCount];
            used = new boolean[columnCount];
        } else {
            java.util.Arrays.fill(used, 0, columnCount, false);
        }
        added = 0;
    }

    /** The column a time falls in, or -1 outside the window. */
    public int column(long timeMs) {
        if (timeMs < from || timeMs > to) {
            return -1;
        }
        return (int) Math.min(columns - 1, (timeMs - from) * columns / (to - from));
    }

    /** Adds a sample with its lowest and highest value (equal for a single reading); outside the window it is ignored. */
    public void add(long timeMs, double low, double high) {
        int c = column(timeMs);
        if (c < 0 || Double.isNaN(low) || Double.isNaN(high)) {
            return;
        }
        added++;
        if (!used[c]) {
            used[c] = true;
            lowValue[c] = low;
            lowTime[c] = timeMs;
            highValue[c] = high;
            highTime[c] = timeMs;
            return;
        }
        if (low < lowValue[c]) {
            lowValue[c] = low;
            lowTime[c] = timeMs;
        }
        if (high > highValue[c]) {
            highValue[c] = high;
            highTime[c] = timeMs;
        }
    }

    /** Samples that fell in the window since {@link #begin}. */
    public long added() {
        return added;
    }

    /** The points: per used column its low and its high (one point when they are the same sample), in time order. */
    public Points finish() {
        int n = 0;
        for (int c = 0; c < columns; c++) {
            if (used[c]) {
                n += lowTime[c] == highTime[c] && lowValue[c] == highValue[c] ? 1 : 2;
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (int c = 0; c < columns; c++) {
            if (!used[c]) {
                continue;
            }
            if (lowTime[c] == highTime[c] && lowValue[c] == highValue[c]) {
                x[i] = lowTime[c];
                y[i++] = lowValue[c];
            } else if (lowTime[c] <= highTime[c]) {
                x[i] = lowTime[c];
                y[i++] = lowValue[c];
                x[i] = highTime[c];
                y[i++] = highValue[c];
            } else {
                x[i] = highTime[c];
                y[i++] = highValue[c];
                x[i] = lowTime[c];
                y[i++] = lowValue[c];
            }
        }
        return new Points(x, y, n);
    }
}
