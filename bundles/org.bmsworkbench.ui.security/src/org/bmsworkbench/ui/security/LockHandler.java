package org.bmsworkbench.ui.security;

import org.bmsworkbench.core.security.AccessGate;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Tools &gt; Lock: locks the protected functions at once, e.g. before leaving the bench. */
public class LockHandler {

    @CanExecute
    public boolean canExecute(@Optional AccessGate gate) {
        return gate != null && gate.isUnlocked();
    }

    @Execute
    public void execute(AccessGate gate) {
        gate.lock();
    }
}
