package org.bmsworkbench.record.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the Recordings view lists of a session file.
 *
 * @param file   the session file
 * @param start  its first recorded time (or when it was created), {@code null} if unreadable
 * @param end    its last recorded time, {@code null} when nothing was recorded
 * @param buses  the buses' labels
 * @param packs  packs with at least one row
 * @param rows   snapshots in the file
 * @param bytes  size on disk with the write-ahead log
 * @param error  why the file could not be read, or {@code ""}
 */
public record SessionSummary(Path file, Instant start, Instant end, List<String> buses, int packs, long rows,
        long bytes, String error) {

    public SessionSummary {
        buses = List.copyOf(buses);
        error = error == null ? "" : error;
    }

    public boolean readable() {
        return error.isEmpty();
    }
}
