package org.bmsworkbench.sim.link;

import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.sim.CurrentProfile;

/**
 * The simulator in the same process: packs at the bus's addresses with the given cells and sensors.
 *
 * @param cells      cells per pack, 1..176
 * @param sensors    temperature sensors per pack, 0..33
 * @param seed       seed of the packs' spread and the faults
 * @param speed      simulated seconds per real second
 * @param baud       the emulated line's baud rate (0: no line timing)
 * @param turnaround the boards' reply delay in milliseconds
 * @param profile    what the charger and load do, in {@link CurrentProfile}'s text form without commas:
 *                   {@value #DEFAULT_PROFILE} by default (packs out of phase, so the bus visibly lives),
 *                   {@code rest} for packs that sit still at 60 %, {@code charge:50}, {@code cycle:1}, ...
 * @param records    data records each board holds at start, one a minute up to now (and a fifth as many alarm
 *                   records), for the Data Record and Alarm Record pages; 0 by default
 */
public record SimulatedTransport(int cells, int sensors, long seed, double speed, int baud, double turnaround,
        String profile, int records) implements Transport {

    /** What the built-in simulated bus does unless told otherwise: charge and discharge cycles. */
    public static final String DEFAULT_PROFILE = "cycle";

    /** The default profile ({@value #DEFAULT_PROFILE}). */
    public SimulatedTransport(int cells, int sensors, long seed, double speed, int baud, double turnaround) {
        this(cells, sensors, seed, speed, baud, turnaround, DEFAULT_PROFILE);
    }

    /** No stored records at start. */
    public SimulatedTransport(int cells, int sensors, long seed, double speed, int baud, double turnaround,
            String profile) {
        this(cells, sensors, seed, speed, baud, turnaround, profile, 0);
    }

    public SimulatedTransport {
        profile = profile == null ? DEFAULT_PROFILE : profile.trim().toLowerCase(java.util.Locale.ROOT);
        if (profile.contains(",")) {
            throw new IllegalArgumentException("simulated profile '" + profile
                    + "' has steps; the bus spec takes rest, cycle, cycle:<C>, charge:<A> or discharge:<A>");
        }
        CurrentProfile.parse(profile); // its message says what is wrong
        if (cells < 1 || cells > 176) {
            throw new IllegalArgumentException(cells + " cells is outside 1..176");
        }
        if (sensors < 0 || sensors > 33) {
            throw new IllegalArgumentException(sensors + " temperature sensors is outside 0..33");
        }
        if (!(speed > 0) || speed > 100_000) {
            throw new IllegalArgumentException("simulation speed " + speed + " is outside (0, 100000]");
        }
        if (baud < 0 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud rate " + baud + " is outside 0..4000000");
        }
        if (records < 0 || records > 100_000) {
            throw new IllegalArgumentException(records + " stored records is outside 0..100000");
        }
        if (!(turnaround >= 0) || turnaround > 10_000) {
            throw new IllegalArgumentException("turnaround " + turnaround + " ms is outside 0..10000");
        }
    }

    /** 176 cells and 33 sensors at 115200 baud with a 10 ms turnaround, in real time, cycling. */
    public static SimulatedTransport typical() {
        return new SimulatedTransport(176, 33, 1, 1, 115_200, 10, DEFAULT_PROFILE);
    }

    /** The same bus with another profile, e.g. {@code rest}. */
    public SimulatedTransport withProfile(String newProfile) {
        return new SimulatedTransport(cells, sensors, seed, speed, baud, turnaround, newProfile, records);
    }

    /** Whether the packs cycle (and so start at different points of the cycle). */
    public boolean cycling() {
        return profile.equals("cycle") || profile.startsWith("cycle:");
    }

    @Override
    public String scheme() {
        return SimLinkProvider.SCHEME;
    }

    @Override
    public String label() {
        return BusStatus.SIMULATED_LABEL;
    }

    @Override
    public int bitsPerCharacter() {
        return 10;
    }

    @Override
    public String spec() {
        return SimLinkProvider.SCHEME + ",cells=" + cells + ",temps=" + sensors + ",baud=" + baud
                + (profile.equals(DEFAULT_PROFILE) ? "" : ",profile=" + profile) + (records == 0 ? "" : ",records=" + records);
    }

    @Override
    public boolean simulated() {
        return true;
    }
}
