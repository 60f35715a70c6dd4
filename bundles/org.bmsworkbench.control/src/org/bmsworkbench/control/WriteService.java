package org.bmsworkbench.control;

import java.util.concurrent.CompletableFuture;

/**
 * The one way to change a pack: control actions, parameter writes, the clock, and later configuration,
 * calibration, record erasure, hibernation and firmware. It checks the access gate, judges the write's
 * preconditions (for control: the manual's interlocks) on a poll of the pack made immediately before the command
 * goes on the line and refuses when the pack did not answer it, writes an audit entry for the attempt and one for
 * the outcome, and reads the result back. The connection service refuses any other command that would change a
 * pack. Views only ask and show.
 */
public interface WriteService {

    /** What would happen now, on the latest values; nothing is sent or recorded. */
    Judgement judge(PackWrite<?> write);

    /**
     * Sends the write through the guard. Never fails exceptionally: every end, refusals included, is an outcome,
     * and each is on the audit log.
     */
    <T> CompletableFuture<WriteOutcome<T>> submit(PackWrite<T> write);

    /**
     * The person cancelled the write at its confirmation: put on record, nothing sent.
     *
     * @throws java.io.IOException when the audit log cannot be written; tell the person, the cancel is not on record
     */
    void cancelled(PackWrite<?> write) throws java.io.IOException;
}
