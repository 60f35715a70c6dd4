package org.bmsworkbench.core.live;

import java.util.Optional;

import org.bmsworkbench.events.SelectedPack;

/**
 * Which pack the per-pack views (real-time monitoring, control test, parameters) show: the reference
 * manual's "Pack address" selector with its "Lock". Changes are announced on
 * {@link org.bmsworkbench.events.BmsTopics#PACK_SELECTED}. Until someone selects, the first pack that answers
 * is selected, so a first start shows live values at once.
 */
public interface PackSelection {

    Optional<SelectedPack> current();

    /**
     * Shows another pack.
     *
     * @return false when the selection is locked (nothing changes)
     */
    boolean select(String busId, int address);

    /** Locks or unlocks the selection; the pack stays the same. */
    void setLocked(boolean locked);

    boolean isLocked();
}
