package org.bmsworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * {@link AbstractPart} through a minimal part made by e4 DI in a Shell and fed by the real EventAdmin: the one
 * hop to the display thread, the frame limit, hidden parts, the language switch and disposal.
 */
class AbstractPartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private PartHarness harness;

    @BeforeEach
    void setUp() {
        harness = new PartHarness();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    /** Posts {@code count} events from one background thread, as a bus does, without waiting for delivery. */
    private Thread postInBackground(int count) {
        EventAdmin admin = harness.service(EventAdmin.class);
        Thread bus = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                admin.postEvent(new Event(BmsTopics.OVERVIEW_CHANGED,
                        EventProperties.of(new OverviewChanged(i, Instant.now()))));
                if (i % 20 == 19) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        // the test ends the burst early; what was posted is checked
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }, "test-bus-thread");
        bus.start();
        return bus;
    }

    @Test
    void showsItsDataAtOnceWhenCreated() {
        CountingPart part = harness.make(CountingPart.class);
        assertEquals(1, part.refreshes(), "the first refresh runs while the part is created");
        assertSame(harness.display.getThread(), part.refreshThreads.get(0));
        assertEquals("Hello", part.view().getText());
    }

    @Test
    void eventsFromABackgroundThreadMakeAtMostOneRefreshPerFrame() throws InterruptedException {
        CountingPart part = harness.make(CountingPart.class);
        int events = 2_000;
        long start = System.nanoTime();
        Thread bus = postInBackground(events);
        assertTrue(harness.spinUntil(() -> part.handled.get() == events, WAIT),
                "delivered " + part.handled.get() + " of " + events);
        bus.join();
        harness.spinFor(Duration.ofMillis(100));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        for (Thread t : part.handlerThreads) {
            assertNotSame(harness.display.getThread(), t,
                    "@EventTopic handlers run on EventAdmin's thread; the throttle makes the only hop");
        }
        for (Thread t : part.refreshThreads) {
            assertSame(harness.display.getThread(), t, "refresh runs on the display thread");
        }
        int refreshes = part.refreshes() - 1;
        assertTrue(refreshes >= 1, "the last event must be honoured");
        assertTrue(refreshes <= elapsedMillis / FrameThrottle.FRAME_MILLIS + 1,
                refreshes + " refreshes in " + elapsedMillis + " ms");
        List<Long> times = part.refreshNanos.subList(1, part.refreshNanos.size());
        for (int i = 1; i < times.size(); i++) {
            long gapMillis = (times.get(i) - times.get(i - 1)) / 1_000_000;
            // the throttle measures in whole milliseconds, so a gap may be a fraction short of a frame
            assertTrue(gapMillis >= FrameThrottle.FRAME_MILLIS - 1, "two refreshes " + gapMillis + " ms apart");
        }
    }

    @Test
    void aPartInAnUnselectedTabDoesNotRefreshAndCatchesUpOnceWhenSelected() throws InterruptedException {
        CTabFolder folder = new CTabFolder(harness.shell, SWT.BORDER);
        Composite host = new Composite(folder, SWT.NONE);
        host.setLayout(new FillLayout());
        CTabItem partTab = new CTabItem(folder, SWT.NONE);
        partTab.setText("part");
        partTab.setControl(host);
        CTabItem otherTab = new CTabItem(folder, SWT.NONE);
        otherTab.setText("other");
        otherTab.setControl(new Label(folder, SWT.NONE));
        folder.setSelection(partTab);
        harness.context.set(Composite.class, host);
        CountingPart part = harness.make(CountingPart.class);
        harness.spinFor(Duration.ofMillis(100));
        int before = part.refreshes();

        folder.setSelection(otherTab);
        assertTrue(!part.view().isVisible() && part.view().getVisible(), "only an ancestor is hidden");
        postInBackground(50).join();
        assertTrue(harness.spinUntil(() -> part.handled.get() == 50, WAIT));
        harness.spinFor(Duration.ofMillis(300));
        assertEquals(before, part.refreshes(), "a part in an unselected tab must not refresh");

        // The stack shows the tab's composite; the part's own widget gets no Show event of its own.
        folder.setSelection(partTab);
        assertTrue(harness.spinUntil(() -> part.refreshes() > before, WAIT), "shown again, it catches up");
        harness.spinFor(Duration.ofMillis(300));
        assertEquals(before + 1, part.refreshes(), "exactly one catch-up refresh");
    }

    @Test
    void switchesLanguageWithoutBeingRecreated() {
        CountingPart part = harness.make(CountingPart.class);
        Label view = part.view();
        int refreshes = part.refreshes();
        try {
            harness.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertTrue(harness.spinUntil(() -> "\u4f60\u597d".equals(view.getText()), WAIT), view.getText());
            assertEquals(1, part.relabels);
            assertTrue(harness.spinUntil(() -> part.refreshes() > refreshes, WAIT), "a refresh follows the relabel");
        } finally {
            harness.setLocale(Locale.ENGLISH);
        }
        assertTrue(harness.spinUntil(() -> "Hello".equals(view.getText()), WAIT), view.getText());
        assertSame(view, part.view(), "the same widget, relabelled");
    }

    @Test
    void afterDisposalEventsDoNothing() throws InterruptedException {
        CountingPart part = harness.make(CountingPart.class);
        Label view = part.view();
        ContextInjectionFactory.uninject(part, harness.context);
        assertTrue(view.isDisposed(), "@PreDestroy disposes the widget");
        int refreshes = part.refreshes();
        postInBackground(20).join();
        harness.spinFor(Duration.ofMillis(200));
        assertEquals(refreshes, part.refreshes());
    }
}
