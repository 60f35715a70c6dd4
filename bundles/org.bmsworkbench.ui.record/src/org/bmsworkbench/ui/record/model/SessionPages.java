package org.bmsworkbench.ui.record.model;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.RecordedRow;
import org.bmsworkbench.record.store.SessionReader;

/**
 * A grid's window on the session being recorded: its own {@link SessionReader} (reading what the recorder has
 * committed) and a small {@link PageCache}, so a grid over a 72-hour session holds a few pages of rows. Not
 * thread-safe: the display thread owns it.
 */
public final class SessionPages implements AutoCloseable {

    /** Rows per page: a few screens. */
    public static final int PAGE_SIZE = 256;

    /** Pages kept: a few screens of several packs, at most a few MB for 176-cell packs. */
    public static final int MAX_PAGES = 12;

    private final PageCache<RecordedRow> cache;
    private SessionReader reader;
    private Path file;
    private String error = "";

    public SessionPages() {
        this(PAGE_SIZE, MAX_PAGES);
    }

    public SessionPages(int pageSize, int maxPages) {
        this.cache = new PageCache<>(pageSize, maxPages);
    }

    /**
     * Reads {@code next} from now on (nothing for {@code null}).
     *
     * @return whether the file changed
     * @throws SQLException when {@code next} cannot be opened; nothing is read then
     */
    public boolean open(Path next) throws SQLException {
        if (Objects.equals(next, file) && (next == null || reader != null)) {
            return false;
        }
        close();
        if (next != null) {
            reader = SessionReader.open(next);
        }
        file = next;
        return true;
    }

    public Path file() {
        return file;
    }

    /** Rows of a pack recorded up to a time (a replay's position), 0 when no file is open. */
    public long rowsUntil(long packId, java.time.Instant time) throws SQLException {
        return reader == null ? 0 : reader.seqAt(packId, time.plusMillis(1)) - 1;
    }

    /** The session's packs, empty when no file is open. */
    public List<RecordedPack> packs() throws SQLException {
        return reader == null ? List.of() : reader.packs();
    }

    /**
     * A row of a pack, or {@code null} when it is not there (beyond {@code known}, no file, or a read error that
     * {@link #error()} then tells).
     *
     * @param known rows the pack has (from the recorder's status)
     */
    public RecordedRow row(long packId, long seq, long known) {
        if (reader == null) {
            return null;
        }
        try {
            RecordedRow r = cache.row(packId, seq, known, (pack, from, limit) -> reader.rows(pack, from, limit));
            error = "";
            return r;
        } catch (Exception e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            return null;
        }
    }

    /** Why the last read failed, or {@code ""}. */
    public String error() {
        return error;
    }

    /** The cache (its size for tests and the memory bound). */
    public PageCache<RecordedRow> cache() {
        return cache;
    }

    @Override
    public void close() throws SQLException {
        cache.clear();
        SessionReader r = reader;
        reader = null;
        file = null;
        if (r != null) {
            r.close();
        }
    }
}
