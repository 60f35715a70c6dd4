package org.bmsworkbench.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Payload of {@link BmsTopics#RECORDING_STATE}: what the session recorder is doing and how far it got.
 *
 * @param state     recording, paused, stopped after a failure, or off (no bus opened yet, or recording disabled)
 * @param file      the session file being written ({@code ""} while {@link State#OFF} and nothing was recorded)
 * @param started   when the session began ({@code null} while nothing was recorded)
 * @param bytes     the session file's size on disk, with its write-ahead log
 * @param rows      snapshots committed to the file, per pack: key {@code busId + "#" + address}
 * @param skipped   snapshots not recorded because the disk could not keep up (not those the decimation
 *                  setting leaves out on purpose)
 * @param freeBytes usable space left on the recording folder's disk, or -1 when not known
 * @param detail    for {@link State#FAILED} the one line that says why; otherwise {@code ""}
 * @param time      when this status was taken
 */
public record RecordingStatus(State state, String file, Instant started, long bytes, Map<String, Long> rows,
        long skipped, long freeBytes, String detail, Instant time) {

    /** Below this much free space on the recording disk, the status line warns. */
    public static final long LOW_DISK_BYTES = 1L << 30;

    /** The recorder's states. */
    public enum State {
        OFF, RECORDING, PAUSED, FAILED
    }

    public RecordingStatus {
        Objects.requireNonNull(state, "state");
        file = file == null ? "" : file;
        rows = rows == null ? Map.of() : Map.copyOf(rows);
        if (bytes < 0 || skipped < 0) {
            throw new IllegalArgumentException("sizes and counts must not be negative");
        }
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(time, "time");
    }

    /** The key of a pack in {@link #rows()}. */
    public static String packKey(String busId, int address) {
        return busId + "#" + address;
    }

    /** Snapshots committed for one pack. */
    public long rows(String busId, int address) {
        return rows.getOrDefault(packKey(busId, address), 0L);
    }

    /** Snapshots committed for all packs. */
    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How long the session has run, or zero. */
    public Duration duration() {
        return started == null || time.isBefore(started) ? Duration.ZERO : Duration.between(started, time);
    }

    /** Whether the free space of the recording disk is known and below {@link #LOW_DISK_BYTES}. */
    public boolean lowDisk() {
        return freeBytes >= 0 && freeBytes < LOW_DISK_BYTES;
    }
}
