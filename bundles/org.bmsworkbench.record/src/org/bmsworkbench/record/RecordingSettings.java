package org.bmsworkbench.record;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What people choose about recording.
 *
 * @param folder       where session files go ({@code <workspace>/recordings} by default)
 * @param decimation   snapshots kept per pack
 * @param retention    old sessions deleted
 * @param autoSaveRows the Real-time Data page writes each pack's new rows to an Excel file every this many rows
 *                     (0: never); at most {@link #MAX_AUTO_SAVE_ROWS}
 */
public record RecordingSettings(Path folder, Decimation decimation, Retention retention, int autoSaveRows) {

    /** Default of {@link #autoSaveRows}, as in the reference software. */
    public static final int DEFAULT_AUTO_SAVE_ROWS = 10_000;

    /** Excel's rows per sheet less the header row. */
    public static final int MAX_AUTO_SAVE_ROWS = 1_048_575;

    public RecordingSettings {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(decimation, "decimation");
        Objects.requireNonNull(retention, "retention");
        if (autoSaveRows < 0 || autoSaveRows > MAX_AUTO_SAVE_ROWS) {
            throw new IllegalArgumentException(
                    "automatic saving every " + autoSaveRows + " rows: choose 0 (off) to " + MAX_AUTO_SAVE_ROWS);
        }
    }

    /** The defaults for a workspace folder. */
    public static RecordingSettings defaults(Path workspace) {
        return new RecordingSettings(workspace.resolve("recordings"), Decimation.EVERY_POLL, Retention.KEEP_ALL,
                DEFAULT_AUTO_SAVE_ROWS);
    }

    public RecordingSettings withFolder(Path f) {
        return new RecordingSettings(f, decimation, retention, autoSaveRows);
    }

    public RecordingSettings withDecimation(Decimation d) {
        return new RecordingSettings(folder, d, retention, autoSaveRows);
    }

    public RecordingSettings withRetention(Retention r) {
        return new RecordingSettings(folder, decimation, r, autoSaveRows);
    }

    public RecordingSettings withAutoSaveRows(int rows) {
        return new RecordingSettings(folder, decimation, retention, rows);
    }
}
