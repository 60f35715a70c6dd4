package org.bmsworkbench.protocol.jbd;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Request;

/** A JBD request with the register whose reply it waits for. */
final class JbdRequest extends Request {

    private final int register;

    JbdRequest(Command command, int address, byte[] frame, int register, String description) {
        super(command, address, frame, description);
        this.register = register;
    }

    int register() {
        return register;
    }
}
