package org.bmsworkbench.replay;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.RecordedRow;
import org.bmsworkbench.record.store.SessionReader;

/**
 * The snapshots of a session file in time order over all its packs: one cursor per pack reading pages by sequence
 * number, merged by time, so a 72-hour file is read as it is played, a page at a time. Not thread-safe: the replay
 * thread owns it.
 */
public final class ReplayFile implements AutoCloseable {

    private static final int PAGE = 512;

    /** One recorded snapshot and the pack it belongs to. */
    public record Entry(RecordedPack pack, RecordedRow row) {
    }

    private final SessionReader reader;
    private final List<RecordedPack> packs;
    private final PriorityQueue<Cursor> queue = new PriorityQueue<>(
            Comparator.comparing((Cursor c) -> c.head().snapshot().time()).thenComparingInt(c -> c.pack.address()));
    private final Instant first;
    private final Instant last;

    private final class Cursor {
        final RecordedPack pack;
        final ArrayDeque<RecordedRow> page = new ArrayDeque<>();
        long nextSeq;

        Cursor(RecordedPack pack, long fromSeq) {
            this.pack = pack;
            this.nextSeq = fromSeq;
        }

        RecordedRow head() {
            return page.peekFirst();
        }

        /** Fills the page when empty; false when the pack has no more rows. */
        boolean fill() throws SQLException {
            if (page.isEmpty()) {
                List<RecordedRow> rows = reader.rows(pack.id(), nextSeq, PAGE);
                page.addAll(rows);
                if (!rows.isEmpty()) {
                    nextSeq = rows.get(rows.size() - 1).seq() + 1;
                }
            }
            return !page.isEmpty();
        }
    }

    private ReplayFile(SessionReader reader) throws SQLException {
        this.reader = reader;
        List<RecordedPack> withRows = new ArrayList<>();
        Instant f = null;
        Instant l = null;
        for (RecordedPack p : reader.packs()) {
            if (p.first() != null) {
                withRows.add(p);
                f = f == null || p.first().isBefore(f) ? p.first() : f;
                l = l == null || p.last().isAfter(l) ? p.last() : l;
            }
        }
        if (withRows.isEmpty()) {
            throw new SQLException(reader.file().getFileName() + " holds no snapshots to replay");
        }
        this.packs = List.copyOf(withRows);
        this.first = f;
        this.last = l;
    }

    /** Opens a session file for replay; refuses a file that is not a session or holds no snapshot. */
    public static ReplayFile open(Path file) throws SQLException {
        SessionReader reader = SessionReader.open(file);
        try {
            ReplayFile r = new ReplayFile(reader);
            r.seek(r.first);
            return r;
        } catch (SQLException e) {
            reader.close();
            throw e;
        }
    }

    public Path file() {
        return reader.file();
    }

    /** The packs that have snapshots, by bus and address. */
    public List<RecordedPack> packs() {
        return packs;
    }

    /** Time of the first snapshot. */
    public Instant first() {
        return first;
    }

    /** Time of the last snapshot. */
    public Instant last() {
        return last;
    }

    /** Goes to the first snapshot of each pack at or after {@code time}. */
    public void seek(Instant time) throws SQLException {
        queue.clear();
        for (RecordedPack p : packs) {
            Cursor c = new Cursor(p, reader.seqAt(p.id(), time));
            if (c.fill()) {
                queue.add(c);
            }
        }
    }

    /** The time of the next snapshot, or {@code null} at the end. */
    public Instant peekTime() {
        Cursor c = queue.peek();
        return c == null ? null : c.head().snapshot().time();
    }

    /** The next snapshot in time order, or {@code null} at the end. */
    public Entry next() throws SQLException {
        Cursor c = queue.poll();
        if (c == null) {
            return null;
        }
        RecordedRow row = c.page.pollFirst();
        if (c.fill()) {
            queue.add(c);
        }
        return new Entry(c.pack, row);
    }

    @Override
    public void close() throws SQLException {
        reader.close();
    }
}
