package org.bmsworkbench.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;

/**
 * Runs a refresh of one control at most once per frame, however often it is requested and from whatever
 * thread, and not at all while the control is hidden: a hidden control only remembers that it is out of
 * date and refreshes once when it is shown again.
 */
public final class FrameThrottle {

    /** Minimum time between two refreshes: one frame at 60 Hz. */
    public static final int FRAME_MILLIS = 16;

    private final Control control;
    private final int minMillis;
    private final Display display;
    private final Runnable refresh;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private boolean staleWhileHidden;
    private long lastRunNanos;
    private long runs;
    private long skippedHidden;

    /** Refreshes {@code control} with {@code refresh}, which runs on the display thread. */
    public FrameThrottle(Control control, Runnable refresh) {
        this(control, refresh, FRAME_MILLIS);
    }

    /**
     * As {@link #FrameThrottle(Control, Runnable)}, at most once per {@code minMillis}: for a view whose refresh
     * is costly and whose values a person cannot read faster anyway (a grid of 16 packs).
     */
    public FrameThrottle(Control control, Runnable refresh, int minMillis) {
        if (minMillis < FRAME_MILLIS) {
            throw new IllegalArgumentException("a refresh interval below one frame (" + FRAME_MILLIS + " ms) gains nothing");
        }
        this.minMillis = minMillis;
        this.control = control;
        this.display = control.getDisplay();
        this.refresh = refresh;
        Listener onShow = event -> {
            if (staleWhileHidden) {
                request();
            }
        };
        control.addListener(SWT.Show, onShow);
        control.addListener(SWT.Resize, onShow);
    }

    /**
     * Also asks for a refresh every {@code millis} until the control is disposed, for views whose text
     * depends on the clock (ages, staleness) and must move on when no event arrives.
     */
    public void repeatEvery(int millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + millis);
        }
        Runnable tick = new Runnable() {
            @Override
            public void run() {
                if (!control.isDisposed()) {
                    request();
                    display.timerExec(millis, this);
                }
            }
        };
        display.timerExec(millis, tick);
    }

    /** Asks for a refresh; callable from any thread, cheap when one is already pending. */
    public void request() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (control.isDisposed()) {
                return;
            }
            long sinceLast = (System.nanoTime() - lastRunNanos) / 1_000_000;
            int wait = (int) Math.max(0, minMillis - sinceLast);
            if (wait == 0) {
                run();
            } else {
                display.timerExec(wait, this::run);
            }
        });
    }

    private void run() {
        scheduled.set(false);
        if (control.isDisposed()) {
            return;
        }
        if (!control.isVisible()) {
            staleWhileHidden = true;
            skippedHidden++;
            return;
        }
        staleWhileHidden = false;
        lastRunNanos = System.nanoTime();
        runs++;
        refresh.run();
    }

    /** Refreshes done so far (display thread only). */
    public long runs() {
        return runs;
    }

    /** Requests that found the control hidden and were deferred (display thread only). */
    public long deferredWhileHidden() {
        return skippedHidden;
    }
}
