package org.bmsworkbench.record.store;

import java.util.Arrays;

/**
 * A growing series of samples in time order, each with a low and a high value: a recorded row (low = high) or a
 * rollup bucket (the lowest and highest value in it). Not thread-safe.
 */
public final class TrendSamples {

    private long[] time;
    private double[] low;
    private double[] high;
    private int size;

    public TrendSamples() {
        this(64);
    }

    public TrendSamples(int capacity) {
        time = new long[Math.max(4, capacity)];
        low = new double[time.length];
        high = new double[time.length];
    }

    /** Adds a sample; a {@code NaN} value (not reported) is left out. */
    public void add(long timeMs, double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return;
        }
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            low = Arrays.copyOf(low, n);
            high = Arrays.copyOf(high, n);
        }
        time[size] = timeMs;
        low[size] = lo;
        high[size] = hi;
        size++;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return time[i];
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    /** Time of the last sample, or {@link Long#MIN_VALUE} when empty. */
    public long lastTime() {
        return size == 0 ? Long.MIN_VALUE : time[size - 1];
    }
}
