package org.bmsworkbench.record;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the recorded history of a bus is when it is not the session being recorded: a bus that replays a recording
 * has its history in the file it plays, up to where the replay is. Views that draw history (trends) ask it for a
 * replay bus, and {@link RecordingService#currentFile()} for a live one.
 */
public interface HistorySources {

    /**
     * @param file      the session file
     * @param fileBusId the bus's id in that file
     * @param until     the newest time (ms since 1970) shown so far; later rows are the replay's future
     */
    record History(Path file, String fileBusId, long until) {
    }

    /** The history of a bus, or empty when this source does not know the bus. */
    Optional<History> history(String busId);
}
