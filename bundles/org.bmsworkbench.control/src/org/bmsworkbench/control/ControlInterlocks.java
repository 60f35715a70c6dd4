package org.bmsworkbench.control;

import java.util.Optional;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ControlAction;

/**
 * The control test's interlocks from the reference manual, judged before anything is sent: the charge FET
 * must not be switched off while the pack discharges, nor the discharge FET while it charges (the current
 * would be forced through the open FET's body diode), and nothing is sent on values that are not current.
 * Plain Java, so the rules are tested without a display.
 */
public final class ControlInterlocks {

    /** Below this current the pack counts as resting, whatever the sign (sensor offset). */
    public static final double REST_AMPS = 0.5;

    private ControlInterlocks() {
    }

    public static Optional<Refusal> check(PackSnapshot pack, PackLinkState state, ControlAction action) {
        if (pack == null) {
            return Optional.of(Refusal.NO_DATA);
        }
        if (state != PackLinkState.ONLINE) {
            return Optional.of(Refusal.NOT_CURRENT);
        }
        double current = pack.find(Quantity.CURRENT).orElse(0);
        boolean discharging = pack.hasFlag(PackFlag.DISCHARGING) || current < -REST_AMPS;
        boolean charging = pack.hasFlag(PackFlag.CHARGING) || current > REST_AMPS;
        if (action == ControlAction.CFET_OFF && discharging) {
            return Optional.of(Refusal.DISCHARGING);
        }
        if (action == ControlAction.DFET_OFF && charging) {
            return Optional.of(Refusal.CHARGING);
        }
        return Optional.empty();
    }

    /** Why nothing is sent to a replay bus, in English. */
    static final String REPLAY_TEXT = "the bus replays a recording: nothing can be sent to it";

    /** The refusal in English, for the audit log and messages that are not shown in a view. */
    static String describe(Refusal refusal, PackSnapshot pack) {
        String amps = pack == null ? "?" : String.format(java.util.Locale.ROOT, "%.1f A",
                pack.find(Quantity.CURRENT).orElse(Double.NaN));
        return switch (refusal) {
            case DISCHARGING -> "the charge FET cannot be switched off while the pack discharges (" + amps + ")";
            case CHARGING -> "the discharge FET cannot be switched off while the pack charges (" + amps + ")";
            case NOT_CURRENT -> "the pack's values are not current";
            case CURRENT_FLOWING -> "current flows (" + amps + "): stop charging and discharging first";
            case NO_DATA -> "the pack has not answered yet";
            case REPLAY -> REPLAY_TEXT;
            case UNSUPPORTED -> "the bus's protocol has no such write";
            default -> refusal.name();
        };
    }
}
