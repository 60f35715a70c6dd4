package org.bmsworkbench.export.cli;

import java.io.IOException;
import java.io.PrintStream;
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

import org.bmsworkbench.export.CsvStyle;
import org.bmsworkbench.export.ExportFormat;
import org.bmsworkbench.export.ExportMonitor;
import org.bmsworkbench.export.ExportRequest;
import org.bmsworkbench.export.ExportResult;
import org.bmsworkbench.export.Exporter;
import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.SessionReader;

/**
 * {@code ./bmsw export}: a recorded session to XLSX or CSV for scripts. Prints one summary line; exit status 0 on
 * success, 1 when the export failed (recording unreadable, write error), 2 for wrong options.
 */
public final class ExportMain {

    static final String USAGE = String.join("\n",
            "Usage: bmsw export --recording FILE --format xlsx|csv --out FILE [--from T] [--to T] [--packs LIST]",
            "                   [--csv-style standard|european]",
            "  --recording FILE  a session file (<workspace>/recordings/*.sqlite)",
            "  --format F        xlsx: one sheet per pack; csv: one file with all packs",
            "  --out FILE        the file to write (its folder must exist); written under a temporary name and",
            "                    renamed when complete",
            "  --from T, --to T  only rows polled from/until T: an ISO date-time, local time if it has no zone",
            "                    (2026-12-06T10:00, 2026-12-06T10:00:00.5+01:00, 2026-12-06T09:00:00Z) or a date",
            "  --packs LIST      pack addresses, e.g. 1,3,5-8 (default: all packs)",
            "  --csv-style S     standard: comma and decimal point; european: semicolon, decimal comma and a",
            "                    byte order mark, for Excel with a European locale",
            "Exit status: 0 exported, 1 the export failed, 2 wrong options.");

    private ExportMain() {
    }

    public static void main(String[] args) {
        quietLog4j();
        System.exit(run(args, System.out, System.err));
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

    /** Wrong options: one line saying what, then the usage, exit status 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path recording = null;
        Path file = null;
        ExportFormat format = null;
        CsvStyle style = CsvStyle.STANDARD;
        Instant from = null;
        Instant to = null;
        Set<Integer> addresses = new TreeSet<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new UsageException(a.startsWith("--") ? a + " needs a value" : "unexpected argument '" + a + "'");
                }
                String v = args[++i];
                switch (a) {
                case "--recording" -> recording = Path.of(v);
                case "--out" -> file = Path.of(v);
                case "--format" -> format = switch (v.toLowerCase(Locale.ROOT)) {
                case "xlsx" -> ExportFormat.XLSX;
                case "csv" -> ExportFormat.CSV;
                default -> throw new UsageException("--format " + v + ": use xlsx or csv");
                };
                case "--csv-style" -> style = switch (v.toLowerCase(Locale.ROOT)) {
                case "standard" -> CsvStyle.STANDARD;
                case "european" -> CsvStyle.EUROPEAN;
                default -> throw new UsageException("--csv-style " + v + ": use standard or european");
                };
                case "--from" -> from = time("--from", v);
                case "--to" -> to = time("--to", v);
                case "--packs" -> addresses.addAll(addresses("--packs", v));
                default -> throw new UsageException("unknown option '" + a + "'");
                }
            }
            if (recording == null) {
                throw new UsageException("--recording FILE is required");
            }
            if (format == null) {
                throw new UsageException("--format xlsx|csv is required");
            }
            if (file == null) {
                throw new UsageException("--out FILE is required");
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw new UsageException("--to is before --from");
            }
        } catch (UsageException e) {
            err.println("bmsw export: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        long start = System.nanoTime();
        try {
            Set<Long> ids = packIds(recording, addresses);
            ExportResult r = Exporter.export(
                    new ExportRequest(recording, file, format, style, ids, from, to, 0, 0), ExportMonitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            int packs = ids.isEmpty() ? packCount(recording) : ids.size();
            out.printf(Locale.ROOT, "bmsw export: wrote %s: %d rows of %d pack%s (%s) in %.1f s%n", r.files().get(0),
                    r.rows(), packs, packs == 1 ? "" : "s", format.name().toLowerCase(Locale.ROOT), seconds);
            return 0;
        } catch (UsageException e) {
            err.println("bmsw export: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("bmsw export: " + e.getMessage());
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
