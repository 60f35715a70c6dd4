package org.bmsworkbench.ui.record.model;

/**
 * Follows the newest row as a terminal does: while the last row is in sight, new rows scroll into sight; once the
 * user scrolls up, the view stays where it is; scrolled back to the bottom, it follows again.
 */
public final class AutoScroll {

    private boolean following = true;

    /** Whether new rows are scrolled into sight. */
    public boolean following() {
        return following;
    }

    /**
     * The viewport moved (the user scrolled, or the view did).
     *
     * @param lastVisibleRow the index of the last row in sight (partly or wholly), -1 for none
     * @param rowCount       rows in the table
     */
    public void viewportMoved(int lastVisibleRow, int rowCount) {
        following = rowCount == 0 || lastVisibleRow >= rowCount - 1;
    }

    /**
     * Rows were added; call before the table learns of them.
     *
     * @return whether to scroll to the new last row
     */
    public boolean rowsAdded(long oldCount, long newCount) {
        return following && newCount > oldCount;
    }

    /** The table was emptied or shows another pack: follow again. */
    public void reset() {
        following = true;
    }
}
