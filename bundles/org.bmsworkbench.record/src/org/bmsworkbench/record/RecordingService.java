package org.bmsworkbench.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.record.store.DeviceRecordRows;
import org.bmsworkbench.record.store.SessionSummary;

/**
 * The session recorder as views see it. Every snapshot, link-state change, flag change and command of every
 * bus is recorded from the moment a bus opens into one SQLite file per session; its state is posted on
 * {@code RECORDING_STATE}.
 */
public interface RecordingService {

    RecordingStatus status();

    /** The session file being written, if a session started. */
    Optional<Path> currentFile();

    RecordingSettings settings();

    /**
     * Saves new settings. The decimation applies at once, the retention at the next check, a new folder to the
     * next session.
     */
    void apply(RecordingSettings settings) throws IOException;

    /** Stops keeping snapshots (alarms, link states and commands are still recorded) until {@link #resume()}. */
    void pause();

    /** Keeps snapshots again; after a failure this starts a new session file. */
    void resume();

    /** Ends the current session file; the next recorded value starts a new one. */
    void newSession();

    /** Where the Real-time Data page's automatic Excel files go: {@code <workspace>/exports}. */
    Path exportsFolder();

    /** The session files of the recording folder, newest first. */
    List<SessionSummary> sessions();

    /** Deletes a session file and its write-ahead log; refuses the session being recorded. */
    void delete(Path session) throws IOException;

    /**
     * Queues records read from a board's store (issue 16) for the current session file, table {@code device_record};
     * the recorder's writer thread writes them with the rest. Never blocks.
     *
     * @return false when they cannot be kept (no recording, it failed, or its queue is full)
     */
    default boolean keepDeviceRecords(List<DeviceRecordRows.Row> rows) {
        return false;
    }
}
