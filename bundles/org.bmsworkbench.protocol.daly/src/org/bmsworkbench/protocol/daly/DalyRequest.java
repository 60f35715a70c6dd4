package org.bmsworkbench.protocol.daly;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Request;

/**
 * A Daly request with its command byte and, for requests of a poll plan, the {@link DalyCounts} its pack announced:
 * cell voltages (0x95) and temperatures (0x96) span as many 13-byte frames as those counts need. A request read
 * back from bytes (a person's, a capture's) has no counts, and its reply decoder takes whatever whole frames it is
 * given.
 */
final class DalyRequest extends Request {

    private final int dalyCommand;
    private final DalyCounts counts;

    DalyRequest(Command command, int address, byte[] frame, int dalyCommand, DalyCounts counts, String description) {
        super(command, address, frame, description);
        this.dalyCommand = dalyCommand;
        this.counts = counts;
    }

    int dalyCommand() {
        return dalyCommand;
    }

    /** The counts of this request's poll plan, null for a request read back from bytes. */
    DalyCounts counts() {
        return counts;
    }

    boolean multiFrame() {
        return dalyCommand == DalyFrames.CELL_VOLTAGES || dalyCommand == DalyFrames.TEMPERATURES;
    }

    /** {@link #values()} of a request read back from bytes: as many as the frames given hold. */
    static final int ANY = -2;

    /** The values (cells or sensors) the reply carries: -1 while the pack's count is unknown, or {@link #ANY}. */
    int values() {
        if (!multiFrame() || counts == null) {
            return ANY;
        }
        return dalyCommand == DalyFrames.CELL_VOLTAGES ? counts.cells() : counts.sensors();
    }

    /** The frames the reply spans: one, or as many as the announced values need (one while they are unknown). */
    int frames() {
        int values = values();
        if (values <= 0) {
            return 1;
        }
        int per = dalyCommand == DalyFrames.CELL_VOLTAGES ? DalyFrames.CELLS_PER_FRAME : DalyFrames.SENSORS_PER_FRAME;
        return (values + per - 1) / per;
    }
}
