package org.bmsworkbench.ui.connection;

import org.bmsworkbench.connection.BusSettings;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** Connection > Recent buses > a bus: opens it again with the settings it had; a failure is said in the Connection view. */
public class OpenRecentBusHandler {

    @Execute
    public void execute(@Named(BusMenuHandlers.PARAM_SPEC) String spec, EPartService parts) {
        BusMenuHandlers.show(parts).ifPresent(c -> {
            BusSettings settings;
            try {
                settings = BusSettings.parse(spec);
            } catch (IllegalArgumentException e) {
                // a spec of a link type or protocol no longer installed: said in the view, nothing opened
                c.view().showError(e.getMessage());
                return;
            }
            c.open(settings);
        });
    }
}
