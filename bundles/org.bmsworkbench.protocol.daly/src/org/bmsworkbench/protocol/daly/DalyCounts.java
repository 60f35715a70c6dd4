package org.bmsworkbench.protocol.daly;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The cell and sensor counts one pack announced in its last 0x94 reply, shared by the requests of one poll plan:
 * the 0x94 request's reply fills it, and the 0x95/0x96 requests after it in the same plan read from it how many
 * frames to collect. Each plan (one pack on one bus) has its own, so two buses never mix their packs' counts.
 */
final class DalyCounts {

    /** Cells and sensors; null until a 0x94 reply was decoded. */
    private final AtomicReference<int[]> counts = new AtomicReference<>();

    void set(int cells, int sensors) {
        counts.set(new int[] { cells, sensors });
    }

    /** The announced cells, -1 while unknown. */
    int cells() {
        int[] c = counts.get();
        return c == null ? -1 : c[0];
    }

    /** The announced sensors, -1 while unknown. */
    int sensors() {
        int[] c = counts.get();
        return c == null ? -1 : c[1];
    }
}
