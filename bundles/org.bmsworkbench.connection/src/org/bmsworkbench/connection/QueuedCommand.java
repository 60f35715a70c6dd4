package org.bmsworkbench.connection;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.DeviceError;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/**
 * A command waiting in, or taken from, a bus's queue; also its own context while it runs. Queued commands go
 * by priority, then first come. A frame that changes a pack goes out only for the pack a write guard admitted
 * this command for ({@link #changes}); any other is refused before it is sent.
 */
final class QueuedCommand<T> implements CommandHandle<T>, CommandContext, Comparable<QueuedCommand<?>> {

    /** What a command uses of its bus. */
    interface Line {
        String busId();

        BmsProtocol protocol();

        BusClock clock();

        BusEvents events();

        /** The runner of the open port, or {@code null} while none is open. */
        TransactionRunner runner();

        LinkCounters counters();

        int timeoutMillis();

        int retries();

        boolean closing();

        /** Marks a pack hibernating ({@code true}) or due for a poll at once after a wake ({@code false}). */
        void hibernating(int address, boolean asleep);

        /** Takes the command out of the queue; false when it had left it already. */
        boolean unqueue(QueuedCommand<?> command);
    }

    final BusCommand<T> command;
    private final Line line;
    final long commandId;
    final CompletableFuture<T> future = new CompletableFuture<>();
    volatile boolean cancelRequested;
    volatile CommandProgress progress;
    /** The pack the write guard let this command change; -1: it may only read. */
    int changes = -1;

    QueuedCommand(BusCommand<T> command, long commandId, Line line) {
        this.command = command;
        this.commandId = commandId;
        this.line = line;
        this.progress = new CommandProgress(line.busId(), commandId, command.label(), CommandProgress.State.QUEUED, 0, 0, "",
                line.clock().instant());
    }

    @Override
    public int compareTo(QueuedCommand<?> o) {
        int c = command.priority().compareTo(o.command.priority());
        return c != 0 ? c : Long.compare(commandId, o.commandId);
    }

    @Override
    public long id() {
        return commandId;
    }

    @Override
    public CompletableFuture<T> result() {
        return future;
    }

    @Override
    public CommandProgress progress() {
        return progress;
    }

    @Override
    public boolean cancel() {
        if (future.isDone()) {
            return false;
        }
        cancelRequested = true;
        if (line.unqueue(this)) {
            fail(new CancellationException("cancelled before it started"));
        }
        return true;
    }

    @Override
    public BmsProtocol protocol() {
        return line.protocol();
    }

    @Override
    public Reply transact(Request request) throws CommandException, IOException {
        checkCancelled();
        TransactionRunner runner = line.runner();
        if (runner == null) {
            throw new IOException("the port is closed");
        }
        if ((changes < 0 || request.address() != changes) && line.protocol().changesDevice(request.frame())) {
            throw new CommandException("refused: " + request.description() + " would change pack "
                    + request.address() + ", and only a command the write guard admitted for that pack may;"
                    + " nothing was sent");
        }
        int timeoutMillis = line.timeoutMillis();
        Outcome o = runner.run(line.protocol(), request, timeoutMillis, line.retries());
        line.counters().add(o);
        if (!request.expectsReply()) {
            return null;
        }
        if (!o.ok()) {
            throw new CommandException("pack " + request.address() + " gave no usable answer to "
                    + request.description() + (o.timedOut() ? " (no answer in " + timeoutMillis + " ms, "
                            + o.attempts() + " attempts)" : " (" + o.failure().message() + ")"), o.timedOut());
        }
        Reply reply = o.reply();
        if (reply.isError()) {
            DeviceError error = explained(runner, request.address(), reply.error(), timeoutMillis);
            throw new CommandException("pack " + request.address() + " refused " + request.description() + ": "
                    + error.meaning() + " (code " + error.code() + ")");
        }
        return reply;
    }

    /**
     * The refusal with the reason the pack gives when asked (modbus-native: its last command result), read at once
     * so that nothing else can change it; the bare refusal when the protocol has no such read or it fails.
     */
    private DeviceError explained(TransactionRunner runner, int address, DeviceError error, int timeoutMillis)
            throws IOException {
        BmsProtocol protocol = line.protocol();
        Request why = protocol.refusalReasonRequest(address, error).orElse(null);
        if (why == null) {
            return error;
        }
        Outcome o = runner.run(protocol, why, timeoutMillis, line.retries());
        line.counters().add(o);
        return o.ok() ? protocol.explain(error, o.reply()) : error;
    }

    @Override
    public void progress(long done, long total, String step) {
        report(CommandProgress.State.RUNNING, Math.max(0, done), Math.max(0, total), step);
    }

    @Override
    public void hibernating(int address) {
        line.hibernating(address, true);
    }

    @Override
    public void woken(int address) {
        line.hibernating(address, false);
    }

    @Override
    public boolean cancelled() {
        return cancelRequested || line.closing();
    }

    void report(CommandProgress.State state, long done, long total, String detail) {
        progress = new CommandProgress(line.busId(), commandId, command.label(), state, done, total, detail,
                line.clock().instant());
        line.events().progress(progress);
    }

    void succeed(T result) {
        CommandProgress p = progress;
        report(CommandProgress.State.SUCCEEDED, p.total() > 0 ? p.total() : p.done(), p.total(), "done");
        future.complete(result);
    }

    void fail(Exception e) {
        CommandProgress p = progress;
        boolean cancelled = e instanceof CancellationException;
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        report(cancelled ? CommandProgress.State.CANCELLED : CommandProgress.State.FAILED, p.done(), p.total(), why);
        future.completeExceptionally(e);
    }
}
