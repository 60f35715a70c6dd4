package org.bmsworkbench.control;

import java.util.Optional;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * What the guard would say of a write now, on the latest values, without sending anything: for enabling an action
 * and for the confirmation, which shows the pack's current and FET state. The guard judges again on a fresh
 * poll immediately before the command goes on the line.
 *
 * @param refusal  why it would be refused now, the access gate aside; empty when it may go
 * @param unlocked whether the access gate is open
 * @param snapshot the latest values, {@code null} when the pack never answered
 * @param state    the pack's link state
 */
public record Judgement(Optional<Refusal> refusal, boolean unlocked, PackSnapshot snapshot, PackLinkState state) {

    public boolean allowed() {
        return refusal.isEmpty();
    }

    /** The pack current in A (positive: charging), or NaN when unknown. */
    public double current() {
        return snapshot == null ? Double.NaN : snapshot.find(Quantity.CURRENT).orElse(Double.NaN);
    }

    /** Whether the pack reports {@code flag}; empty when unknown. */
    public Optional<Boolean> flag(PackFlag flag) {
        if (snapshot == null || !snapshot.reportedFlagCategories().contains(flag.category())) {
            return Optional.empty();
        }
        return Optional.of(snapshot.hasFlag(flag));
    }
}
