package org.bmsworkbench.ui.record.model;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

import org.bmsworkbench.record.Decimation;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.Retention;

/**
 * The recording settings dialog's fields, checked: the folder, the retention (a total size in GB, an age in days,
 * either, both or neither) and the automatic Excel save (every N rows, 0 for never, at most
 * {@value RecordingSettings#MAX_AUTO_SAVE_ROWS}).
 */
public final class SettingsForm {

    /** What is wrong with the form, in the order the fields are checked. */
    public enum Problem {
        NO_FOLDER, FOLDER_INVALID, SIZE_INVALID, AGE_INVALID, ROWS_INVALID
    }

    /** A checked form: the settings, or the problem that prevents them. */
    public record Result(RecordingSettings settings, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private static final double MAX_GB = 1_000_000;
    private static final long MAX_DAYS = 36_500;

    private SettingsForm() {
    }

    /**
     * @param limitSize whether the size limit is on; {@code sizeGb} is read only then
     * @param limitAge  whether the age limit is on; {@code days} is read only then
     */
    public static Result check(String folder, boolean limitSize, String sizeGb, boolean limitAge, String days,
            String autoSaveRows, Decimation decimation) {
        if (folder == null || folder.isBlank()) {
            return new Result(null, Problem.NO_FOLDER);
        }
        Path path;
        try {
            path = Path.of(folder.strip()).toAbsolutePath();
        } catch (InvalidPathException e) {
            return new Result(null, Problem.FOLDER_INVALID);
        }
        long maxBytes = 0;
        if (limitSize) {
            double gb;
            try {
                gb = Double.parseDouble(sizeGb.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                return new Result(null, Problem.SIZE_INVALID);
            }
            if (!(gb > 0) || gb > MAX_GB) {
                return new Result(null, Problem.SIZE_INVALID);
            }
            maxBytes = Math.max(1, Math.round(gb * (1L << 30)));
        }
        Duration maxAge = Duration.ZERO;
        if (limitAge) {
            long d;
            try {
                d = Long.parseLong(days.strip());
            } catch (NumberFormatException e) {
                return new Result(null, Problem.AGE_INVALID);
            }
            if (d < 1 || d > MAX_DAYS) {
                return new Result(null, Problem.AGE_INVALID);
            }
            maxAge = Duration.ofDays(d);
        }
        int rows;
        try {
            rows = Integer.parseInt(autoSaveRows.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return new Result(null, Problem.ROWS_INVALID);
        }
        if (rows < 0 || rows > RecordingSettings.MAX_AUTO_SAVE_ROWS) {
            return new Result(null, Problem.ROWS_INVALID);
        }
        return new Result(new RecordingSettings(path, decimation, new Retention(maxBytes, maxAge), rows), null);
    }

    /** The size limit in GB as the dialog shows it, {@code ""} for none. */
    public static String gigabytes(Retention r) {
        if (r.maxBytes() == 0) {
            return "";
        }
        double gb = r.maxBytes() / (double) (1L << 30);
        return gb == Math.rint(gb) ? Long.toString((long) gb) : String.format(java.util.Locale.ROOT, "%.2f", gb);
    }

    /** The age limit in days as the dialog shows it, {@code ""} for none. */
    public static String days(Retention r) {
        return r.maxAge().isZero() ? "" : Long.toString(Math.max(1, r.maxAge().toDays()));
    }
}
