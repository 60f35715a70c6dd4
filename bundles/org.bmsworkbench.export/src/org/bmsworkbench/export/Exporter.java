package org.bmsworkbench.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.SessionReader;

/**
 * Exports a recorded session to XLSX (Apache POI SXSSF: rows stream to compressed temporary files, only a window
 * of {@value #WINDOW} rows stays on the heap) or CSV (Apache Commons CSV). The file is written under a temporary
 * name in the target folder and renamed to its final name only when complete, so a cancelled or failed export
 * leaves nothing under the final name.
 */
public final class Exporter {

    /** Data rows per sheet: Excel's 1,048,576 rows less the header row. */
    static final int SHEET_ROWS = 1_048_575;
    /** Rows SXSSF keeps on the heap per sheet before it flushes them to its temporary file. */
    static final int WINDOW = 500;
    /** Progress is reported and cancellation checked every this many rows. */
    static final int STEP = 1000;

    private Exporter() {
    }

    /** Exports with English headers; see {@link #export(ExportRequest, ExportMonitor, Locale)}. */
    public static ExportResult export(ExportRequest request, ExportMonitor monitor)
            throws IOException, CancellationException {
        return export(request, monitor, Locale.ENGLISH);
    }

    /**
     * Writes the rows the request selects to {@code request.out()}, with headers in {@code locale}.
     *
     * @throws IOException           the output folder does not exist, the recording cannot be read, a pack is not in
     *                               it, or writing failed; the message says which, in one line
     * @throws CancellationException the monitor cancelled
     */
    public static ExportResult export(ExportRequest request, ExportMonitor monitor, Locale locale)
            throws IOException, CancellationException {
        return export(request, monitor, locale, SHEET_ROWS, Exporter::streamingWorkbook);
    }

    static SXSSFWorkbook streamingWorkbook() {
        return new SXSSFWorkbook(null, WINDOW, true, false);
    }

    /** The export with a sheet size and a workbook kind of the caller's (tests split early; the benchmark's baseline). */
    static ExportResult export(ExportRequest request, ExportMonitor monitor, Locale locale, int sheetRows,
            Supplier<? extends Workbook> workbooks) throws IOException {
        ExportMonitor m = monitor == null ? ExportMonitor.NONE : monitor;
        Path out = request.out().toAbsolutePath();
        Path folder = out.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("cannot write " + request.out() + ": the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new IOException("cannot write " + request.out() + ": it is a folder");
        }
        try (SessionReader reader = open(request.recording())) {
            List<RecordedPack> all = reader.packs();
            List<RecordedPack> chosen = choose(request, all);
            long total = 0;
            for (RecordedPack p : chosen) {
                total += expected(reader, p, request);
            }
            Path tmp = partFile(out);
            try {
                Progress progress = new Progress(m, total);
                m.progress(0, total);
                ZoneId zone = ZoneId.systemDefault();
                if (request.format() == ExportFormat.XLSX) {
                    writeXlsx(reader, request, all, chosen, tmp, progress, locale, zone, sheetRows, workbooks);
                } else {
                    writeCsv(reader, request, chosen, tmp, progress, locale, zone);
                }
                m.progress(progress.done, Math.max(total, progress.done));
                move(tmp, out);
                return new ExportResult(List.of(out), progress.done);
            } catch (Throwable e) {
                // whatever ended the export (cancel, write error, out of memory), the half-written file goes
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException d) {
                    e.addSuppressed(d);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the recording " + request.recording() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new empty file beside {@code out} for the export to be written to. Not {@code Files.createTempFile}: its
     * owner-only permissions would stay with the renamed file, which people expect to be like any file they save.
     */
    private static Path partFile(Path out) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path tmp = out.resolveSibling("." + out.getFileName() + "."
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another export picked the same random name: draw again, a few times at most
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static SessionReader open(Path recording) throws IOException {
        try {
            return SessionReader.open(recording);
        } catch (SQLException e) {
            throw new IOException("cannot open the recording " + recording + ": " + e.getMessage(), e);
        }
    }

    private static List<RecordedPack> choose(ExportRequest request, List<RecordedPack> all) throws IOException {
        if (request.packIds().isEmpty()) {
            if (all.isEmpty()) {
                throw new IOException("the recording " + request.recording().getFileName() + " has no packs");
            }
            return all;
        }
        List<RecordedPack> chosen = new ArrayList<>();
        Set<Long> missing = new java.util.TreeSet<>(request.packIds());
        for (RecordedPack p : all) {
            if (request.packIds().contains(p.id())) {
                chosen.add(p);
                missing.remove(p.id());
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("the recording " + request.recording().getFileName() + " has no pack with id "
                    + missing.iterator().next());
        }
        return chosen;
    }

    /** Rows the request will write for a pack: those in the time range, no more than its sequence range holds. */
    private static long expected(SessionReader reader, RecordedPack p, ExportRequest request) throws SQLException {
        long n = reader.count(p.id(), request.from(), request.to());
        if (request.fromSeq() > 0 || request.toSeq() > 0) {
            long first = Math.max(1, request.fromSeq());
            long last = request.toSeq() > 0 ? request.toSeq() : p.rows();
            n = Math.min(n, Math.max(0, last - first + 1));
        }
        return n;
    }

    /** The sheet name of each pack: {@code PackNo.01}, with its bus in front when another bus has that address. */
    static Map<Long, String> sheetNames(List<RecordedPack> all) {
        Map<Integer, Set<String>> busesByAddress = new HashMap<>();
        List<String> buses = new ArrayList<>();
        for (RecordedPack p : all) {
            busesByAddress.computeIfAbsent(p.address(), a -> new java.util.HashSet<>()).add(p.busId());
            if (!buses.contains(p.busId())) {
                buses.add(p.busId());
            }
        }
        Map<Long, String> names = new LinkedHashMap<>();
        for (RecordedPack p : all) {
            String name = p.packName();
            if (busesByAddress.get(p.address()).size() > 1) {
                // sheet names are at most 31 characters and "PackNo.01 (2)" needs 13 of them
                name = "Bus" + (buses.indexOf(p.busId()) + 1) + " " + name;
            }
            names.put(p.id(), WorkbookUtil.createSafeSheetName(name));
        }
        return names;
    }

    private static void writeXlsx(SessionReader reader, ExportRequest request, List<RecordedPack> all,
            List<RecordedPack> chosen, Path tmp, Progress progress, Locale locale, ZoneId zone, int sheetRows,
            Supplier<? extends Workbook> workbooks) throws IOException, SQLException {
        Map<Long, String> names = sheetNames(all);
        // close() of an SXSSF workbook also deletes its temporary files (POI 5.5), also after a failure
        try (Workbook wb = workbooks.get()) {
            XlsxSheets sheets = new XlsxSheets(wb, sheetRows, zone);
            for (RecordedPack p : chosen) {
                sheets.begin(names.get(p.id()), ExportColumns.of(p.cells(), p.temps(), locale, zone));
                rows(reader, p, request, progress, sheets::row);
            }
            progress.check();
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                wb.write(os);
            }
        }
    }

    private static void writeCsv(SessionReader reader, ExportRequest request, List<RecordedPack> chosen, Path tmp,
            Progress progress, Locale locale, ZoneId zone) throws IOException, SQLException {
        int cells = 0;
        int temps = 0;
        for (RecordedPack p : chosen) {
            cells = Math.max(cells, p.cells());
            temps = Math.max(temps, p.temps());
        }
        try (CsvRows csv = new CsvRows(tmp, request.csvStyle(), ExportColumns.of(cells, temps, locale, zone))) {
            for (RecordedPack p : chosen) {
                rows(reader, p, request, progress, csv::row);
            }
            progress.check();
        }
    }

    /** Takes one row; may throw what writing throws. */
    @FunctionalInterface
    interface RowSink {
        void row(PackSnapshot s) throws IOException;
    }

    private static void rows(SessionReader reader, RecordedPack p, ExportRequest request, Progress progress,
            RowSink sink) throws IOException, SQLException {
        try {
            reader.forEach(p.id(), request.from(), request.to(), request.fromSeq(), request.toSeq(), row -> {
                sink.row(row.snapshot());
                progress.step();
                return true;
            });
        } catch (IOException | SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("export of " + p.packName() + " failed: " + e, e);
        }
    }

    private static void move(Path tmp, Path out) throws IOException {
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // the temporary file is in the target folder, so this only happens on file systems without rename
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Counts rows, reports every {@value Exporter#STEP} and ends the export when the monitor cancels. */
    static final class Progress {
        private final ExportMonitor monitor;
        private final long total;
        long done;

        Progress(ExportMonitor monitor, long total) {
            this.monitor = monitor;
            this.total = total;
        }

        void step() {
            done++;
            if (done % STEP == 0) {
                monitor.progress(done, Math.max(total, done));
                check();
            }
        }

        void check() {
            if (monitor.cancelled()) {
                throw new CancellationException("export cancelled after " + done + " rows");
            }
        }
    }
}
