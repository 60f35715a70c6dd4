package org.bmsworkbench.ui.config;

import java.util.Locale;

import org.bmsworkbench.control.Judgement;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.control.WriteService;

/** How writes ended, and why they would be refused, in the user's language. */
final class Outcomes {

    private Outcomes() {
    }

    static String refusal(Messages m, Refusal r, double amps, String detail) {
        String a = Double.isNaN(amps) ? "?" : String.format(Locale.ROOT, "%.1f", amps);
        return switch (r) {
            case NOT_CURRENT -> m.refused_NOT_CURRENT;
            case NO_DATA -> m.refused_NO_DATA;
            case CURRENT_FLOWING -> Messages.format(m.refused_CURRENT_FLOWING, a);
            case BUS_NOT_OPEN -> m.refused_BUS_NOT_OPEN;
            case LOCKED -> m.refused_LOCKED;
            case REPLAY -> m.refused_REPLAY;
            case UNSUPPORTED -> m.refused_UNSUPPORTED;
            default -> detail == null || detail.isEmpty() ? r.name() : detail;
        };
    }

    /** The refusal of a judgement, or {@code null} when the write may go. */
    static String refused(Messages m, Judgement j) {
        return j.refusal().map(r -> Messages.format(m.refused, refusal(m, r, j.current(), ""))).orElse(null);
    }

    static String text(Messages m, WriteOutcome<?> o) {
        return switch (o.kind()) {
            case CONFIRMED -> Messages.format(m.outcome_CONFIRMED, o.detail(m.locale()));
            case NOT_CONFIRMED -> Messages.format(m.outcome_NOT_CONFIRMED, o.detail(m.locale()));
            case REFUSED -> Messages.format(m.refused, refusal(m, o.refusal(), Double.NaN, o.detail()));
            case FAILED -> Messages.format(m.outcome_FAILED, o.detail());
        };
    }

    /**
     * Puts a write cancelled at its confirmation on the audit log and says so; when the log cannot be written, the
     * text says that too.
     */
    static String cancelled(Messages m, WriteService writes, PackWrite<?> write) {
        try {
            writes.cancelled(write);
            return m.cancelled;
        } catch (java.io.IOException e) {
            return m.cancelled + " (" + e.getMessage() + ")";
        }
    }

    static boolean good(WriteOutcome<?> o) {
        return o.kind() == WriteOutcome.Kind.CONFIRMED;
    }
}
