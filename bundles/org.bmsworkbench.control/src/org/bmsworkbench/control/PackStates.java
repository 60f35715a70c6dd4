package org.bmsworkbench.control;

import java.util.Optional;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.PackSnapshot;

/**
 * What the views show of a pack: its latest values and link state. The guard judges a write on these before the
 * password and the confirmation, so a person is never asked to confirm on values other than those on screen; it
 * judges again on a fresh poll before sending.
 */
public interface PackStates {

    Optional<PackSnapshot> latest(String busId, int address);

    /** The state to show: never {@link PackLinkState#ONLINE} for old values. */
    PackLinkState state(String busId, int address);
}
