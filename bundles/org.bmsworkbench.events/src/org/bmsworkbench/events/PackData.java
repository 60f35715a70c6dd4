package org.bmsworkbench.events;

import java.util.Objects;

import org.bmsworkbench.model.PackSnapshot;

/**
 * Payload of {@link BmsTopics#PACK_SNAPSHOT}: everything one poll of a pack read, all from the same visit.
 * A visit that lost a frame publishes nothing, so a snapshot never mixes fresh and old values.
 *
 * @param busId    bus the pack is on
 * @param snapshot the values, stamped with the time the visit ended; its address is the pack's
 * @param full     true when the visit read cells and temperatures, false for a summary-only visit
 */
public record PackData(String busId, PackSnapshot snapshot, boolean full) {

    public PackData {
        Checks.busId(busId);
        Objects.requireNonNull(snapshot, "snapshot");
        Checks.address(snapshot.address());
    }

    public int address() {
        return snapshot.address();
    }
}
