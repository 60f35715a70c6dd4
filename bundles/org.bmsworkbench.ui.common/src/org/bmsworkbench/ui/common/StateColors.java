package org.bmsworkbench.ui.common;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.PackLinkState;
import org.eclipse.swt.graphics.Color;

/** The colours every view uses for link states, so green means the same thing everywhere. */
public final class StateColors {

    public static final Color ONLINE = new Color(0x1e, 0x8e, 0x3e);
    public static final Color STALE = new Color(0xc7, 0x7c, 0x02);
    public static final Color OFFLINE = new Color(0x80, 0x86, 0x8b);
    public static final Color FAILED = new Color(0xc5, 0x22, 0x1f);
    /** Silent on purpose (forced hibernation): not a failure. */
    public static final Color HIBERNATING = new Color(0x3b, 0x6e, 0xa8);

    private StateColors() {
    }

    public static Color of(PackLinkState state) {
        return switch (state) {
            case ONLINE -> ONLINE;
            case STALE -> STALE;
            case OFFLINE -> OFFLINE;
            case HIBERNATING -> HIBERNATING;
        };
    }

    public static Color of(BusState state) {
        return switch (state) {
            case OPEN -> ONLINE;
            case OPENING, RECONNECTING -> STALE;
            case CLOSED -> OFFLINE;
            case FAILED -> FAILED;
        };
    }
}
