package org.bmsworkbench.core.bus;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a bus's or a pack's state.
 *
 * @param time    when it happened (as reported by the publisher)
 * @param busId   the bus
 * @param address the pack's address, or {@code -1} for a change of the bus itself
 * @param from    previous state name, empty when the bus or pack was new
 * @param to      new state name
 * @param detail  the publisher's reason, may be empty
 */
public record ActivityEntry(Instant time, String busId, int address, String from, String to, String detail) {

    public ActivityEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(busId, "busId");
        from = from == null ? "" : from;
        Objects.requireNonNull(to, "to");
        detail = detail == null ? "" : detail;
    }

    /** Whether this entry is about the bus rather than one pack. */
    public boolean isBusEntry() {
        return address < 0;
    }
}
