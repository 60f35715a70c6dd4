package org.bmsworkbench.connection;

import java.util.concurrent.CompletableFuture;

import org.bmsworkbench.events.CommandProgress;

/**
 * A queued {@link BusCommand}: its result when it ends, its latest progress, and a way to cancel it.
 *
 * @param <T> what the command yields
 */
public interface CommandHandle<T> {

    /** Unique within the session; the id in its {@link CommandProgress} events. */
    long id();

    /**
     * Completes with the command's result, or exceptionally: {@link CommandException} (pack did not answer or
     * refused), {@link java.io.IOException} (port lost), {@link IllegalArgumentException} (a value the command
     * would not send), each the cause of {@code get()}'s {@link java.util.concurrent.ExecutionException}; a
     * cancelled command makes {@code get()} throw {@link java.util.concurrent.CancellationException} itself.
     */
    CompletableFuture<T> result();

    CommandProgress progress();

    /**
     * Asks the command to stop. A queued command never runs; a running one stops before its next transaction
     * (never in the middle of one). Returns false when it had already ended.
     */
    boolean cancel();
}
