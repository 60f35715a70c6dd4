package org.bmsworkbench.config;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether a reading has been steady long enough: every sample of the last {@code seconds} within a span (or, for
 * a bound, every sample within {@code ±limit}). Fed with the live values the wizard sees; plain Java so the
 * rule is tested without a display.
 */
public final class Steadiness {

    private record Sample(double seconds, double value) {
    }

    private final double seconds;
    private final double span;
    private final double limit;
    private final Deque<Sample> samples = new ArrayDeque<>();

    private Steadiness(double seconds, double span, double limit) {
        this.seconds = seconds;
        this.span = span;
        this.limit = limit;
    }

    /** Steady when max − min ≤ {@code span} over {@code seconds}. */
    public static Steadiness within(double span, double seconds) {
        return new Steadiness(seconds, span, Double.NaN);
    }

    /** Steady when every |value| ≤ {@code limit} over {@code seconds}. */
    public static Steadiness below(double limit, double seconds) {
        return new Steadiness(seconds, Double.NaN, limit);
    }

    /** A reading at {@code atSeconds} (any monotonic clock); NaN (no reading) starts again. */
    public synchronized void add(double atSeconds, double value) {
        if (Double.isNaN(value) || !Double.isNaN(limit) && Math.abs(value) > limit) {
            samples.clear();
            return;
        }
        if (!samples.isEmpty() && atSeconds <= samples.peekLast().seconds()) {
            return;
        }
        samples.addLast(new Sample(atSeconds, value));
        // keep one sample older than the window, so that "steady for the whole window" can be judged
        while (samples.size() > 2 && atSeconds - secondOldest() >= seconds) {
            samples.removeFirst();
        }
        if (!Double.isNaN(span)) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (Sample s : samples) {
                min = Math.min(min, s.value());
                max = Math.max(max, s.value());
            }
            while (max - min > span && samples.size() > 1) {
                samples.removeFirst();
                min = Double.MAX_VALUE;
                max = -Double.MAX_VALUE;
                for (Sample s : samples) {
                    min = Math.min(min, s.value());
                    max = Math.max(max, s.value());
                }
            }
        }
    }

    private double secondOldest() {
        var it = samples.iterator();
        it.next();
        return it.next().seconds();
    }

    /** How long it has been steady, in seconds. */
    public synchronized double steadyFor() {
        return samples.size() < 2 ? 0 : samples.peekLast().seconds() - samples.peekFirst().seconds();
    }

    public synchronized boolean steady() {
        return steadyFor() >= seconds;
    }

    public double seconds() {
        return seconds;
    }

    public synchronized void reset() {
        samples.clear();
    }
}
