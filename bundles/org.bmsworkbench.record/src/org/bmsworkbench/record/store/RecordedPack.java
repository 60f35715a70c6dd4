package org.bmsworkbench.record.store;

import java.time.Instant;

/**
 * A pack of a session: its bus, address, the most cells and sensors it reported and its snapshot count.
 *
 * @param id       the pack's key in the file (column {@code pack})
 * @param busId    the bus's id in the workbench
 * @param busLabel the bus as people know it (port, gateway, "Simulated bus")
 * @param address  the pack's address on its bus
 * @param cells    the most cells one of its snapshots had
 * @param temps    the most temperature sensors one of its snapshots had
 * @param rows     snapshots recorded
 * @param first    time of its first snapshot, or {@code null} when none
 * @param last     time of its last snapshot, or {@code null} when none
 */
public record RecordedPack(long id, String busId, String busLabel, int address, int cells, int temps, long rows,
        Instant first, Instant last) {

    /** The tab and sheet name of the reference software: {@code PackNo.01}. */
    public String packName() {
        return String.format("PackNo.%02d", address);
    }
}
