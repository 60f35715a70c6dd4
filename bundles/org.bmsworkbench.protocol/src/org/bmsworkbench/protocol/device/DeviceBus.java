package org.bmsworkbench.protocol.device;

import java.util.List;

/** The boards on one bus, as the device side of a protocol sees them. */
public interface DeviceBus {

    /** The board answering at {@code address}, or {@code null} when no board answers there. */
    Board board(int address);

    /** Every board that answers, in address order (for all-packs replies and broadcasts). */
    List<Board> boards();
}
