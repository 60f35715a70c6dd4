package org.bmsworkbench.core.bus;

import java.time.Instant;
import java.util.List;

/**
 * The current state of every bus and pack, kept from the {@code BUS_STATE} and {@code PACK_STATE} events.
 * <p>
 * A view created after the events were published asks here, so it catches up at once; then it listens to
 * {@code OVERVIEW_CHANGED} and asks again. Implementations are thread-safe.
 */
public interface BusStateRegistry {

    /** The overview with effective pack states derived for {@code now}. */
    Overview overview(Instant now);

    /** The most recent state changes, oldest first (bounded). */
    List<ActivityEntry> activity();

    /** Increases with every applied change. */
    long revision();
}
