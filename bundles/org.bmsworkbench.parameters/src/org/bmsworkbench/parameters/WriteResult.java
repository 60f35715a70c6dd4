package org.bmsworkbench.parameters;

import java.util.List;

import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.model.ParameterSet;

/**
 * How a parameter write (or a restore of the factory set) ended, ready for the sheet: apply it with
 * {@link #applyTo(ParameterSheet)} on the UI thread.
 *
 * @param kind        how it ended
 * @param refusal     for {@link Kind#REFUSED} by the guarded path: why; {@code null} otherwise (also when the
 *                    sheet's own check refused it)
 * @param message     one line for the person: the problem, the refusal, the failure or the read-back summary
 * @param sent        the values sent (empty for a refusal and for a restore)
 * @param page        the page read back, {@code null} unless something was sent
 * @param differences the sent values that read back otherwise
 */
public record WriteResult(Kind kind, Refusal refusal, String message, ParameterSet sent, ParameterSet page,
        List<ReadBackDifference> differences) {

    /** The ends of a write. */
    public enum Kind {
        /** Sent, and every value read back as sent (for a restore: the board took the request). */
        WRITTEN,
        /** Sent and accepted, but some values read back otherwise: see {@link WriteResult#differences()}. */
        DIFFERS_AFTER_WRITE,
        /** Nothing was sent: a problem in the sheet, a read-only page, the access gate, the guard. */
        REFUSED,
        /** Sent, but the pack refused it (e.g. a Modbus exception) or did not answer. */
        FAILED
    }

    public WriteResult {
        differences = List.copyOf(differences);
    }

    static WriteResult refused(Refusal refusal, String message, ParameterSet sent) {
        return new WriteResult(Kind.REFUSED, refusal, message, sent, null, List.of());
    }

    static WriteResult of(WriteOutcome<ParameterSet> outcome, ParameterSet sent) {
        return switch (outcome.kind()) {
            case CONFIRMED, NOT_CONFIRMED -> {
                List<ReadBackDifference> differ = ParameterSheet.differences(sent, outcome.value());
                yield new WriteResult(differ.isEmpty() ? Kind.WRITTEN : Kind.DIFFERS_AFTER_WRITE, null,
                        outcome.detail(), sent, outcome.value(), differ);
            }
            case REFUSED -> refused(outcome.refusal(), outcome.detail(), sent);
            case FAILED -> new WriteResult(Kind.FAILED, null, outcome.detail(), sent, null, List.of());
        };
    }

    /** Whether the page was sent and read back. */
    public boolean sentAndRead() {
        return page != null;
    }

    /** Shows the read-back on the sheet (device values, DIFFERS_AFTER_WRITE marks); nothing when nothing was read. */
    public void applyTo(ParameterSheet sheet) {
        if (page != null) {
            sheet.applyReadBack(sent, page);
        }
    }
}
