package org.bmsworkbench.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Payload of {@link BmsTopics#COMMAND_PROGRESS}: how far a queued command (parameter write, control,
 * record download, firmware upgrade, ...) has got.
 *
 * @param busId     bus the command runs on
 * @param commandId id given when the command was queued, unique within the session
 * @param label     what the command does, for people
 * @param state     where it is
 * @param done      work done, in {@code total} units (transactions, records, bytes)
 * @param total     work in all, 0 when not known
 * @param detail    the current step or, at the end, the result or the error
 * @param time      when this was reported
 */
public record CommandProgress(String busId, long commandId, String label, State state, long done, long total,
        String detail, Instant time) {

    /** The life of a queued command. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean isFinal() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    public CommandProgress {
        Checks.busId(busId);
        label = label == null ? "" : label;
        Objects.requireNonNull(state, "state");
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("progress must not be negative");
        }
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(time, "time");
    }

    /** 0..1, or -1 when the total is not known. */
    public double fraction() {
        return total == 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
