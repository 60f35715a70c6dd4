package org.bmsworkbench.ui.connection;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Connection > Refresh ports: lists the serial ports again now, in the Connection view. */
public class RefreshPortsHandler {

    @Execute
    public void execute(EPartService parts) {
        BusMenuHandlers.show(parts).ifPresent(ConnectionPart::refreshPorts);
    }
}
