package org.bmsworkbench.connection;

/** A command could not be done: the pack did not answer, answered garbage, or refused. The message says which. */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }
}
