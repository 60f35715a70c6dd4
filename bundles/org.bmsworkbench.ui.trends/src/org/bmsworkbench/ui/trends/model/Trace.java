package org.bmsworkbench.ui.trends.model;

import java.util.Arrays;

import org.bmsworkbench.record.store.TrendRollup;
import org.bmsworkbench.record.store.TrendSamples;
import org.bmsworkbench.record.store.TrendValue;

/**
 * One line of a trend chart (a value of one pack) in two tiers: the lowest and highest value per
 * {@value TrendRollup#BUCKET_MS} ms for the whole session (from the recording's rollup, then kept up to date by
 * every live value), and every single value of the recent past in a ring buffer of fixed size. Drawing uses the
 * single values where the ring reaches back, the buckets before that, so 72 hours cost as little as one minute
 * and the ring's memory never grows. Appends come from EventAdmin's thread, reads from the display thread.
 */
public final class Trace {

    private final String busId;
    private final int address;
    private final TrendValue value;

    // coarse tier: growable, bucket starts in order
    private long[] bucketTime = new long[256];
    private double[] bucketLow = new double[256];
    private double[] bucketHigh = new double[256];
    private int buckets;

    // fine tier: ring of the newest values
    private final long[] time;
    private final double[] values;
    private int head;
    private int size;

    public Trace(String busId, int address, TrendValue value, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a ring of fewer than 2 values: " + capacity);
        }
        this.busId = busId;
        this.address = address;
        this.value = value;
        this.time = new long[capacity];
        this.values = new double[capacity];
    }

    public String busId() {
        return busId;
    }

    public int address() {
        return address;
    }

    public TrendValue value() {
        return value;
    }

    public int capacity() {
        return time.length;
    }

    /**
     * Takes the recorded history: the buckets of the session and the single values of its recent past (both in time
     * order). Values appended meanwhile that are newer than the history stay.
     */
    public synchronized void load(TrendSamples history, TrendSamples recent) {
        long[] keepTime = new long[size];
        double[] keepValue = new double[size];
        int kept = 0;
        long lastRecorded = Math.max(history.lastTime(), recent.lastTime());
        for (int i = 0; i < size; i++) {
            int k = index(i);
            if (time[k] > lastRecorded) {
                keepTime[kept] = time[k];
                keepValue[kept++] = values[k];
            }
        }
        buckets = 0;
        head = 0;
        size = 0;
        for (int i = 0; i < history.size(); i++) {
            mergeBucket(TrendRollup.bucketOf(history.time(i)), history.low(i), history.high(i));
        }
        for (int i = 0; i < recent.size(); i++) {
            ring(recent.time(i), recent.low(i));
        }
        for (int i = 0; i < kept; i++) {
            append(keepTime[i], keepValue[i]);
        }
    }

    /** Adds a live value; one not newer than the newest held (already read from the recording) is ignored. */
    public synchronized void append(long timeMs, double v) {
        if (Double.isNaN(v) || (size > 0 && timeMs <= time[index(size - 1)])) {
            return;
        }
        ring(timeMs, v);
        mergeBucket(TrendRollup.bucketOf(timeMs), v, v);
    }

    /** Values and buckets held. */
    public synchronized int size() {
        return size + buckets;
    }

    /** Time of the oldest single value held, {@link Long#MAX_VALUE} when none. */
    public synchronized long fineStart() {
        return size == 0 ? Long.MAX_VALUE : time[index(0)];
    }

    /** The first and last time held, or {@code null} when empty. */
    public synchronized long[] span() {
        if (size == 0 && buckets == 0) {
            return null;
        }
        long first = buckets > 0 ? bucketTime[0] : time[index(0)];
        long last = size > 0 ? time[index(size - 1)] : bucketTime[buckets - 1] + TrendRollup.BUCKET_MS - 1;
        return new long[] { first, last };
    }

    /**
     * Feeds what lies in [from, to] to a downsampler that {@link MinMaxDownsampler#begin began}: the buckets before
     * the ring's oldest value, then the ring's values.
     */
    public synchronized void feed(MinMaxDownsampler sampler, long fromMs, long toMs) {
        long fine = size == 0 ? Long.MAX_VALUE : time[index(0)];
        int b = Arrays.binarySearch(bucketTime, 0, buckets, TrendRollup.bucketOf(fromMs));
        for (int i = b >= 0 ? b : -b - 1; i < buckets && bucketTime[i] < fine && bucketTime[i] <= toMs; i++) {
            sampler.add(Math.max(bucketTime[i], fromMs), bucketLow[i], bucketHigh[i]);
        }
        int i = firstAtOrAfter(fromMs);
        for (; i < size; i++) {
            int k = index(i);
            if (time[k] > toMs) {
                break;
            }
            sampler.add(time[k], values[k], values[k]);
        }
    }

    /** The value nearest to a time (for the cursor readout), {@code NaN} when nothing lies within {@code tolerance}. */
    public synchronized double valueNear(long timeMs, long tolerance) {
        double best = Double.NaN;
        long bestDistance = Long.MAX_VALUE;
        if (size > 0 && timeMs >= time[index(0)] - tolerance) {
            int i = firstAtOrAfter(timeMs);
            for (int j = Math.max(0, i - 1); j <= Math.min(size - 1, i); j++) {
                long d = Math.abs(time[index(j)] - timeMs);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = values[index(j)];
                }
            }
        } else if (buckets > 0) {
            int b = Arrays.binarySearch(bucketTime, 0, buckets, TrendRollup.bucketOf(timeMs));
            if (b >= 0) {
                bestDistance = Math.abs(bucketTime[b] - timeMs);
                best = (bucketLow[b] + bucketHigh[b]) / 2;
            }
        }
        return bestDistance <= tolerance ? best : Double.NaN;
    }

    private int firstAtOrAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[index(mid)] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int index(int i) {
        int k = head + i;
        return k >= time.length ? k - time.length : k;
    }

    private void ring(long t, double v) {
        if (size == time.length) {
            time[head] = t;
            values[head] = v;
            head = head + 1 == time.length ? 0 : head + 1;
        } else {
            int k = index(size);
            time[k] = t;
            values[k] = v;
            size++;
        }
    }

    private void mergeBucket(long bucket, double lo, double hi) {
        if (buckets > 0 && bucketTime[buckets - 1] >= bucket) {
            // the same bucket (or a value a little late): widen the newest bucket
            bucketLow[buckets - 1] = Math.min(bucketLow[buckets - 1], lo);
            bucketHigh[buckets - 1] = Math.max(bucketHigh[buckets - 1], hi);
            return;
        }
        if (buckets == bucketTime.length) {
            int n = buckets * 2;
            bucketTime = Arrays.copyOf(bucketTime, n);
            bucketLow = Arrays.copyOf(bucketLow, n);
            bucketHigh = Arrays.copyOf(bucketHigh, n);
        }
        bucketTime[buckets] = bucket;
        bucketLow[buckets] = lo;
        bucketHigh[buckets] = hi;
        buckets++;
    }
}
