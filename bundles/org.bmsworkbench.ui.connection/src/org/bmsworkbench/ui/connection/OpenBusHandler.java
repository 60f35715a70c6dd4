package org.bmsworkbench.ui.connection;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Connection > Open: opens the bus as the Connection view's form says; a wrong field is said there. */
public class OpenBusHandler {

    @Execute
    public void execute(EPartService parts) {
        BusMenuHandlers.show(parts).ifPresent(c -> c.open(c.view().form()));
    }
}
