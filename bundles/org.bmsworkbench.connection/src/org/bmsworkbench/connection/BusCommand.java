package org.bmsworkbench.connection;

/**
 * Work a view asks of one bus: read or write parameters, a control action, the clock, a calibration, a
 * record download, a firmware upgrade. The bus runs it between two polls, alone on the line: no poll
 * transaction is started until it returns, and it never starts while one is half done.
 *
 * @param <T> what the command yields
 */
public interface BusCommand<T> {

    /** What it does, for people, e.g. "Write 12 parameters to pack 3". */
    String label();

    /** Which queued command goes first; commands of the same priority run in the order they were queued. */
    default Priority priority() {
        return Priority.SETTINGS;
    }

    /**
     * Runs on the bus's thread. Long commands report progress and call {@link CommandContext#checkCancelled()}
     * between transactions.
     *
     * @throws CommandException when the pack did not answer or refused; the message says which and why
     */
    T run(CommandContext context) throws Exception;

    /** Order of the command queue. */
    enum Priority {
        /** Control actions (FETs, current limit, shutdown): a person is waiting with a finger on the button. */
        CONTROL,
        /** Parameters, clock, calibration, identity. */
        SETTINGS,
        /** Record downloads and firmware upgrades: long, and fine to wait behind the others. */
        TRANSFER
    }
}
