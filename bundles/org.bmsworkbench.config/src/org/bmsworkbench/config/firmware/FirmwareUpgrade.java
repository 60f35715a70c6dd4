package org.bmsworkbench.config.firmware;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.bmsworkbench.control.Judgement;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.control.WriteService;

/**
 * Runs a {@link FirmwareWrite} to its end: when the transfer had begun and then failed on the line (a pulled
 * cable, a pack that fell silent for longer than one command waits), it waits for the pack to be back and
 * submits the write again, which resumes from the block the board expects next. A refusal, a cancel or a
 * board that rejects the image ends it at once.
 */
public final class FirmwareUpgrade {

    /** Resumptions after a lost line before giving up. */
    public static final int MAX_RESUMES = 5;
    /** How long to wait for the pack to be back before each resumption. */
    static final long BACK_MAX_MILLIS = 60_000;

    private final WriteService writes;
    private final Consumer<String> log;
    private volatile boolean cancelled;

    public FirmwareUpgrade(WriteService writes, Consumer<String> log) {
        this.writes = writes;
        this.log = log;
    }

    /** Stops after the current attempt (the running command is cancelled by its own handle). */
    public void cancel() {
        cancelled = true;
    }

    public WriteOutcome<FirmwareResult> run(FirmwareWrite write) throws InterruptedException {
        WriteOutcome<FirmwareResult> outcome = null;
        for (int attempt = 0; attempt <= MAX_RESUMES; attempt++) {
            CompletableFuture<WriteOutcome<FirmwareResult>> f = writes.submit(write);
            try {
                outcome = f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the write service failed: " + e.getCause(), e.getCause());
            }
            if (outcome.kind() != WriteOutcome.Kind.FAILED || cancelled || !resumable(outcome, write)) {
                return outcome;
            }
            log.accept("transfer interrupted at block " + write.acknowledged() + " (" + outcome.detail()
                    + "); waiting for pack " + write.address() + " to resume");
            if (!awaitBack(write)) {
                return outcome;
            }
        }
        return outcome;
    }

    private static boolean resumable(WriteOutcome<?> outcome, FirmwareWrite write) {
        String detail = outcome.detail() == null ? "" : outcome.detail();
        if (detail.contains("cancelled")) {
            return false;
        }
        // only a transfer that got blocks through: a board that refused the image would refuse it again
        return write.acknowledged() > 0;
    }

    private boolean awaitBack(FirmwareWrite write) throws InterruptedException {
        long until = System.nanoTime() + BACK_MAX_MILLIS * 1_000_000L;
        while (System.nanoTime() < until && !cancelled) {
            Judgement j = writes.judge(write);
            if (j.refusal().isEmpty()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }
}
