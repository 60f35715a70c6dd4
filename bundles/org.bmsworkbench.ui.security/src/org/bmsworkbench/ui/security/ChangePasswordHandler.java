package org.bmsworkbench.ui.security;

import org.bmsworkbench.core.security.AccessGate;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Tools &gt; Change Password...: replaces the password, whether or not the functions are unlocked. */
public class ChangePasswordHandler {

    @CanExecute
    public boolean canExecute(@Optional AccessGate gate) {
        return gate != null;
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, AccessGate gate, @Translation Messages messages) {
        if (new ChangePasswordDialog(shell, gate, messages).open() == Window.OK) {
            new MessageDialog(shell, messages.change_title, null, messages.change_done, MessageDialog.INFORMATION, 0,
                    messages.button_ok).open();
        }
    }
}
