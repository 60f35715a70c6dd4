package org.bmsworkbench.connection;

/** A command could not be done: the pack did not answer, answered garbage, or refused. The message says which. */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean noAnswer;

    public CommandException(String message) {
        this(message, false);
    }

    /** @param noAnswer the pack stayed silent (no frame at all), rather than answering wrongly or refusing */
    public CommandException(String message, boolean noAnswer) {
        super(message);
        this.noAnswer = noAnswer;
    }

    /** Whether the pack stayed silent: for an {@linkplain org.bmsworkbench.protocol.Request#optional() optional} request, not a failure. */
    public boolean noAnswer() {
        return noAnswer;
    }
}
