package org.bmsworkbench.sim;

/**
 * When a board sleeps and wakes: forced hibernation, dormancy once neither current nor the host's requests
 * have kept it busy for the dormancy delay, and waking by RS485 activity (answering 1 s later, so the frame
 * that woke it is lost) or at once by a charger's voltage.
 */
final class Hibernation {

    static final double WAKE_SECONDS = 1;

    private boolean asleep;
    private double wakeAt = Double.NaN;
    private double lastAddressed;
    private double standbySince;

    Hibernation(double now) {
        lastAddressed = now;
        standbySince = now;
    }

    boolean asleep() {
        return asleep;
    }

    void sleep() {
        asleep = true;
        wakeAt = Double.NaN;
    }

    /** A frame on the line: one for this board puts off dormancy, any frame wakes a sleeping board. */
    void lineActivity(boolean addressed, double now) {
        if (addressed) {
            lastAddressed = now;
        }
        if (asleep && Double.isNaN(wakeAt)) {
            wakeAt = now + WAKE_SECONDS;
        }
    }

    /**
     * Wakes a sleeping board whose time has come.
     *
     * @param chargerVoltage a charger asks for current on the port
     * @return whether the board woke now
     */
    boolean wakeUp(double now, boolean chargerVoltage) {
        if (!asleep) {
            return false;
        }
        if (chargerVoltage && Double.isNaN(wakeAt)) {
            wakeAt = now;
        }
        if (Double.isNaN(wakeAt) || now < wakeAt) {
            return false;
        }
        asleep = false;
        wakeAt = Double.NaN;
        lastAddressed = now;
        standbySince = now;
        return true;
    }

    /** Current above the standby threshold flowed at {@code now}. */
    void active(double now) {
        standbySince = now;
    }

    /** Whether a board with dormancy enabled has been idle and unaddressed for {@code delaySeconds}. */
    boolean dormancyDue(double now, double delaySeconds) {
        return now - standbySince >= delaySeconds && now - lastAddressed >= delaySeconds;
    }
}
