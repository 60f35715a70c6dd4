package org.bmsworkbench.core.bus;

import java.time.Duration;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;

/**
 * One pack as a view should show it.
 *
 * @param status          the last state its bus reported
 * @param effectiveState  what may be shown: never {@link PackLinkState#ONLINE} when the bus is not open or
 *                        the last good answer is older than the stale limit
 * @param sinceLastAnswer age of the last good answer, {@code null} if the pack never answered
 */
public record PackView(PackStatus status, PackLinkState effectiveState, Duration sinceLastAnswer) {

    public int address() {
        return status.address();
    }
}
