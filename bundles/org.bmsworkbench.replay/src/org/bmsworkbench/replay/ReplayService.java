package org.bmsworkbench.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Replays of session files as views and commands see them. A replay publishes its recording on the bus topics under
 * replay bus ids ({@code replay-1}); nothing can be sent to those buses (the control bundle's {@code WriteService}
 * refuses with the reason) and the recorder does not record them again.
 */
public interface ReplayService {

    /**
     * One replay: its id (the first of its bus ids), file, replay bus ids and state.
     */
    record Replay(String id, Path file, List<String> busIds, ReplayEngine.State state) {
    }

    /** Opens a session file and starts playing it at 1×; refuses a file that is not a session or holds nothing. */
    Replay open(Path file) throws IOException;

    /** The open replays, oldest first. */
    List<Replay> replays();

    Optional<Replay> replay(String id);

    /** The replay engine of an open replay, for its controls (play, pause, step, speed, seek). */
    Optional<ReplayEngine> engine(String id);

    /** Ends a replay: its buses close. */
    void close(String id);
}
