package org.bmsworkbench.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.store.SessionWriter;

/**
 * {@code ./bmsw export-benchmark}: writes a recording of 1,000,000 rows (8 packs of 176 cells and 33 sensors, 230
 * columns a row), then exports it in child JVMs with the same fixed heap: SXSSF (what {@link Exporter} uses), a
 * plain {@code XSSFWorkbook} as the baseline (it keeps every row on the heap, so it is reported where it runs out
 * of memory) and CSV. Prints rows/s and the peak heap of each. Not a test.
 */
public final class ExportBenchmark {

    private static final String RESULT = "RESULT";
    private static final String PROGRESS = "PROGRESS";

    private ExportBenchmark() {
    }

    /**
     * The entry point of the child JVMs only ({@code --child KIND RECORDING OUT}); people run
     * {@code ./bmsw export-benchmark}, which calls {@link #run}.
     */
    public static void main(String[] args) throws Exception {
        quietLog4j();
        if (args.length != 4 || !args[0].equals("--child")) {
            throw new IllegalArgumentException("the export benchmark's child JVM takes --child KIND RECORDING OUT;"
                    + " run ./bmsw export-benchmark");
        }
        child(args[1], Path.of(args[2]), Path.of(args[3]));
    }

    /** POI logs through log4j-api, which finds no provider on a plain class path: its simple logger, errors only. */
    private static void quietLog4j() {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    /**
     * Generates the recording in {@code folder} (once) and exports it in child JVMs of {@code heap} each, printing
     * the figures to {@code out} ({@code ./bmsw export-benchmark}, options checked by the command line).
     */
    public static void run(long rows, int packs, String heap, int timeoutSeconds, Path folder, PrintStream out)
            throws Exception {
        quietLog4j();
        Files.createDirectories(folder);
        Path recording = folder.resolve("benchmark-" + rows + ".sqlite");
        if (!Files.exists(recording)) {
            long t0 = System.nanoTime();
            generate(recording.resolveSibling(recording.getFileName() + ".part"), rows, packs);
            Files.move(recording.resolveSibling(recording.getFileName() + ".part"), recording);
            out.printf(Locale.ROOT, "generated %,d rows (%d packs x 176 cells x 33 sensors) in %.0f s: %s (%,d MB)%n",
                    rows, packs, (System.nanoTime() - t0) / 1e9, recording, Files.size(recording) >> 20);
        } else {
            out.println("using the recording made earlier: " + recording);
        }
        int columns = ExportColumns.of(176, 33, Locale.ENGLISH).size();
        List<String[]> table = new ArrayList<>();
        for (String kind : List.of("sxssf", "xssf", "csv")) {
            Path target = folder.resolve("out-" + kind + (kind.equals("csv") ? ".csv" : ".xlsx"));
            Files.deleteIfExists(target);
            table.add(runChild(kind, recording, target, heap, timeoutSeconds, rows, out));
            Files.deleteIfExists(target);
        }
        out.println();
        out.printf(Locale.ROOT, "Export of %,d rows x %d columns, child JVMs with -Xmx%s (%s, %d cores)%n", rows,
                columns, heap, System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
        String format = "%-23s %12s %8s %8s %13s %14s %8s  %s%n";
        out.printf(Locale.ROOT, format, "writer", "rows written", "seconds", "rows/s", "peak heap MB",
                "after GC MB", "file MB", "outcome");
        for (String[] r : table) {
            out.printf(Locale.ROOT, format, (Object[]) r);
        }
    }

    /** A child JVM's figures: writer, rows, seconds, rows/s, peak heap, peak heap after GC, file size, outcome. */
    private static String[] runChild(String kind, Path recording, Path out, String heap, int timeoutSeconds,
            long expected, PrintStream console) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + heap, "-XX:+UseParallelGC", "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory", "-cp",
                System.getProperty("java.class.path"), ExportBenchmark.class.getName(), "--child", kind,
                recording.toString(), out.toString());
        console.println("running " + kind + " ...");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long t0 = System.nanoTime();
        String[] last = { "0", "0", "0", "0" };
        String[] result = { null };
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    String[] f = line.split(" ");
                    if (f[0].equals(PROGRESS)) {
                        last[0] = f[1];
                        last[1] = f[2];
                        last[2] = f[3];
                        last[3] = f[4];
                    } else if (f[0].equals(RESULT)) {
                        result[0] = line;
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        reader.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String outcome;
        long rows;
        double secs;
        long peak;
        long live;
        if (result[0] != null) {
            // RESULT kind outcome rows seconds peakBytes peakLiveBytes
            String[] f = result[0].split(" ");
            outcome = f[2].equals("ok") ? "complete" : "OutOfMemoryError after " + f[3] + " rows";
            rows = Long.parseLong(f[3]);
            secs = Double.parseDouble(f[4]);
            peak = Long.parseLong(f[5]);
            live = Long.parseLong(f[6]);
        } else {
            rows = Long.parseLong(last[0]);
            secs = Double.parseDouble(last[1]);
            peak = Long.parseLong(last[2]);
            live = Long.parseLong(last[3]);
            outcome = (ended ? "died (exit " + p.exitValue() + ")" : "stopped after " + timeoutSeconds + " s")
                    + " after " + rows + " rows";
        }
        long size = Files.exists(out) ? Files.size(out) : 0;
        console.printf(Locale.ROOT, "%s: %s, %,d rows in %.1f s (child ran %.1f s)%n", kind, outcome, rows, secs,
                seconds);
        return new String[] { kind.equals("xssf") ? "XSSFWorkbook (baseline)" : kind.equals("sxssf") ? "SXSSF (Exporter)"
                : "CSV (Exporter)", String.format(Locale.ROOT, "%,d", rows), String.format(Locale.ROOT, "%.1f", secs),
                String.format(Locale.ROOT, "%,.0f", secs > 0 ? rows / secs : 0),
                String.format(Locale.ROOT, "%,d", peak >> 20), String.format(Locale.ROOT, "%,d", live >> 20),
                rows == expected ? String.valueOf(size >> 20) : "-",
                outcome };
    }

    /** In the child JVM: one export, its progress on stdout for the parent, then one RESULT line. */
    private static void child(String kind, Path recording, Path out) throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        AtomicLong peak = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                // what the heap held after each pool's last collection: the live set, without garbage not yet collected
                peakLive.accumulateAndGet(pools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(),
                        Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    // the export ended: the sampling is over
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        ExportMonitor monitor = new ExportMonitor() {
            @Override
            public void progress(long rowsDone, long rowsTotal) {
                done.set(rowsDone);
                if (rowsDone % 20_000 == 0) {
                    System.out.printf(Locale.ROOT, "%s %d %.2f %d %d%n", PROGRESS, rowsDone,
                            (System.nanoTime() - t0) / 1e9, peak.get(), peakLive.get());
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        String outcome = "ok";
        try {
            switch (kind) {
            case "sxssf" -> Exporter.export(ExportRequest.all(recording, out, ExportFormat.XLSX), monitor);
            case "xssf" -> Exporter.export(ExportRequest.all(recording, out, ExportFormat.XLSX), monitor,
                    Locale.ENGLISH, Exporter.SHEET_ROWS, XSSFWorkbook::new);
            case "csv" -> Exporter.export(ExportRequest.all(recording, out, ExportFormat.CSV), monitor);
            default -> throw new IllegalArgumentException("unknown writer " + kind);
            }
        } catch (OutOfMemoryError e) {
            // the point of the baseline: the workbook is unreachable now, so there is room to report
            outcome = "oom";
        }
        sampler.interrupt();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        System.out.printf(Locale.ROOT, "%s %s %s %d %.2f %d %d%n", RESULT, kind, outcome, done.get(),
                (System.nanoTime() - t0) / 1e9, peak.get(), peakLive.get());
    }

    /** {@code rows} snapshots spread over {@code packs} packs at 1 s, values changing as a discharge would. */
    static void generate(Path file, long rows, int packs) throws Exception {
        SplittableRandom random = new SplittableRandom(14);
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        try (SessionWriter w = SessionWriter.create(file, Map.of("source", "ExportBenchmark"), 0)) {
            w.bus(new BusStatus("bench", "Simulated bus", "modbus-native", BusState.OPEN, "", t0));
            long perPack = (rows + packs - 1) / packs;
            long written = 0;
            for (long i = 0; i < perPack && written < rows; i++) {
                for (int a = 1; a <= packs && written < rows; a++) {
                    w.snapshot("bench", snapshot(random, a, t0.plusMillis(i * 1000 + a * 7), i));
                    written++;
                    if (written % 10_000 == 0) {
                        w.commit();
                    }
                }
            }
            w.commit();
        }
    }

    private static PackSnapshot snapshot(SplittableRandom r, int address, Instant time, long i) {
        double soc = 100 - (i % 36_000) / 360.0;
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(time).cellCount(176).temperatureCount(33)
                .set(Quantity.VOLTAGE, 580 + r.nextInt(200) / 10.0).set(Quantity.CURRENT, -50 + r.nextInt(1000) / 100.0)
                .set(Quantity.SOC, Math.round(soc * 10) / 10.0).set(Quantity.SOH, 98)
                .set(Quantity.REMAINING_CAPACITY, Math.round(soc * 2.8) / 10.0).set(Quantity.DESIGN_CAPACITY, 280)
                .set(Quantity.CYCLES, 120).set(Quantity.PORT_VOLTAGE, 590 + r.nextInt(100) / 10.0)
                .set(Quantity.INSULATION_POSITIVE, 4000 + r.nextInt(100))
                .set(Quantity.INSULATION_NEGATIVE, 4000 + r.nextInt(100)).reported(FlagCategory.ALARM);
        for (int c = 0; c < 176; c++) {
            b.cellVoltage(c, (3200 + r.nextInt(150)) / 1000.0);
        }
        for (int t = 0; t < 33; t++) {
            b.temperature(t, 20 + r.nextInt(150) / 10.0);
        }
        if (i % 500 == 0) {
            b.flag(PackFlag.CELL_UV, true);
        }
        return b.build();
    }
}
