package org.bmsworkbench.protocol.jbdup;

import java.util.Optional;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Request;

/**
 * One request with the header its reply must repeat. A board may answer some blocks and stay silent on others,
 * depending on its firmware and on the port it is reached through, so every block but the pack status is
 * {@linkplain #optional() optional}.
 */
final class UpRequest extends Request {

    private final int function;
    private final int start;
    private final int end;

    /** A read of one known block. */
    UpRequest(Command command, int address, UpBlock block) {
        this(command, address, UpFrames.frame(address, UpFrames.READ, block.start, block.end, new byte[0]),
                block.describe());
    }

    /** Any whole frame, e.g. one typed by a person; its header is read from it. */
    UpRequest(Command command, int address, byte[] frame, String description) {
        super(command, address, frame, description);
        this.function = frame[1] & 0xFF;
        this.start = UpFrames.u16(frame, 2);
        this.end = UpFrames.u16(frame, 4);
    }

    int function() {
        return function;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    Optional<UpBlock> block() {
        return function == UpFrames.READ ? UpBlock.of(start, end) : Optional.empty();
    }

    @Override
    public boolean optional() {
        return block().map(b -> b != UpBlock.PACK_STATUS).orElse(false);
    }
}
