package org.bmsworkbench.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.ui.parallel.ParallelGridPart;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Benchmark, not a test: 16 packs × 176 cells × 33 sensors, each published 10 times a second from a
 * background thread through the real EventAdmin, with the parallel grid showing all of them and the real-time
 * part one of them, side by side in one window. It prints the
 * share of wall time the display thread spent dispatching (target under 20 %) and the delay from a
 * snapshot's time to the paint that shows it (target under 100 ms). The only assertions are that the view
 * kept up at all, so a slow machine does not fail the build; the figures go to {@code docs/benchmarks.md}.
 * <p>
 * Not part of the test suite: its name does not end in {@code Test}, so Tycho Surefire runs it only when asked,
 * by {@code ./bmsw view-benchmark} (the {@code view-benchmark} profile of {@code tests/pom.xml}). Each run writes
 * its line to {@code target/view-benchmark-<views>.txt}, which the command prints.
 */
class ViewBenchmark {

    private static final int PACKS = 16;
    private static final int RATE_HZ = 10;
    private static final Duration RUN = Duration.ofSeconds(6);

    @ParameterizedTest
    @ValueSource(strings = { "realtime", "parallel", "both" })
    void sixteenPacksOf176CellsTenTimesASecond(String views) throws Exception {
        // every cell voltage and the current of every pack differ from one snapshot to the next: the worst case (a
        // real pack changes a few cells per poll), so that a view cannot look cheap by repainting only what changed
        boolean changing = true;
        BundleContext context = FrameworkUtil.getBundle(ViewBenchmark.class).getBundleContext();
        EventAdmin admin = context.getService(context.getServiceReference(EventAdmin.class));
        PackSelection selection = context.getService(context.getServiceReference(PackSelection.class));
        String busId = "bus-bench-" + views;
        try (PartHarness harness = new PartHarness()) {
            Instant start = Instant.now();
            harness.postFromBusThread(BmsTopics.BUS_STATE, Packs.busOpen(busId, start));
            for (int a = 1; a <= PACKS; a++) {
                harness.postFromBusThread(BmsTopics.PACK_STATE, Packs.online(busId, a, start));
            }
            selection.setLocked(false);
            if (!views.equals("realtime")) {
                harness.make(ParallelGridPart.class);
            }
            RealtimePart part = harness.make(RealtimePart.class);
            if (views.equals("parallel")) {
                // made for its latency probe only: hidden, it does no work
                part.view().setVisible(false);
            }
            harness.shell.setSize(views.equals("both") ? 1800 : 1000, 1000);
            selection.select(busId, 5);
            Display display = harness.display;

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            // the first paint of each new snapshot: later paints of the same values (a resize, the 1 s tick) are not a delay
            Instant[] lastShown = { null };
            part.view().cellCanvas().addListener(SWT.Paint, e -> {
                Instant shown = part.view().shownTime();
                if (shown != null && shown.isAfter(start) && !shown.equals(lastShown[0])) {
                    lastShown[0] = shown;
                    latencies.add(Duration.between(shown, Instant.now()).toNanos());
                }
            });
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong published = new AtomicLong();
            Thread bus = new Thread(() -> {
                long period = 1_000_000_000L / RATE_HZ;
                long next = System.nanoTime();
                int sweep = 0;
                while (running.get()) {
                    sweep++;
                    for (int a = 1; a <= PACKS; a++) {
                        int shift = changing ? sweep : 0;
                        PackData d = new PackData(busId,
                                Packs.pack(a, 176, 33, -10 - a - 0.01 * (shift % 50), Instant.now(), shift), true);
                        admin.postEvent(new Event(BmsTopics.PACK_SNAPSHOT, EventProperties.of(d)));
                        published.incrementAndGet();
                    }
                    next += period;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                }
            }, "bench-bus-thread");

            // warm up, then measure the time the display thread spends inside readAndDispatch
            harness.spinFor(Duration.ofMillis(500));
            bus.start();
            harness.spinFor(Duration.ofMillis(500));
            latencies.clear();
            long busy = 0;
            long begin = System.nanoTime();
            long end = begin + RUN.toNanos();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                boolean dispatched = display.readAndDispatch();
                long t1 = System.nanoTime();
                busy += t1 - t0;
                if (!dispatched) {
                    display.timerExec(5, () -> {
                    });
                    display.sleep();
                }
            }
            long wall = System.nanoTime() - begin;
            running.set(false);
            bus.join();

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double busyShare = (double) busy / wall;
            boolean probed = !views.equals("parallel");
            if (probed) {
                assertTrue(sorted.size() > RATE_HZ, "the view painted new values: " + sorted.size());
            }
            double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            double p95 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.95)) / 1e6;
            double max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6;
            String shown = switch (views) {
                case "realtime" -> "Real-time Monitoring shown";
                case "parallel" -> "Parallel Monitoring shown";
                default -> "Parallel Monitoring and Real-time Monitoring both shown";
            } + ", every cell changing at every snapshot";
            String report = String.format(Locale.ROOT,
                    "view benchmark: %d packs x 176 cells x 33 sensors at %d Hz for %.1f s (%d snapshots published),"
                            + " %s; display thread busy %.1f %% of wall time", PACKS, RATE_HZ, wall / 1e9,
                    published.get(), shown, busyShare * 100)
                    + (probed ? String.format(Locale.ROOT, "; snapshot-to-paint latency of the shown pack mean %.1f ms,"
                            + " 95th percentile %.1f ms, max %.1f ms over %d paints", mean, p95, max, sorted.size()) : "");
            // the figure is the product of this benchmark: ./bmsw view-benchmark prints these files
            java.nio.file.Path out = java.nio.file.Path.of("target", "view-benchmark-" + views + ".txt");
            java.nio.file.Files.createDirectories(out.getParent());
            java.nio.file.Files.writeString(out, report + "\n");
        }
    }
}
