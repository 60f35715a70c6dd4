package org.bmsworkbench.control;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.bmsworkbench.connection.CommandException;
import org.bmsworkbench.connection.CommandHandle;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.connection.GuardedCommand;
import org.bmsworkbench.connection.WriteGuard;
import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.core.security.AuditEntry;
import org.bmsworkbench.core.security.AuditLog;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.PackSnapshot;

/**
 * The {@link WriteService} and the connection service's {@link WriteGuard} in one: it issues the only commands
 * that may change a pack and judges them again on the bus thread, on values polled a moment before the first
 * frame. Plain Java, so it is tested on a simulated bus without OSGi.
 */
public class GuardedWrites implements WriteService, WriteGuard {

    private final ConnectionService connection;
    private final PackStates shown;
    private final AccessGate gate;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<GuardedCommand<?>, PackWrite<?>> issued = new ConcurrentHashMap<>();
    /** The value before each admitted write, as the poll just before it showed. */
    private final Map<GuardedCommand<?>, String> admittedOver = new ConcurrentHashMap<>();

    public GuardedWrites(ConnectionService connection, PackStates shown, AccessGate gate, AuditLog audit, Clock clock) {
        this.connection = connection;
        this.shown = shown;
        this.gate = gate;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Judgement judge(PackWrite<?> write) {
        PackSnapshot latest = shown.latest(write.busId(), write.address()).orElse(null);
        PackLinkState state = shown.state(write.busId(), write.address());
        Optional<Refusal> refusal;
        if (BusStatus.isReplayBus(write.busId())) {
            // what a replay shows was recorded earlier: there is no pack listening, whatever the values say
            refusal = Optional.of(Refusal.REPLAY);
        } else if (unsupported(write).isPresent()) {
            refusal = Optional.of(Refusal.UNSUPPORTED);
        } else if (latest == null) {
            refusal = Optional.of(Refusal.NO_DATA);
        } else if (state != PackLinkState.ONLINE) {
            refusal = Optional.of(Refusal.NOT_CURRENT);
        } else {
            refusal = write.precondition(latest);
        }
        return new Judgement(refusal, gate.isUnlocked(), latest, state);
    }

    @Override
    public <T> CompletableFuture<WriteOutcome<T>> submit(PackWrite<T> write) {
        String before = write.oldValue(shown.latest(write.busId(), write.address()).orElse(null));
        if (BusStatus.isReplayBus(write.busId())) {
            return CompletableFuture.completedFuture(refuse(write, before, Refusal.REPLAY,
                    ControlInterlocks.REPLAY_TEXT + "; nothing was sent"));
        }
        Optional<String> unsupported = unsupported(write);
        if (unsupported.isPresent()) {
            return CompletableFuture.completedFuture(refuse(write, before, Refusal.UNSUPPORTED,
                    unsupported.get() + "; nothing was sent"));
        }
        if (!gate.isUnlocked()) {
            return CompletableFuture.completedFuture(refuse(write, before, Refusal.LOCKED,
                    "the access gate is locked; nothing was sent"));
        }
        gate.touch();
        GuardedCommand<T> command = GuardedCommand.of(write.address(), write.priority(), write.command());
        issued.put(command, write);
        try {
            record(write, before, AuditEntry.Result.REQUESTED, "");
        } catch (IOException e) {
            issued.remove(command);
            return CompletableFuture.completedFuture(WriteOutcome.refused(Refusal.NOT_ON_RECORD,
                    "the audit log " + audit.file() + " cannot be written (" + e.getMessage() + "); nothing was sent"));
        }
        CommandHandle<T> handle;
        try {
            handle = connection.submit(write.busId(), command);
        } catch (IllegalArgumentException | IllegalStateException e) {
            issued.remove(command);
            return CompletableFuture.completedFuture(refuse(write, before, Refusal.BUS_NOT_OPEN, e.getMessage()));
        }
        return handle.result().handle((value, error) -> {
            issued.remove(command);
            String old = admittedOver.getOrDefault(command, before);
            admittedOver.remove(command);
            return error == null ? sent(write, old, value) : ended(write, old, error);
        });
    }

    /** Why the bus's protocol has no frames for {@code write}; empty when it has, or the bus is unknown. */
    private Optional<String> unsupported(PackWrite<?> write) {
        return connection.protocolOf(write.busId()).flatMap(write::unsupportedBy);
    }

    @Override
    public void cancelled(PackWrite<?> write) throws IOException {
        String before = write.oldValue(shown.latest(write.busId(), write.address()).orElse(null));
        record(write, before, AuditEntry.Result.CANCELLED, "cancelled at the confirmation; nothing was sent");
    }

    // --- on the bus thread -----------------------------------------------------------------------------------

    @Override
    public boolean issued(GuardedCommand<?> command) {
        return issued.containsKey(command);
    }

    @Override
    public void admit(GuardedCommand<?> command, PackSnapshot fresh) throws CommandException {
        PackWrite<?> write = issued.get(command);
        if (write == null) {
            throw new WriteRefusedException(Refusal.INVALID, command.label() + " was not issued here; nothing was sent");
        }
        // the gate may have locked itself while the command waited in the queue
        if (!gate.isUnlocked()) {
            throw new WriteRefusedException(Refusal.LOCKED, "the access gate locked before the command went out; "
                    + "nothing was sent");
        }
        if (fresh == null) {
            throw new WriteRefusedException(Refusal.NOT_CURRENT, "pack " + write.address()
                    + " did not answer the poll made just before sending; nothing was sent");
        }
        admittedOver.put(command, write.oldValue(fresh));
        Optional<Refusal> refusal = write.precondition(fresh);
        if (refusal.isPresent()) {
            throw new WriteRefusedException(refusal.get(), ControlInterlocks.describe(refusal.get(), fresh)
                    + "; nothing was sent");
        }
    }

    // --- outcomes -----------------------------------------------------------------------------------------------

    private <T> WriteOutcome<T> sent(PackWrite<T> write, String before, T value) {
        ReadBack readBack;
        try {
            readBack = write.readBack(value);
        } catch (RuntimeException e) {
            readBack = new ReadBack(false, Phrase.of("readBack.unjudged", e.getMessage()));
        }
        WriteOutcome.Kind kind = readBack.confirmed() ? WriteOutcome.Kind.CONFIRMED : WriteOutcome.Kind.NOT_CONFIRMED;
        for (PackWrite.AuditItem item : write.auditItems()) {
            ReadBack back;
            try {
                back = write.readBack(item, value);
            } catch (RuntimeException e) {
                back = new ReadBack(false, Phrase.of("readBack.unjudged", e.getMessage()));
            }
            recordItem(write, item, back.confirmed() ? AuditEntry.Result.CONFIRMED : AuditEntry.Result.NOT_CONFIRMED,
                    back.text());
        }
        String detail = recordOutcome(write, before, readBack.confirmed() ? AuditEntry.Result.CONFIRMED
                : AuditEntry.Result.NOT_CONFIRMED, readBack.text());
        return new WriteOutcome<>(kind, null, detail, value, readBack);
    }

    private <T> WriteOutcome<T> ended(PackWrite<T> write, String before, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (cause instanceof WriteRefusedException r) {
            return new WriteOutcome<>(WriteOutcome.Kind.REFUSED, r.refusal(),
                    recordOutcome(write, before, AuditEntry.Result.REFUSED, why), null, null);
        }
        if (cause instanceof IllegalArgumentException) {
            // the command's own limit check, before its first frame
            return new WriteOutcome<>(WriteOutcome.Kind.REFUSED, Refusal.INVALID,
                    recordOutcome(write, before, AuditEntry.Result.REFUSED, why), null, null);
        }
        if (cause instanceof CancellationException) {
            return new WriteOutcome<>(WriteOutcome.Kind.FAILED, null,
                    recordOutcome(write, before, AuditEntry.Result.CANCELLED, why), null, null);
        }
        return new WriteOutcome<>(WriteOutcome.Kind.FAILED, null,
                recordOutcome(write, before, AuditEntry.Result.FAILED, why), null, null);
    }

    private <T> WriteOutcome<T> refuse(PackWrite<T> write, String before, Refusal refusal, String why) {
        return WriteOutcome.refused(refusal, recordOutcome(write, before, AuditEntry.Result.REFUSED, why));
    }

    /** The outcome's detail; when it cannot be put on record, the detail says so rather than hiding it. */
    private String recordOutcome(PackWrite<?> write, String before, AuditEntry.Result result, String detail) {
        if (result != AuditEntry.Result.CONFIRMED && result != AuditEntry.Result.NOT_CONFIRMED) {
            // nothing was changed, or nothing can be said of each item: every item ends as the write did
            for (PackWrite.AuditItem item : write.auditItems()) {
                recordItem(write, item, result, detail);
            }
        }
        try {
            record(write, before, result, detail);
            return detail;
        } catch (IOException e) {
            return detail + " (not on the audit log: " + e.getMessage() + ")";
        }
    }

    /** One item's line; a failure to write it shows on the outcome's own line, which is written next. */
    private void recordItem(PackWrite<?> write, PackWrite.AuditItem item, AuditEntry.Result result, String detail) {
        try {
            audit.record(AuditEntry.of(clock.instant(), write.busId(), write.address(), item.what(), item.oldValue(),
                    item.newValue(), result, detail));
        } catch (IOException e) {
            // the write's outcome line follows and says the log cannot be written (recordOutcome)
            return;
        }
    }

    private void record(PackWrite<?> write, String before, AuditEntry.Result result, String detail) throws IOException {
        audit.record(AuditEntry.of(clock.instant(), write.busId(), write.address(), write.what(), before,
                write.newValue(), result, detail));
    }
}
