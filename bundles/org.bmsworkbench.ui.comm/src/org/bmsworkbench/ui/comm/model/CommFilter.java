package org.bmsworkbench.ui.comm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.FrameRecord.Direction;

/**
 * Which frames the view shows: a pack (or all), a direction (or both), an outcome (or any) and a search text found
 * in the frame as shown, its summary, its bus or its outcome (case-insensitive).
 *
 * @param address   the pack, -1 for all
 * @param direction {@code null} for both
 * @param outcome   {@code null} for any
 * @param search    empty for none
 */
public record CommFilter(int address, Direction direction, Outcome outcome, String search) {

    /** What became of a frame: sent, received and used, or a reception error (the names of {@code LinkErrorKind}). */
    public enum Outcome {
        SENT, OK, ERROR, TIMEOUT, CHECKSUM, GARBAGE, WRONG_ADDRESS, ECHO, DEVICE_ERROR, IO;

        /** The outcome of one frame. */
        public static Outcome of(FrameRecord r) {
            if (r.direction() == Direction.TX) {
                return SENT;
            }
            return r.error() == null ? OK : valueOf(r.error().name());
        }

        /** Whether a frame's outcome is this one ({@link #ERROR}: any reception error). */
        public boolean matches(FrameRecord r) {
            Outcome o = of(r);
            return this == ERROR ? r.error() != null : o == this;
        }
    }

    public static final CommFilter ALL = new CommFilter(-1, null, null, "");

    public CommFilter {
        search = search == null ? "" : search.strip();
    }

    /**
     * Whether a frame passes.
     *
     * @param text the frame as the view shows it (hex or ASCII) and its summary, for the search
     */
    public boolean matches(FrameRecord r, Function<FrameRecord, String> text) {
        if (address >= 0 && r.address() != address) {
            return false;
        }
        if (direction != null && r.direction() != direction) {
            return false;
        }
        if (outcome != null && !outcome.matches(r)) {
            return false;
        }
        if (search.isEmpty()) {
            return true;
        }
        String needle = search.toLowerCase(Locale.ROOT);
        return (r.busId() + " " + Outcome.of(r) + " " + r.note() + " " + text.apply(r)).toLowerCase(Locale.ROOT)
                .contains(needle);
    }

    /** The frames that pass, in order. */
    public List<FrameRecord> apply(List<FrameRecord> all, Function<FrameRecord, String> text) {
        List<FrameRecord> out = new ArrayList<>();
        for (FrameRecord r : all) {
            if (matches(r, text)) {
                out.add(r);
            }
        }
        return out;
    }
}
