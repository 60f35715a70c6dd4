package org.bmsworkbench.connection;

import java.io.IOException;

import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/** What a {@link BusCommand} may do while it has the line. */
public interface CommandContext {

    /** The bus's protocol, to build requests. */
    BmsProtocol protocol();

    /**
     * Runs one request with the bus's timeout and retries.
     *
     * @return the reply, or {@code null} for a request that gets none (a broadcast)
     * @throws CommandException when no usable reply came or the pack refused
     * @throws java.util.concurrent.CancellationException when the command was cancelled before this request
     * @throws IOException when the port was lost; the command ends and the bus reconnects
     */
    Reply transact(Request request) throws CommandException, IOException;

    /** Reports progress: {@code done} of {@code total} (0: unknown) and what is being done. */
    void progress(long done, long total, String step);

    /**
     * The pack at {@code address} was told to stop answering (forced hibernation): the bus shows it as
     * {@code HIBERNATING} rather than failing, polls it no more and only listens for it coming back.
     */
    void hibernating(int address);

    /** The pack at {@code address} was woken: the bus polls it at once and counts it back when it answers. */
    void woken(int address);

    /** Whether someone asked to cancel. */
    boolean cancelled();

    /** Throws {@link java.util.concurrent.CancellationException} when cancelled. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new java.util.concurrent.CancellationException("cancelled");
        }
    }
}
