package org.bmsworkbench.cli.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.bmsworkbench.export.CsvStyle;
import org.bmsworkbench.export.ExportFormat;
import org.bmsworkbench.export.ExportMonitor;
import org.bmsworkbench.export.ExportRequest;
import org.bmsworkbench.export.ExportResult;
import org.bmsworkbench.export.Exporter;
import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.SessionReader;

import org.bmsworkbench.cli.Cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./bmsw export}: a recorded session to XLSX or CSV for scripts. Prints one summary line.
 */
@Command(name = "export", sortOptions = false,
        description = "Exports a recorded session (docs/recording.md) to Excel, one sheet per pack, or to CSV.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:exported", "1:the export failed (recording unreadable, write error)", "2:wrong options" })
public final class ExportCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--recording", required = true, paramLabel = "FILE",
            description = "a session file (<workspace>/recordings/*.sqlite)")
    Path recording;

    @Option(names = "--format", required = true, paramLabel = "F", converter = FormatConverter.class,
            description = "xlsx: one sheet per pack; csv: one file with all packs")
    ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write (its folder must"
            + " exist); written under a temporary name and renamed when complete")
    Path file;

    @Option(names = "--from", paramLabel = "T", converter = FromConverter.class, description = "only rows polled from"
            + " T: an ISO date-time, local time if it has no zone (2026-12-06T10:00, 2026-12-06T10:00:00.5+01:00,"
            + " 2026-12-06T09:00:00Z) or a date")
    Instant from;

    @Option(names = "--to", paramLabel = "T", converter = ToConverter.class, description = "only rows polled until T")
    Instant to;

    @Option(names = "--packs", paramLabel = "LIST", description = "pack addresses, e.g. 1,3,5-8 (default: all packs)")
    String packs;

    @Option(names = "--csv-style", paramLabel = "S", converter = StyleConverter.class, description = "standard: comma"
            + " and decimal point; european: semicolon, decimal comma and a byte order mark, for Excel with a"
            + " European locale")
    CsvStyle style = CsvStyle.STANDARD;

    public ExportCommand(Cli cli) {
        this.cli = cli;
    }

    /**
     * POI logs through log4j-api, which finds no provider on a plain class path and says so on stderr at the first
     * call; its own simple logger (errors only) keeps the output to the summary line.
     */
    public static void quietLog4j() {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    /** A check that fails after the options were read: one line saying what, exit status 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String v) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "xlsx" -> ExportFormat.XLSX;
                case "csv" -> ExportFormat.CSV;
                default -> throw new TypeConversionException("--format " + v + ": use xlsx or csv");
            };
        }
    }

    static final class StyleConverter implements ITypeConverter<CsvStyle> {
        @Override
        public CsvStyle convert(String v) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "standard" -> CsvStyle.STANDARD;
                case "european" -> CsvStyle.EUROPEAN;
                default -> throw new TypeConversionException("--csv-style " + v + ": use standard or european");
            };
        }
    }

    static final class FromConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String v) {
            try {
                return time("--from", v);
            } catch (UsageException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ToConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String v) {
            try {
                return time("--to", v);
            } catch (UsageException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        quietLog4j();
        if (from != null && to != null && to.isBefore(from)) {
            cli.err().println("bmsw export: --to is before --from");
            return 2;
        }
        long start = System.nanoTime();
        try {
            Set<Long> ids = packIds(recording, packs == null ? Set.of() : addresses("--packs", packs));
            ExportResult r = Exporter.export(
                    new ExportRequest(recording, file, format, style, ids, from, to, 0, 0), ExportMonitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            int packs = ids.isEmpty() ? packCount(recording) : ids.size();
            cli.out().printf(Locale.ROOT, "bmsw export: wrote %s: %d rows of %d pack%s (%s) in %.1f s%n",
                    r.files().get(0), r.rows(), packs, packs == 1 ? "" : "s", format.name().toLowerCase(Locale.ROOT),
                    seconds);
            return 0;
        } catch (UsageException e) {
            cli.err().println("bmsw export: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            cli.err().println("bmsw export: " + e.getMessage());
            return 1;
        }
    }

    /** The packs at these addresses (on any bus); all packs when none are given. */
    private static Set<Long> packIds(Path recording, Set<Integer> addresses) throws IOException, UsageException {
        Set<Long> ids = new LinkedHashSet<>();
        if (addresses.isEmpty()) {
            return ids;
        }
        if (!Files.isRegularFile(recording)) {
            throw new IOException("cannot open the recording " + recording + ": no such file");
        }
        try (SessionReader reader = SessionReader.open(recording)) {
            Set<Integer> found = new TreeSet<>();
            for (RecordedPack p : reader.packs()) {
                if (addresses.contains(p.address())) {
                    ids.add(p.id());
                    found.add(p.address());
                }
            }
            Set<Integer> missing = new TreeSet<>(addresses);
            missing.removeAll(found);
            if (!missing.isEmpty()) {
                throw new UsageException("--packs: the recording has no pack " + missing.iterator().next()
                        + (found.isEmpty() && reader.packs().isEmpty() ? "" : " (it has " + have(reader) + ")"));
            }
        } catch (SQLException e) {
            throw new IOException("cannot open the recording " + recording + ": " + e.getMessage(), e);
        }
        return ids;
    }

    private static String have(SessionReader reader) throws SQLException {
        Set<Integer> all = new TreeSet<>();
        for (RecordedPack p : reader.packs()) {
            all.add(p.address());
        }
        return all.toString().replaceAll("[\\[\\] ]", "");
    }

    private static int packCount(Path recording) throws IOException {
        try (SessionReader reader = SessionReader.open(recording)) {
            return reader.packs().size();
        } catch (SQLException e) {
            throw new IOException("cannot read the recording " + recording + ": " + e.getMessage(), e);
        }
    }

    /** An ISO date-time with an offset or zone, or a local date-time or date in the machine's time zone. */
    static Instant time(String option, String text) throws UsageException {
        String t = text.trim().replace(' ', 'T');
        try {
            if (t.endsWith("Z") || t.matches(".*T.*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            if (t.contains("[")) {
                return java.time.ZonedDateTime.parse(t).toInstant();
            }
            if (t.contains("T")) {
                return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant();
            }
            return LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeException e) {
            throw new UsageException(option + " " + text + ": not an ISO date-time such as 2026-12-06T10:00:00");
        }
    }

    /** {@code 1,3,5-8} to the addresses 1, 3, 5, 6, 7, 8. */
    static Set<Integer> addresses(String option, String text) throws UsageException {
        Set<Integer> set = new TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-', 1);
                int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1).trim());
                if (lo < 0 || hi < lo || hi > 255) {
                    throw new UsageException(option + " " + text + ": '" + p + "' is not an address range within 0-255");
                }
                for (int a = lo; a <= hi; a++) {
                    set.add(a);
                }
            } catch (NumberFormatException e) {
                throw new UsageException(option + " " + text + ": '" + p + "' is not an address such as 3 or 5-8");
            }
        }
        return set;
    }
}
