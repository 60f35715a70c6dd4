package org.bmsworkbench.ui.record.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageCacheTest {

    /** A pack whose row n is "pack:n", of which {@code available} exist; counts the rows read. */
    private static final class Rows implements PageCache.Source<String> {
        long available;
        long rowsRead;
        final List<long[]> calls = new ArrayList<>();

        @Override
        public List<String> read(long pack, long fromSeq, int limit) {
            calls.add(new long[] { pack, fromSeq, limit });
            List<String> out = new ArrayList<>();
            for (long s = fromSeq; s < fromSeq + limit && s <= available; s++) {
                out.add(pack + ":" + s);
            }
            rowsRead += out.size();
            return out;
        }
    }

    @Test
    void readsAWholePageOnceAndServesItsRowsFromMemory() throws Exception {
        PageCache<String> cache = new PageCache<>(256, 4);
        Rows rows = new Rows();
        rows.available = 1000;
        assertEquals("1:300", cache.row(1, 300, 1000, rows));
        assertEquals(1, rows.calls.size());
        assertEquals(257, rows.calls.get(0)[1], "the page of row 300 starts at 257");
        for (long s = 257; s <= 512; s++) {
            assertEquals("1:" + s, cache.row(1, s, 1000, rows));
        }
        assertEquals(1, cache.reads());
    }

    @Test
    void keepsAtMostMaxPagesDroppingTheLeastRecentlyUsed() throws Exception {
        PageCache<String> cache = new PageCache<>(100, 3);
        Rows rows = new Rows();
        rows.available = 100_000;
        for (long s = 1; s <= 100_000; s += 37) {
            cache.row(2, s, 100_000, rows);
            assertTrue(cache.pagesHeld() <= 3);
            assertTrue(cache.rowsHeld() <= 300);
        }
        cache.clear();
        cache.row(2, 1, 100_000, rows);
        cache.row(2, 101, 100_000, rows);
        cache.row(2, 201, 100_000, rows);
        cache.row(2, 2, 100_000, rows); // page 0 used last: page 1 is now the least recently used
        long before = cache.reads();
        cache.row(2, 301, 100_000, rows); // evicts page 1, not page 0
        cache.row(2, 50, 100_000, rows);
        assertEquals(before + 1, cache.reads(), "page 0 stayed");
        cache.row(2, 150, 100_000, rows);
        assertEquals(before + 2, cache.reads(), "page 1 was dropped");
    }

    @Test
    void completesTheNewestPageByReadingOnlyTheMissingRows() throws Exception {
        PageCache<String> cache = new PageCache<>(256, 4);
        Rows rows = new Rows();
        rows.available = 10;
        assertEquals("7:10", cache.row(7, 10, 10, rows));
        assertNull(cache.row(7, 11, 10, rows), "beyond the known count");
        rows.available = 15;
        assertEquals("7:15", cache.row(7, 15, 15, rows));
        assertEquals(2, rows.calls.size());
        assertEquals(11, rows.calls.get(1)[1], "only rows 11.. are read again");
        assertEquals(15, rows.rowsRead);
        assertEquals("7:3", cache.row(7, 3, 15, rows));
        assertEquals(2, rows.calls.size());
    }

    @Test
    void packsHaveTheirOwnPages() throws Exception {
        PageCache<String> cache = new PageCache<>(10, 4);
        Rows rows = new Rows();
        rows.available = 50;
        assertEquals("1:5", cache.row(1, 5, 50, rows));
        assertEquals("2:5", cache.row(2, 5, 50, rows));
        cache.clear(1);
        assertEquals(1, cache.pagesHeld());
        cache.clear();
        assertEquals(0, cache.pagesHeld());
    }
}
