package org.bmsworkbench.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sleeping and waking in simulated seconds given by the test. */
class HibernationTest {

    private final Hibernation hibernation = new Hibernation(0);

    @Test
    void lineActivityWakesTheBoardASecondLater() {
        hibernation.sleep();
        assertFalse(hibernation.wakeUp(10, false));
        hibernation.lineActivity(false, 10);
        assertFalse(hibernation.wakeUp(10.9, false));
        assertTrue(hibernation.asleep());
        hibernation.lineActivity(true, 10.5);
        assertTrue(hibernation.wakeUp(11, false), "the first frame set the time; later ones do not delay it");
        assertFalse(hibernation.asleep());
        assertFalse(hibernation.wakeUp(12, true), "an awake board does not wake again");
    }

    @Test
    void aChargerWakesTheBoardAtOnce() {
        hibernation.sleep();
        assertTrue(hibernation.wakeUp(5, true));
    }

    @Test
    void dormancyWaitsForNoCurrentAndNoRequests() {
        assertTrue(hibernation.dormancyDue(60, 60));
        hibernation.active(30);
        assertFalse(hibernation.dormancyDue(60, 60), "current flowed 30 s ago");
        hibernation.lineActivity(true, 80);
        assertFalse(hibernation.dormancyDue(100, 60), "the host asked 20 s ago");
        assertFalse(hibernation.asleep(), "line activity does not put it to sleep or wake it");
        assertTrue(hibernation.dormancyDue(140, 60));
    }
}
