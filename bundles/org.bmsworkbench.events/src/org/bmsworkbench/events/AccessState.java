package org.bmsworkbench.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Payload of {@link BmsTopics#ACCESS_CHANGED}: whether the protected functions (control, parameter writes,
 * system configuration, firmware upgrade) are unlocked.
 *
 * @param unlocked        true after the password was given, until locked again by hand or by inactivity
 * @param defaultPassword true while the factory password is still the password (views should urge a change)
 * @param time            when this state began
 */
public record AccessState(boolean unlocked, boolean defaultPassword, Instant time) {

    public AccessState {
        Objects.requireNonNull(time, "time");
    }
}
