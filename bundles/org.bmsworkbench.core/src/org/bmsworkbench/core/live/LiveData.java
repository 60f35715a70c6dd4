package org.bmsworkbench.core.live;

import java.util.List;
import java.util.Optional;

import org.bmsworkbench.events.PackData;

/**
 * The latest values of every pack, kept from {@link org.bmsworkbench.events.BmsTopics#PACK_SNAPSHOT}: a
 * latest-value-wins store that views read when they refresh (at most once per frame), so that a burst of
 * snapshots never queues work on the display thread. Thread-safe.
 */
public interface LiveData {

    /** The pack's latest poll, if it ever answered; its snapshot's time says how old it is. */
    Optional<PackData> latest(String busId, int address);

    /** The latest poll of every pack of the bus that has answered, by address. */
    List<PackData> packs(String busId);

    /** Increases with every snapshot stored, so a view can skip a refresh when nothing changed. */
    long revision();
}
