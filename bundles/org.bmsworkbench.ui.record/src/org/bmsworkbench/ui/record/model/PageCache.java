package org.bmsworkbench.ui.record.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of recorded packs in pages of {@link #pageSize()} rows, the {@link #maxPages()} pages used last kept
 * (least recently used dropped first), so a grid over a 72-hour session holds a few pages, never the session.
 * The newest page of a pack may be short; when more rows are known to exist it is completed by reading only the
 * missing rows. Not thread-safe: one owner (the display thread).
 *
 * @param <R> a row
 */
public final class PageCache<R> {

    /** Reads rows of a pack: up to {@code limit} from sequence number {@code fromSeq} (1-based) on, in order. */
    @FunctionalInterface
    public interface Source<R> {
        List<R> read(long pack, long fromSeq, int limit) throws Exception;
    }

    private record Key(long pack, long page) {
    }

    private final int pageSize;
    private final int maxPages;
    private final Map<Key, List<R>> pages;
    private long reads;

    public PageCache(int pageSize, int maxPages) {
        if (pageSize < 1 || maxPages < 1) {
            throw new IllegalArgumentException("page size and page count must be positive");
        }
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.pages = new LinkedHashMap<>(maxPages * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, List<R>> eldest) {
                return size() > PageCache.this.maxPages;
            }
        };
    }

    public int pageSize() {
        return pageSize;
    }

    public int maxPages() {
        return maxPages;
    }

    /**
     * The row with sequence number {@code seq} of a pack, reading its page when it is not held.
     *
     * @param known how many rows the pack has now (a short page is completed up to it)
     * @return the row, or {@code null} when {@code seq} is beyond {@code known} or the source does not have it
     */
    public R row(long pack, long seq, long known, Source<R> source) throws Exception {
        if (seq < 1 || seq > known) {
            return null;
        }
        long page = (seq - 1) / pageSize;
        long start = page * pageSize + 1;
        Key key = new Key(pack, page);
        List<R> rows = pages.get(key);
        int wanted = (int) Math.min(pageSize, known - start + 1);
        if (rows == null || rows.size() < wanted) {
            int held = rows == null ? 0 : rows.size();
            List<R> more = source.read(pack, start + held, pageSize - held);
            reads++;
            List<R> next = new ArrayList<>(held + more.size());
            if (rows != null) {
                next.addAll(rows);
            }
            next.addAll(more);
            rows = next;
            pages.put(key, rows);
        }
        int index = (int) (seq - start);
        return index < rows.size() ? rows.get(index) : null;
    }

    /** Forgets every page (another session file, or the file was replaced). */
    public void clear() {
        pages.clear();
    }

    /** Forgets the pages of one pack. */
    public void clear(long pack) {
        pages.keySet().removeIf(k -> k.pack() == pack);
    }

    /** Pages held now. */
    public int pagesHeld() {
        return pages.size();
    }

    /** Rows held now, over all pages. */
    public long rowsHeld() {
        long n = 0;
        for (List<R> p : pages.values()) {
            n += p.size();
        }
        return n;
    }

    /** Reads from the source so far. */
    public long reads() {
        return reads;
    }
}
