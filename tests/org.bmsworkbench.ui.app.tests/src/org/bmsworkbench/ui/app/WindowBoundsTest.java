package org.bmsworkbench.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The main window's size and place on the monitor it opens on. */
class WindowBoundsTest {

    @Test
    void aFirstStartOnA1366x768LaptopFillsItsClientArea() {
        assertEquals(new WindowBounds(0, 0, 1366, 768), WindowBounds.initial(new WindowBounds(0, 0, 1366, 768)));
        // a panel of 32 px at the top and a dock of 48 px at the left
        assertEquals(new WindowBounds(48, 32, 1318, 736),
                WindowBounds.initial(new WindowBounds(48, 32, 1318, 736)));
    }

    @Test
    void aFirstStartOnALargerScreenIsCappedAndCentered() {
        assertEquals(new WindowBounds(80, 50, 1440, 900), WindowBounds.initial(new WindowBounds(0, 0, 1600, 1000)));
        // the second monitor, right of the first
        assertEquals(new WindowBounds(1920 + 240, 90, 1440, 900),
                WindowBounds.initial(new WindowBounds(1920, 0, 1920, 1080)));
    }

    @Test
    void aSavedWindowThatFitsStaysWhereTheUserPutIt() {
        WindowBounds saved = new WindowBounds(100, 60, 1200, 700);
        assertSame(saved, saved.fittedTo(new WindowBounds(0, 0, 1366, 768)));
    }

    @Test
    void aWindowSavedOnALargerScreenIsShrunkAndMovedOntoThisOne() {
        assertEquals(new WindowBounds(0, 0, 1366, 768),
                new WindowBounds(20, 20, 1440, 900).fittedTo(new WindowBounds(0, 0, 1366, 768)));
        assertEquals(new WindowBounds(366, 168, 1000, 600),
                new WindowBounds(900, 500, 1000, 600).fittedTo(new WindowBounds(0, 0, 1366, 768)));
    }
}
