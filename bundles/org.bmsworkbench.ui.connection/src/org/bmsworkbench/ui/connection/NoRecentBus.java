package org.bmsworkbench.ui.connection;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;

/** The greyed "(none yet)" line of Connection > Recent buses before any bus was opened: never enabled. */
public class NoRecentBus {

    @CanExecute
    public boolean canExecute() {
        return false;
    }

    @Execute
    public void execute() {
        // never enabled, so never run: the line only says that there is no recent bus yet
    }
}
