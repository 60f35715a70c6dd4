package org.bmsworkbench.ui.record.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutoScrollTest {

    @Test
    void followsFromTheStartAndWhileTheLastRowIsInSight() {
        AutoScroll s = new AutoScroll();
        assertTrue(s.rowsAdded(0, 5), "an empty table follows");
        s.viewportMoved(4, 5);
        assertTrue(s.rowsAdded(5, 6));
        s.viewportMoved(5, 6);
        assertTrue(s.following());
    }

    @Test
    void stopsWhenTheUserScrollsUpAndResumesAtTheBottom() {
        AutoScroll s = new AutoScroll();
        s.viewportMoved(99, 100);
        s.viewportMoved(40, 100);
        assertFalse(s.following());
        assertFalse(s.rowsAdded(100, 110), "scrolled up: the view stays where the user left it");
        s.viewportMoved(109, 110);
        assertTrue(s.following(), "back at the bottom: following again");
        assertTrue(s.rowsAdded(110, 111));
    }

    @Test
    void noNewRowsNoScrollAndResetFollows() {
        AutoScroll s = new AutoScroll();
        assertFalse(s.rowsAdded(10, 10));
        s.viewportMoved(0, 10);
        assertFalse(s.following());
        s.reset();
        assertTrue(s.following());
        s.viewportMoved(-1, 0);
        assertTrue(s.following(), "a table without rows follows");
    }
}
