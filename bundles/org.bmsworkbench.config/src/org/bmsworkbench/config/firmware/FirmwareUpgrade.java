package org.bmsworkbench.config.firmware;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.bmsworkbench.control.Refusal;
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
    private volatile FirmwareWrite running;

    public FirmwareUpgrade(WriteService writes, Consumer<String> log) {
        this.writes = writes;
        this.log = log;
    }

    /** Stops the transfer before its next block (the board aborts and keeps its firmware) and resumes no more. */
    public void cancel() {
        cancelled = true;
        FirmwareWrite w = running;
        if (w != null) {
            w.cancel();
        }
    }

    public WriteOutcome<FirmwareResult> run(FirmwareWrite write) throws InterruptedException {
        running = write;
        if (cancelled) {
            write.cancel();
        }
        WriteOutcome<FirmwareResult> outcome = null;
        for (int attempt = 0; attempt <= MAX_RESUMES; attempt++) {
            outcome = submit(write);
            if (outcome.kind() != WriteOutcome.Kind.FAILED || cancelled || !resumable(outcome, write)) {
                return outcome;
            }
            log.accept("transfer interrupted at block " + write.acknowledged() + " (" + outcome.detail()
                    + "); waiting for pack " + write.address() + " to resume");
            WriteOutcome<FirmwareResult> resumed = resume(write);
            if (resumed == null) {
                return outcome;
            }
            outcome = resumed;
            if (outcome.kind() != WriteOutcome.Kind.FAILED || cancelled || !resumable(outcome, write)) {
                return outcome;
            }
        }
        return outcome;
    }

    private WriteOutcome<FirmwareResult> submit(FirmwareWrite write) throws InterruptedException {
        CompletableFuture<WriteOutcome<FirmwareResult>> f = writes.submit(write);
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the write service failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Submits the write again once the pack is back; a bus still reopening or a pack not yet polled refuses, which
     * is waited out rather than taken as the end. {@code null} when the pack is not back in time.
     */
    private WriteOutcome<FirmwareResult> resume(FirmwareWrite write) throws InterruptedException {
        long until = System.nanoTime() + BACK_MAX_MILLIS * 1_000_000L;
        while (System.nanoTime() < until && !cancelled) {
            Thread.sleep(500);
            if (writes.judge(write).refusal().isPresent()) {
                continue;
            }
            WriteOutcome<FirmwareResult> o = submit(write);
            boolean notBack = o.kind() == WriteOutcome.Kind.REFUSED && (o.refusal() == Refusal.BUS_NOT_OPEN
                    || o.refusal() == Refusal.NOT_CURRENT || o.refusal() == Refusal.NO_DATA);
            if (!notBack) {
                return o;
            }
        }
        return null;
    }

    private static boolean resumable(WriteOutcome<?> outcome, FirmwareWrite write) {
        String detail = outcome.detail() == null ? "" : outcome.detail();
        if (write.cancelRequested() || detail.contains("cancelled")) {
            return false;
        }
        // only a transfer that got blocks through: a board that refused the image would refuse it again
        return write.acknowledged() > 0;
    }
}
