package org.bmsworkbench.ui.security;

import org.bmsworkbench.core.security.AccessGate;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Tools &gt; Unlock...: asks for the password while the protected functions are locked. */
public class UnlockHandler {

    @CanExecute
    public boolean canExecute(@Optional AccessGate gate) {
        return gate != null && !gate.isUnlocked();
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, AccessGate gate, @Translation Messages messages) {
        new UnlockDialog(shell, gate, messages).open();
    }
}
