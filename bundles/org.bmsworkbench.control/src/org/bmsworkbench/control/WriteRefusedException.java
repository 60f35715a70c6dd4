package org.bmsworkbench.control;

import org.bmsworkbench.connection.CommandException;

/** The guard refused a command on the bus thread, before its first frame. */
public final class WriteRefusedException extends CommandException {

    private static final long serialVersionUID = 1L;

    private final Refusal refusal;

    public WriteRefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
