package org.bmsworkbench.record.service;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bmsworkbench.events.PackData;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.store.SessionFiles;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;

/**
 * {@code ./bmsw record-benchmark}: how fast the recorder writes 176-cell / 33-sensor snapshots, how many bytes
 * one takes on disk, and the heap while a long session (72 h of 8 packs at 1 Hz by default) is recorded from the
 * simulator at high speed. The producer holds back while the queue is half full, so every snapshot is written
 * and the figures are the writer's, not the drop policy's.
 */
public final class RecorderBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final ProtocolCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;

    public RecorderBenchmark(ProtocolCatalog catalog, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    /**
     * Measures the recorder ({@code ./bmsw record-benchmark}, options checked by the command line): a burst of
     * {@code burst} snapshots, then {@code hours} of {@code packs} packs; {@code folder} null for a temporary one.
     * Returns 0, or 1 when the files could not be written.
     */
    public int run(double hours, int packs, int burst, Path folder) {
        try {
            Path dir = folder != null ? Files.createDirectories(folder) : Files.createTempDirectory("bmsw-recbench");
            List<ParameterDefinition> definitions = catalog.find(ProtocolCatalog.DEFAULT_PROTOCOL)
                    .map(BmsProtocol::parameterDefinitions).orElse(List.of());
            out.printf(Locale.ROOT, "Recorder benchmark, JVM max heap %d MB, files in %s%n",
                    Runtime.getRuntime().maxMemory() >> 20, dir);
            throughput(dir.resolve("burst"), definitions, burst);
            longSession(dir.resolve("long"), definitions, packs, hours);
            return 0;
        } catch (IOException | InterruptedException e) {
            err.println("bmsw record-benchmark: " + e.getMessage());
            return 1;
        }
    }

    /** 16 packs polled as fast as possible: snapshots per second from the first offer to the last commit. */
    private void throughput(Path folder, List<ParameterDefinition> definitions, int count) throws InterruptedException {
        List<PackSnapshot> boards = boards(definitions, 16, 1.0);
        AtomicLong rows = new AtomicLong();
        SessionRecorder recorder = recorder(folder, rows);
        Instant t0 = Instant.parse("2026-12-06T00:00:00Z");
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            PackSnapshot base = boards.get(i % 16);
            hold(recorder);
            recorder.accept(new PackData("bench", base.toBuilder().time(t0.plusMillis(i)).build(), true));
        }
        waitFor(rows, count);
        double seconds = (System.nanoTime() - start) / 1e9;
        String file = recorder.status().file();
        recorder.close(Duration.ofMinutes(1));
        long bytes = SessionFiles.size(Path.of(file));
        double rate = count / seconds;
        out.printf(Locale.ROOT, "throughput: %d snapshots (16 packs x 176 cells x 33 sensors) in %.1f s = %.0f snapshots/s"
                + " = %.1f x the 160/s of 16 packs at 10 Hz (goal >= 20 x); skipped %d%n", count, seconds, rate,
                rate / 160, recorder.status().skipped());
        out.printf(Locale.ROOT, "size: %d bytes for %d snapshots = %.0f bytes per snapshot on disk%n", bytes, count,
                (double) bytes / count);
    }

    /** A long session at 1 Hz per pack from the simulator, stepped as fast as the writer takes it. */
    private void longSession(Path folder, List<ParameterDefinition> definitions, int packs, double hours)
            throws InterruptedException {
        List<PackSpec> specs = new ArrayList<>();
        for (int a = 1; a <= packs; a++) {
            specs.add(PackSpec.typical(a, 176, 33));
        }
        LocalDateTime simStart = LocalDateTime.of(2026, 12, 6, 0, 0);
        long total = (long) (hours * 3600) * packs;
        AtomicLong rows = new AtomicLong();
        long maxUsed = 0;
        long start = System.nanoTime();
        try (SimBus sim = new SimBus(specs, definitions, 11, simStart, 1.0)) {
            SessionRecorder recorder = recorder(folder, rows);
            long steps = (long) (hours * 3600);
            long reportEvery = Math.max(1, steps / 6);
            out.printf(Locale.ROOT, "long session: %d packs x %.0f h at 1 Hz = %d snapshots%n", packs, hours, total);
            out.println("  simulated  snapshots   heap used (MB, sampled)  heap after GC (MB)  file (MB)  elapsed (s)");
            for (long s = 1; s <= steps; s++) {
                sim.advance(1.0);
                Instant time = simStart.toInstant(ZoneOffset.UTC).plusSeconds(s);
                for (var pack : sim.packs()) {
                    hold(recorder);
                    recorder.accept(new PackData("bench", asPolled(pack.snapshot(), time), true));
                }
                if ((s & 255) == 0) {
                    maxUsed = Math.max(maxUsed, MEMORY.getHeapMemoryUsage().getUsed());
                }
                if (s % reportEvery == 0) {
                    waitFor(rows, s * packs);
                    maxUsed = Math.max(maxUsed, MEMORY.getHeapMemoryUsage().getUsed());
                    System.gc();
                    long live = MEMORY.getHeapMemoryUsage().getUsed();
                    out.printf(Locale.ROOT, "  %7.1f h  %10d  %22d  %18d  %9d  %11.0f%n", s / 3600.0, rows.get(),
                            maxUsed >> 20, live >> 20, SessionFiles.size(Path.of(recorder.status().file())) >> 20,
                            (System.nanoTime() - start) / 1e9);
                }
            }
            waitFor(rows, total);
            recorder.close(Duration.ofMinutes(2));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "long session: %d snapshots in %.0f s (%.0f/s), most heap used %d MB of %d MB,"
                    + " skipped %d%n", rows.get(), seconds, rows.get() / seconds, maxUsed >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, recorder.status().skipped());
        }
    }

    private static List<PackSnapshot> boards(List<ParameterDefinition> definitions, int packs, double seconds) {
        List<PackSpec> specs = new ArrayList<>();
        for (int a = 1; a <= packs; a++) {
            specs.add(PackSpec.typical(a, 176, 33));
        }
        try (SimBus sim = new SimBus(specs, definitions, 7, LocalDateTime.of(2026, 12, 6, 0, 0), 1.0)) {
            sim.advance(seconds);
            return sim.packs().stream().map(p -> asPolled(p.snapshot(), p.snapshot().time())).toList();
        }
    }

    /**
     * The board's values at the resolution a protocol carries them (Modbus-native: 1 mV cells, 0.1 °C, 10 mV and
     * 10 mA for the pack), as a recording from a real bus holds them; the simulator's physics has no resolution.
     */
    static PackSnapshot asPolled(PackSnapshot board, Instant time) {
        PackSnapshot.Builder b = board.toBuilder().time(time);
        for (int i = 0; i < board.cellCount(); i++) {
            b.cellVoltage(i, Math.round(board.cellVoltage(i) * 1000) / 1000.0);
        }
        for (int i = 0; i < board.temperatureCount(); i++) {
            if (!Double.isNaN(board.temperature(i))) {
                b.temperature(i, Math.round(board.temperature(i) * 10) / 10.0);
            }
        }
        for (org.bmsworkbench.model.Quantity q : org.bmsworkbench.model.Quantity.values()) {
            if (board.has(q)) {
                b.set(q, Math.round(board.get(q) * 100) / 100.0);
            }
        }
        return b.build();
    }

    private static SessionRecorder recorder(Path folder, AtomicLong rows) {
        RecordingSettings settings = RecordingSettings.defaults(folder).withFolder(folder);
        return new SessionRecorder(() -> settings, Map.of("application", "bmsw record-benchmark"),
                s -> rows.set(s.totalRows()), Clock.systemUTC(), 8192, 0).start();
    }

    private static void hold(SessionRecorder recorder) throws InterruptedException {
        while (recorder.queued() > recorder.capacity() / 2) {
            Thread.sleep(1);
        }
    }

    private static void waitFor(AtomicLong rows, long count) throws InterruptedException {
        while (rows.get() < count) {
            Thread.sleep(5);
        }
    }
}
