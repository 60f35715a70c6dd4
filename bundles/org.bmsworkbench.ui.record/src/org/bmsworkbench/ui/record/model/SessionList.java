package org.bmsworkbench.ui.record.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.record.store.SessionSummary;

/**
 * What the Recordings view shows and does, without widgets: one line per session file, the session being
 * recorded marked and kept current from the recorder's status (without reading the file again), and deletion
 * with its rules (never the current session; only after confirmation).
 */
public final class SessionList {

    /**
     * A line of the table.
     *
     * @param current this is the session being recorded
     */
    public record Line(SessionSummary summary, boolean current, String start, String end, String buses,
            String packs, String rows, String size) {
    }

    /** What came of a request to delete a session. */
    public enum Deletion {
        NOTHING_SELECTED, REFUSED_CURRENT, CANCELLED, DELETED, FAILED
    }

    /** Asks the user and reports (the view's dialogs). */
    public interface Prompt {
        boolean confirmDelete(SessionSummary session);

        void refusedCurrent(SessionSummary session);

        void failed(SessionSummary session, IOException error);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private SessionList() {
    }

    /**
     * The lines for the sessions, newest first as listed; the current session's end, rows and size come from
     * the status when it is newer than the listing.
     */
    public static List<Line> lines(List<SessionSummary> sessions, Optional<Path> current, RecordingStatus status,
            ZoneId zone) {
        List<Line> lines = new ArrayList<>(sessions.size());
        for (SessionSummary s : sessions) {
            boolean isCurrent = current.isPresent() && same(s.file(), current.get());
            SessionSummary shown = s;
            if (isCurrent && status != null && status.totalRows() >= s.rows()) {
                Instant end = status.totalRows() > 0 ? status.time() : s.end();
                int packs = Math.max(s.packs(), (int) status.rows().values().stream().filter(n -> n > 0).count());
                shown = new SessionSummary(s.file(), s.start() != null ? s.start() : status.started(), end, s.buses(),
                        packs, status.totalRows(), Math.max(s.bytes(), status.bytes()), s.error());
            }
            lines.add(line(shown, isCurrent, zone));
        }
        return lines;
    }

    static Line line(SessionSummary s, boolean current, ZoneId zone) {
        if (!s.readable()) {
            return new Line(s, current, "", "", s.error(), "", "", size(s.bytes()));
        }
        return new Line(s, current, time(s.start(), zone), time(s.end(), zone), String.join(", ", s.buses()),
                Integer.toString(s.packs()), String.format(Locale.ROOT, "%,d", s.rows()), size(s.bytes()));
    }

    /**
     * Deletes a session after asking: refuses the session being recorded (saying so), does nothing when the
     * user declines, reports an error of the recorder.
     */
    public static Deletion delete(SessionSummary selected, RecordingService recorder, Prompt prompt) {
        if (selected == null) {
            return Deletion.NOTHING_SELECTED;
        }
        Optional<Path> current = recorder.currentFile();
        if (current.isPresent() && same(selected.file(), current.get())) {
            prompt.refusedCurrent(selected);
            return Deletion.REFUSED_CURRENT;
        }
        if (!prompt.confirmDelete(selected)) {
            return Deletion.CANCELLED;
        }
        try {
            recorder.delete(selected.file());
            return Deletion.DELETED;
        } catch (IOException e) {
            prompt.failed(selected, e);
            return Deletion.FAILED;
        }
    }

    /** A time as the table shows it, {@code ""} for none. */
    public static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    /** A size for people: bytes, KB, MB or GB (powers of 1024). */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = { "KB", "MB", "GB", "TB" };
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            // a file that cannot be compared is not the one being recorded: the recorder itself refuses it again
            return false;
        }
    }
}
