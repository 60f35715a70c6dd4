package org.bmsworkbench.events;

import java.time.Instant;
import java.util.Objects;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;

/**
 * Payload of {@link BmsTopics#PACK_FLAG}: an alarm, protection or detection flag of a pack was raised or
 * cleared, as seen between two consecutive snapshots of that pack.
 *
 * @param busId   bus the pack is on
 * @param address the pack's address
 * @param flag    the flag; its category is ALARM, PROTECTION or DETECTION
 * @param raised  true when it came on, false when it went off
 * @param time    the time of the snapshot that showed the change
 */
public record FlagChange(String busId, int address, PackFlag flag, boolean raised, Instant time) {

    public FlagChange {
        Checks.busId(busId);
        Checks.address(address);
        Objects.requireNonNull(flag, "flag");
        if (!isWatched(flag)) {
            throw new IllegalArgumentException(flag + " is a " + flag.category() + " flag, not an alarm, protection or detection flag");
        }
        Objects.requireNonNull(time, "time");
    }

    /** Whether changes of {@code flag} are reported: alarms, protections and self-test faults. */
    public static boolean isWatched(PackFlag flag) {
        FlagCategory c = flag.category();
        return c == FlagCategory.ALARM || c == FlagCategory.PROTECTION || c == FlagCategory.DETECTION;
    }
}
