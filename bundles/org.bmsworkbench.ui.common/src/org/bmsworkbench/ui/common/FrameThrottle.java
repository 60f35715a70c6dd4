package org.bmsworkbench.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;

/**
 * Runs a refresh of one control at most once per frame, however often it is requested and from whatever
 * thread, and not at all while the control is hidden: a hidden control only remembers that it is out of
 * date and refreshes once when it is shown again. "Hidden" includes a hidden parent, such as the tab of a
 * part stack that is not selected: the throttle watches the {@link SWT#Show} of every ancestor, not only
 * of the control.
 * <p>
 * {@link #request()} is the only method that may be called off the display thread; the constructor,
 * {@link #repeatEvery(int)} and the counters belong to the display thread.
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
    private boolean ranBefore;
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
        Listener onResize = event -> {
            if (staleWhileHidden) {
                request();
            }
        };
        control.addListener(SWT.Resize, onResize);
        // SWT sends Show only to the widget whose own visibility changed, e.g. the tab's composite when a
        // stack selects the part, so a filter sees the Show of any ancestor.
        Listener onShow = event -> {
            if (staleWhileHidden && isSelfOrAncestor(event.widget)) {
                request();
            }
        };
        display.addFilter(SWT.Show, onShow);
        control.addListener(SWT.Dispose, event -> display.removeFilter(SWT.Show, onShow));
    }

    private boolean isSelfOrAncestor(Object widget) {
        for (Control c = control; c != null; c = c.getParent()) {
            if (c == widget) {
                return true;
            }
        }
        return false;
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

    /**
     * Asks for a refresh; callable from any thread (an EventAdmin handler calls it directly), cheap when one is
     * already pending, and a no-op once the display is gone. Each call that is not already pending costs one
     * {@link Display#asyncExec(Runnable)}: this is the only hop to the display thread.
     */
    public void request() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            display.asyncExec(this::schedule);
        } catch (SWTException e) {
            // The display was disposed after the request began (the application is closing): there is nothing
            // left to refresh. Any other SWT error is not ours to hide.
            if (e.code != SWT.ERROR_DEVICE_DISPOSED) {
                throw e;
            }
        }
    }

    /** Display thread: runs now, or after the rest of the interval since the last refresh. */
    private void schedule() {
        if (control.isDisposed()) {
            return;
        }
        long wait = 0;
        if (ranBefore) {
            // nanoTime has an arbitrary origin: only differences between two readings mean anything
            long sinceLast = (System.nanoTime() - lastRunNanos) / 1_000_000;
            wait = Math.max(0, minMillis - sinceLast);
        }
        if (wait == 0) {
            run();
        } else {
            display.timerExec((int) wait, this::run);
        }
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
        ranBefore = true;
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
