package org.bmsworkbench.ui.common;

import java.text.MessageFormat;

import org.bmsworkbench.events.BusStatus;

/** A bus as a header shows it, e.g. {@code bus-1 (模拟总线)}: the simulated and the replayed bus in the user's words. */
public final class BusLabels {

    private BusLabels() {
    }

    /**
     * @param simulated the words for the built-in simulated bus
     * @param replay    the pattern for a replayed recording, {@code {0}} the file; {@code null} to show its label
     */
    public static String of(String busId, BusStatus status, String simulated, String replay) {
        String label;
        if (status.isReplay()) {
            label = replay == null ? status.label() : MessageFormat.format(replay.replace("'", "''"), status.label());
        } else {
            label = status.isSimulated() ? simulated : status.label();
        }
        return busId + " (" + label + ")";
    }
}
