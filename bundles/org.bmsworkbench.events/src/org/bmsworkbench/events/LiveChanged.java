package org.bmsworkbench.events;

/**
 * Payload of {@link BmsTopics#LIVE_CHANGED}: the live-data store holds a newer snapshot of a pack. Views listen
 * to this rather than to {@link BmsTopics#PACK_SNAPSHOT}, so that what they read from the store already
 * includes it (two handlers of one topic run in no particular order).
 *
 * @param busId    bus of the pack
 * @param address  the pack's address
 * @param revision the store's revision after the change
 */
public record LiveChanged(String busId, int address, long revision) {

    public LiveChanged {
        Checks.busId(busId);
        Checks.address(address);
    }
}
