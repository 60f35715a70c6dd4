package org.bmsworkbench.ui.config;

import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.control.WriteService;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.ui.security.WritePrompts;
import org.eclipse.e4.ui.di.UISynchronize;

/**
 * The pack a dialog or wizard of this page works on, with what it needs of the workbench: the write service, the
 * bus, the live values and the questions before a write.
 */
record PackTarget(String busId, int address, String busLabel, WriteService writes, ConnectionService connection,
        LiveData live, WritePrompts prompts, UISynchronize sync) {

    /** The latest values the bus published, {@code null} when none. */
    PackSnapshot latest() {
        return live.latest(busId, address).map(d -> d.snapshot()).orElse(null);
    }
}
