package org.bmsworkbench.ui.trends.model;

import java.time.Duration;

/**
 * The time range a chart shows: a span (1 minute to the whole session) that follows the newest value, until the
 * user zooms or pans; {@link #follow()} goes back to following. Times in ms since 1970.
 */
public final class TimeWindow {

    /** The spans offered; {@code null} is the whole session. */
    public static final Duration[] SPANS = { Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofHours(24), null };

    /** The narrowest window zooming reaches: one second. */
    public static final long MIN_WIDTH = 1000;

    private Duration span = Duration.ofMinutes(10);
    private boolean following = true;
    private long from;
    private long to = 1;

    public Duration span() {
        return span;
    }

    /** Shows the newest {@code span} (null: the whole session) and follows it again. */
    public void setSpan(Duration next) {
        span = next;
        following = true;
    }

    public boolean following() {
        return following;
    }

    public void follow() {
        following = true;
    }

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    /** Moves a following window to the data's newest value ({@code first}..{@code last}: what the lines hold). */
    public void update(long first, long last) {
        if (!following) {
            return;
        }
        long end = Math.max(last, first + MIN_WIDTH);
        if (span == null) {
            from = first;
            to = end;
        } else {
            to = end;
            from = to - span.toMillis();
        }
    }

    /** Zooms by {@code factor} (below 1: in) around a time; the window then stays where it is. */
    public void zoom(double factor, long center) {
        long width = Math.max(MIN_WIDTH, Math.round((to - from) * factor));
        double share = to == from ? 0.5 : (double) (center - from) / (to - from);
        share = Math.max(0, Math.min(1, share));
        from = center - Math.round(width * share);
        to = from + width;
        following = false;
    }

    /** Moves the window by {@code millis} (negative: back in time); it then stays where it is. */
    public void pan(long millis) {
        from += millis;
        to += millis;
        following = false;
    }
}
