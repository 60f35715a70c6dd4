package org.bmsworkbench.protocol.daly;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Request;

/**
 * A Daly request with its command byte and, for the cell voltages (0x95) and temperatures (0x96), how many values
 * the board announced and so how many 13-byte frames make up the reply; 0 when the count is not known (a request
 * typed by a person), and then the reply decoder takes whatever whole frames it is given.
 */
final class DalyRequest extends Request {

    private final int dalyCommand;
    private final int values;

    DalyRequest(Command command, int address, byte[] frame, int dalyCommand, int values, String description) {
        super(command, address, frame, description);
        this.dalyCommand = dalyCommand;
        this.values = values;
    }

    int dalyCommand() {
        return dalyCommand;
    }

    /** The announced number of cells or sensors, 0 when unknown. */
    int values() {
        return values;
    }

    /** The frames the reply spans: one, or as many as the announced values need. */
    int frames() {
        int per = switch (dalyCommand) {
            case DalyFrames.CELL_VOLTAGES -> DalyFrames.CELLS_PER_FRAME;
            case DalyFrames.TEMPERATURES -> DalyFrames.SENSORS_PER_FRAME;
            default -> 0;
        };
        return per == 0 || values == 0 ? 1 : (values + per - 1) / per;
    }
}
