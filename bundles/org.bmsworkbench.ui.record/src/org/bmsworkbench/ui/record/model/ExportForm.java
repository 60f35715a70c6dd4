package org.bmsworkbench.ui.record.model;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Set;

/**
 * What the export dialog asks, checked: the packs, the time range (either end may stay open), the format and the
 * file. The dialog shows the {@link Problem} of the first field that is wrong and enables OK only without one.
 */
public final class ExportForm {

    /** What is wrong with the form, in the order the fields are checked. */
    public enum Problem {
        NO_PACK, FROM_INVALID, TO_INVALID, FROM_AFTER_TO, NO_FILE, FILE_INVALID, FOLDER_MISSING
    }

    /**
     * A checked form.
     *
     * @param packIds  the packs' keys in the session file
     * @param from     the first time, {@code null} for the start of the recording
     * @param to       the last time, {@code null} for its end
     * @param out      the file (or, for CSV of several packs, the name the files are derived from)
     * @param csv      CSV instead of XLSX
     * @param european CSV with semicolons and decimal commas
     */
    public record Choice(Set<Long> packIds, Instant from, Instant to, Path out, boolean csv, boolean european) {
        public Choice {
            packIds = Set.copyOf(packIds);
        }
    }

    /** A checked form: a choice, or the problem that prevents one. */
    public record Result(Choice choice, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** How times are written in the dialog: local time, seconds optional. */
    public static final String TIME_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private static final DateTimeFormatter PRINT = DateTimeFormatter.ofPattern(TIME_PATTERN, Locale.ROOT);
    private static final DateTimeFormatter PARSE = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd().parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ROOT);

    private ExportForm() {
    }

    /**
     * Checks the form.
     *
     * @param fromText blank for an open start
     * @param toText   blank for an open end
     */
    public static Result check(Set<Long> packIds, String fromText, String toText, String file, boolean csv,
            boolean european, ZoneId zone) {
        if (packIds.isEmpty()) {
            return new Result(null, Problem.NO_PACK);
        }
        Instant from;
        Instant to;
        try {
            from = parse(fromText, zone);
        } catch (DateTimeParseException e) {
            return new Result(null, Problem.FROM_INVALID);
        }
        try {
            to = parse(toText, zone);
        } catch (DateTimeParseException e) {
            return new Result(null, Problem.TO_INVALID);
        }
        if (from != null && to != null && from.isAfter(to)) {
            return new Result(null, Problem.FROM_AFTER_TO);
        }
        if (file == null || file.isBlank()) {
            return new Result(null, Problem.NO_FILE);
        }
        Path out;
        try {
            out = Path.of(file.strip()).toAbsolutePath();
        } catch (InvalidPathException e) {
            return new Result(null, Problem.FILE_INVALID);
        }
        if (out.getFileName() == null || Files.isDirectory(out)) {
            return new Result(null, Problem.FILE_INVALID);
        }
        if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
            return new Result(null, Problem.FOLDER_MISSING);
        }
        return new Result(new Choice(packIds, from, to, out, csv, csv && european), null);
    }

    /** A time the user typed, in {@code zone}; {@code null} for a blank text. */
    public static Instant parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(text.strip(), PARSE).atZone(zone).toInstant();
    }

    /** A time as the dialog shows it, {@code ""} for {@code null}. */
    public static String format(Instant time, ZoneId zone) {
        return time == null ? "" : PRINT.format(time.atZone(zone));
    }

    /** The file name with the format's extension ({@code .xlsx} or {@code .csv}) in place of its own. */
    public static String withExtension(String file, boolean csv) {
        String ext = csv ? ".csv" : ".xlsx";
        String stripped = file.strip();
        String lower = stripped.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            stripped = stripped.substring(0, stripped.length() - 5);
        } else if (lower.endsWith(".csv")) {
            stripped = stripped.substring(0, stripped.length() - 4);
        }
        return stripped.isEmpty() ? stripped : stripped + ext;
    }
}
