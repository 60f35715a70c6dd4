package org.bmsworkbench.ui.trends;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.record.store.Schema;
import org.bmsworkbench.record.store.SessionWriter;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.bmsworkbench.ui.trends.model.TimeWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventAdmin;

/**
 * Benchmark, not a test (run by {@code ./bmsw trends-benchmark}, profile {@code trends-benchmark} of
 * {@code tests/pom.xml}): (1) a 72-hour session of 8 packs × 176 cells × 33 sensors at 1 Hz is written with the
 * recorder's writer, then the Trends part draws all 8 packs over the whole session from it, timed from the choice to
 * the lines drawn, and one redraw of 72 hours is compared with one of 1 minute in the same run; (2) 16 packs × 176
 * cells × 33 sensors published 10 times a second through the real EventAdmin while the part draws the cell min/max
 * of all 16 packs (32 lines), with the share of wall time the display thread was busy. Figures go to
 * {@code target/trends-benchmark-*.txt}, which the command prints. Only "it worked at all" is asserted.
 */
class TrendsBenchmark {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static ServiceRegistration<RecordingService> registration;

    @BeforeAll
    static void register() {
        BundleContext context = FrameworkUtil.getBundle(TrendsBenchmark.class).getBundleContext();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        registration = context.registerService(RecordingService.class, new TrendsPartTest.StubRecorder(), props);
    }

    @AfterAll
    static void unregister() {
        registration.unregister();
    }

    private static PackSnapshot pack(int address, Instant time, long step) {
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(time)
                .set(Quantity.VOLTAGE, 53 + Math.sin(step / 3600.0) * 2 + address * 0.01)
                .set(Quantity.CURRENT, Math.cos(step / 1800.0) * 50).set(Quantity.SOC, 50 + Math.sin(step / 3600.0) * 40);
        for (int c = 0; c < 176; c++) {
            b.cellVoltage(c, 3.300 + ((c * 7 + step + address) % 23) / 1000.0);
        }
        for (int t = 0; t < 33; t++) {
            b.temperature(t, 25 + ((t + step) % 9) / 2.0);
        }
        return b.build();
    }

    private static void post(PartHarness h, String bus, int packs) throws Exception {
        h.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(
                new BusStatus(bus, BusStatus.SIMULATED_LABEL, "modbus-native", BusState.OPEN, "", Instant.now())));
        for (int a = 1; a <= packs; a++) {
            h.postFromBusThread(BmsTopics.PACK_STATE,
                    EventProperties.of(new PackStatus(bus, a, PackLinkState.ONLINE, Instant.now(), Instant.now())));
        }
        PackSelection selection = h.service(PackSelection.class);
        selection.setLocked(false);
        assertTrue(h.spinUntil(() -> selection.select(bus, 1), WAIT));
    }

    private static void choose(org.eclipse.swt.widgets.Combo combo, int index) {
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void seventyTwoHoursOfEightPacksFromTheRecording() throws Exception {
        double hours = Double.parseDouble(System.getProperty("trends.hours", "72"));
        int packs = 8;
        String bus = "bench-72h";
        Path file = Files.createDirectories(Path.of("target", "trends-benchmark")).resolve("session" + Schema.EXTENSION);
        Files.deleteIfExists(file);
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        long seconds = Math.round(hours * 3600);
        long writeStart = System.nanoTime();
        try (SessionWriter w = SessionWriter.create(file, Map.of("host", "benchmark"), 0)) {
            w.bus(new BusStatus(bus, BusStatus.SIMULATED_LABEL, "modbus-native", BusState.OPEN, "", t0));
            for (long s = 0; s < seconds; s++) {
                for (int a = 1; a <= packs; a++) {
                    w.snapshot(bus, pack(a, t0.plusSeconds(s), s));
                }
                if (s % 500 == 0) {
                    w.commit();
                }
            }
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long size = Files.size(file);
        TrendsPartTest.current = file;
        try (PartHarness h = new PartHarness()) {
            h.shell.setSize(1366, 768);
            post(h, bus, packs);
            TrendsPart part = h.make(TrendsPart.class);
            TrendsView view = part.view();
            assertTrue(h.spinUntil(() -> part.loads() == 1, WAIT));
            choose(view.window(), 5);
            long start = System.nanoTime();
            choose(view.scope(), 1);
            assertTrue(h.spinUntil(() -> part.loads() == 2 && view.drawnPoints() > 0
                    && view.chart().getSeriesSet().getSeries().length == packs, WAIT));
            h.display.update();
            double openMs = (System.nanoTime() - start) / 1e6;
            String loaded = view.statusText().replace(". " + view.messages().trends_help, "");

            long[] span = part.model().span();
            double drawLong = drawMillis(h, view, part.window(), null, span);
            long pointsLong = view.drawnPoints();
            double drawShort = drawMillis(h, view, part.window(), Duration.ofMinutes(1), span);
            long pointsShort = view.drawnPoints();
            String report = String.format(Locale.ROOT,
                    "trends benchmark, history: %.0f h of %d packs x 176 cells x 33 sensors at 1 Hz (%d snapshots,"
                            + " %.0f MB, written in %.0f s); all %d packs' voltage over the whole session drawn"
                            + " %.0f ms after the choice (%s); one redraw of the whole session %.1f ms, of 1 minute"
                            + " %.1f ms (ratio %.2f); points handed to the chart: %d for the session, %d for 1 minute,"
                            + " %d pixel columns",
                    hours, packs, seconds * packs, size / 1e6, writeSeconds, packs, openMs, loaded, drawLong,
                    drawShort, drawLong / drawShort, pointsLong, pointsShort, view.plotWidth());
            Files.writeString(Path.of("target", "trends-benchmark-history.txt"), report + "\n");

            replayThroughAllViews(h, file, hours);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The same 72-hour file replayed at the highest speed (1000×) for 20 s of wall time while Real-time Monitoring,
     * Parallel Monitoring, Real Time Data and Trends (all packs) show the replay bus: the recorded time covered per
     * second of wall time, and the display thread's load.
     */
    private static void replayThroughAllViews(PartHarness h, Path file, double hours) throws Exception {
        org.bmsworkbench.replay.ReplayService replays = h.service(org.bmsworkbench.replay.ReplayService.class);
        h.make(org.bmsworkbench.ui.monitor.RealtimePart.class);
        h.make(org.bmsworkbench.ui.parallel.ParallelGridPart.class);
        h.make(org.bmsworkbench.ui.record.RealtimeDataPart.class);
        h.shell.layout(true, true);
        org.bmsworkbench.replay.ReplayService.Replay replay = replays.open(file);
        org.bmsworkbench.replay.ReplayEngine engine = replays.engine(replay.id()).orElseThrow();
        engine.setSpeed(org.bmsworkbench.replay.ReplayEngine.MAX_SPEED);
        h.spinFor(Duration.ofSeconds(2));
        Display display = h.display;
        Instant from = engine.state().position();
        long published = engine.state().published();
        long busy = 0;
        long begin = System.nanoTime();
        long end = begin + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end && !engine.state().ended()) {
            long t0 = System.nanoTime();
            boolean dispatched = display.readAndDispatch();
            busy += System.nanoTime() - t0;
            if (!dispatched) {
                display.timerExec(5, () -> {
                });
                display.sleep();
            }
        }
        long wall = System.nanoTime() - begin;
        Instant to = engine.state().position();
        long snapshots = engine.state().published() - published;
        replays.close(replay.id());
        double speed = (to.toEpochMilli() - from.toEpochMilli()) / (wall / 1e6);
        String report = String.format(Locale.ROOT,
                "trends benchmark, replay: the %.0f-hour 8-pack session replayed at the 1000x setting for %.1f s with"
                        + " Real-time Monitoring, Parallel Monitoring, Real Time Data and Trends (all packs) showing"
                        + " it: %.0f recorded seconds played (%d snapshots, %.0f/s), %.0f x real time; display thread"
                        + " busy %.1f %% of wall time; the whole session takes %.1f minutes at this pace",
                hours, wall / 1e9, (to.toEpochMilli() - from.toEpochMilli()) / 1e3, snapshots, snapshots / (wall / 1e9),
                speed, 100.0 * busy / wall, hours * 60 / speed);
        Files.writeString(Path.of("target", "trends-benchmark-replay.txt"), report + "\n");
    }

    /** Mean time of a redraw (reduce every line, hand it to the chart, paint) over 20 redraws. */
    private static double drawMillis(PartHarness h, TrendsView view, TimeWindow window, Duration span, long[] data) {
        window.setSpan(span);
        window.update(data[0], data[1]);
        long[] s = { 0 };
        int n = 20;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            view.draw(window);
            view.chart().update();
            s[0] += System.nanoTime() - t0;
            h.spinFor(Duration.ofMillis(5));
        }
        return s[0] / 1e6 / n;
    }

    @Test
    void sixteenPacksOf176CellsTenTimesASecondLive() throws Exception {
        int packs = 16;
        int rate = 10;
        String bus = "bench-live";
        TrendsPartTest.current = null;
        BundleContext context = FrameworkUtil.getBundle(TrendsBenchmark.class).getBundleContext();
        EventAdmin admin = context.getService(context.getServiceReference(EventAdmin.class));
        try (PartHarness h = new PartHarness()) {
            h.shell.setSize(1366, 768);
            post(h, bus, packs);
            TrendsPart part = h.make(TrendsPart.class);
            TrendsView view = part.view();
            choose(view.choice(), 3);
            choose(view.scope(), 1);
            choose(view.window(), 0);
            h.spinUntil(() -> part.model().traces().size() == 2 * packs, WAIT);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong published = new AtomicLong();
            Thread thread = new Thread(() -> {
                long period = 1_000_000_000L / rate;
                long next = System.nanoTime();
                long step = 0;
                while (running.get()) {
                    step++;
                    for (int a = 1; a <= packs; a++) {
                        admin.postEvent(new org.osgi.service.event.Event(BmsTopics.PACK_SNAPSHOT,
                                EventProperties.of(new PackData(bus, pack(a, Instant.now(), step), true))));
                        published.incrementAndGet();
                    }
                    next += period;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            }, "bench-bus-thread");
            thread.start();
            h.spinFor(Duration.ofSeconds(2));
            Display display = h.display;
            long busy = 0;
            long begin = System.nanoTime();
            long end = begin + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                boolean dispatched = display.readAndDispatch();
                busy += System.nanoTime() - t0;
                if (!dispatched) {
                    display.timerExec(5, () -> {
                    });
                    display.sleep();
                }
            }
            long wall = System.nanoTime() - begin;
            running.set(false);
            thread.join();
            assertTrue(view.drawnPoints() > 0, "the lines were drawn");
            String report = String.format(Locale.ROOT,
                    "trends benchmark, live: %d packs x 176 cells x 33 sensors at %d Hz for %.1f s (%d snapshots"
                            + " published), Trends showing the cell min/max of all %d packs (%d lines, 1-minute"
                            + " window, %d points drawn); display thread busy %.1f %% of wall time",
                    packs, rate, wall / 1e9, published.get(), packs, part.model().traces().size(),
                    view.drawnPoints(), 100.0 * busy / wall);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "trends-benchmark-live.txt"), report + "\n");
        }
    }
}
