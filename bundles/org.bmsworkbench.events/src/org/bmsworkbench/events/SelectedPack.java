package org.bmsworkbench.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Payload of {@link BmsTopics#PACK_SELECTED}: the pack the per-pack views show, as the manual's "Pack address"
 * selector sets it, and whether the selection is locked against a mis-click.
 *
 * @param busId   bus of the pack
 * @param address the pack's address
 * @param locked  true while the user's Lock is on: nothing may change the selection
 * @param time    when it was selected or (un)locked
 */
public record SelectedPack(String busId, int address, boolean locked, Instant time) {

    public SelectedPack {
        Checks.busId(busId);
        Checks.address(address);
        Objects.requireNonNull(time, "time");
    }

    /**
     * Whether two selections name the same pack, whatever their lock and time; two {@code null}s (nothing selected)
     * are the same too.
     */
    public static boolean samePack(SelectedPack a, SelectedPack b) {
        return a == null ? b == null : b != null && a.busId.equals(b.busId) && a.address == b.address;
    }
}
