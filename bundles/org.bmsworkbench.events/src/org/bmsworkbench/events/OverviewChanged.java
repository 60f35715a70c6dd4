package org.bmsworkbench.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Payload of {@link BmsTopics#OVERVIEW_CHANGED}.
 *
 * @param revision increases with every change the registry applied, so a view can skip a repaint
 *                 when it has already shown this revision
 * @param time     when the registry applied the change
 */
public record OverviewChanged(long revision, Instant time) {

    public OverviewChanged {
        Objects.requireNonNull(time, "time");
    }
}
