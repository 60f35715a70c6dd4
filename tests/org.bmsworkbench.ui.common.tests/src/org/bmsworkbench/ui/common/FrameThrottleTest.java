package org.bmsworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrameThrottleTest {

    private Display display;
    private Shell shell;
    private Composite control;
    private final AtomicInteger refreshes = new AtomicInteger();

    @BeforeEach
    void setUp() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        control = new Composite(shell, SWT.NONE);
        shell.setSize(200, 100);
        shell.open();
    }

    @AfterEach
    void tearDown() {
        shell.dispose();
    }

    private void spin(long millis, BooleanSupplier until) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end && !until.getAsBoolean()) {
            if (!display.readAndDispatch()) {
                display.timerExec(2, () -> {
                });
                display.sleep();
            }
        }
    }

    @Test
    void thousandsOfRequestsFromBusThreadsBecomeAFewRefreshes() throws InterruptedException {
        FrameThrottle throttle = new FrameThrottle(control, refreshes::incrementAndGet);
        int threads = 4;
        int requestsPerThread = 5_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < requestsPerThread; i++) {
                    throttle.request();
                }
                done.countDown();
            }).start();
        }
        spin(10_000, () -> done.getCount() == 0);
        spin(200, () -> false);
        int runs = refreshes.get();
        assertTrue(runs >= 1, "the last request must be honoured");
        assertTrue(runs < threads * requestsPerThread / 100,
                runs + " refreshes for " + threads * requestsPerThread + " requests: the throttle did not coalesce");
        assertEquals(runs, throttle.runs());
    }

    @Test
    void aHiddenControlRefreshesOnceWhenShown() {
        FrameThrottle throttle = new FrameThrottle(control, refreshes::incrementAndGet);
        control.setVisible(false);
        for (int i = 0; i < 50; i++) {
            throttle.request();
            spin(20, () -> false);
        }
        assertEquals(0, refreshes.get(), "no work while hidden");
        assertTrue(throttle.deferredWhileHidden() > 0);
        control.setVisible(true);
        spin(2_000, () -> refreshes.get() > 0);
        spin(100, () -> false);
        assertEquals(1, refreshes.get(), "exactly one catch-up refresh when shown");
    }

    @Test
    void aControlInAHiddenParentRefreshesOnceWhenTheParentIsShown() {
        Composite inner = new Composite(control, SWT.NONE);
        control.setLayout(new FillLayout());
        control.layout();
        FrameThrottle throttle = new FrameThrottle(inner, refreshes::incrementAndGet);
        control.setVisible(false);
        for (int i = 0; i < 20; i++) {
            throttle.request();
            spin(20, () -> false);
        }
        assertEquals(0, refreshes.get(), "no work while a parent is hidden");
        // SWT sends Show to the parent only, as a part stack does to the composite of the selected tab
        control.setVisible(true);
        spin(2_000, () -> refreshes.get() > 0);
        spin(100, () -> false);
        assertEquals(1, refreshes.get(), "exactly one catch-up refresh when the parent is shown");
    }

    @Test
    void requestsFromABusThreadAfterDisposalDoNothing() throws InterruptedException {
        FrameThrottle throttle = new FrameThrottle(control, refreshes::incrementAndGet);
        control.dispose();
        Throwable[] thrown = new Throwable[1];
        Thread bus = new Thread(() -> {
            try {
                for (int i = 0; i < 100; i++) {
                    throttle.request();
                }
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        bus.start();
        bus.join();
        spin(100, () -> false);
        assertEquals(null, thrown[0], "request() must not throw on a bus thread");
        assertEquals(0, refreshes.get());
    }

    @Test
    void repeatsOnTheClockUntilDisposed() {
        FrameThrottle throttle = new FrameThrottle(control, refreshes::incrementAndGet);
        throttle.repeatEvery(50);
        spin(2_000, () -> refreshes.get() >= 3);
        assertTrue(refreshes.get() >= 3, "clock-driven refreshes: " + refreshes.get());
        control.dispose();
        int atDispose = refreshes.get();
        spin(300, () -> false);
        assertEquals(atDispose, refreshes.get(), "nothing runs for a disposed control");
        assertThrows(IllegalArgumentException.class, () -> new FrameThrottle(shell, () -> {
        }).repeatEvery(0));
    }

    @Test
    void aSlowerRefreshIntervalStillRefreshesAndOneBelowAFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FrameThrottle(control, refreshes::incrementAndGet, 5));
        FrameThrottle throttle = new FrameThrottle(control, refreshes::incrementAndGet, 100);
        throttle.request();
        spin(2000, () -> refreshes.get() == 1);
        assertEquals(1, refreshes.get());
        // a request right after a refresh waits for the interval instead of being lost
        throttle.request();
        spin(2000, () -> refreshes.get() == 2);
        assertEquals(2, refreshes.get());
    }
}
