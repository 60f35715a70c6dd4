package org.bmsworkbench.sim;

import java.time.LocalDateTime;

/**
 * Simulated time: seconds since the bus started, and the wall-clock date it started at. Only the bus
 * advances it, so a run with the same seed and steps is the same run whatever the real time.
 */
public final class SimClock {

    private final LocalDateTime start;
    private volatile double seconds;

    public SimClock(LocalDateTime start) {
        this.start = start.withNano(0);
    }

    public LocalDateTime start() {
        return start;
    }

    public double seconds() {
        return seconds;
    }

    void advance(double dt) {
        seconds += dt;
    }
}
