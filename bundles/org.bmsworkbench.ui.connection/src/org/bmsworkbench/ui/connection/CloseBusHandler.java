package org.bmsworkbench.ui.connection;

import org.bmsworkbench.connection.ConnectionService;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Connection > Close: closes the bus chosen in the Connection view's list (the selected pack's bus). */
public class CloseBusHandler {

    @CanExecute
    public boolean canExecute(ConnectionService connection) {
        return !connection.buses().isEmpty();
    }

    @Execute
    public void execute(EPartService parts) {
        BusMenuHandlers.show(parts).ifPresent(c -> {
            String bus = c.view().selectedBus();
            if (bus != null) {
                c.close(bus);
            }
        });
    }
}
