package org.bmsworkbench.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Payload of {@link BmsTopics#PACK_STATE}.
 *
 * @param busId           bus the pack is on
 * @param address         the pack's bus address (its DIP switch setting), 0..247
 * @param state           new link state
 * @param lastGoodAnswer  time of the pack's last valid answer, {@code null} if it never answered
 * @param time            when the state was entered
 */
public record PackStatus(String busId, int address, PackLinkState state, Instant lastGoodAnswer, Instant time) {

    public PackStatus {
        Checks.busId(busId);
        Checks.address(address);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(time, "time");
        if (state == PackLinkState.ONLINE && lastGoodAnswer == null) {
            throw new IllegalArgumentException("an online pack must have a last good answer");
        }
    }
}
