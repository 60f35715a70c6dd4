package org.bmsworkbench.ui.security;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** The real questions: the unlock dialog of the security bundle when locked, and a confirmation, Cancel default. */
public final class DialogPrompts implements WritePrompts {

    private static final int SEND = 0;
    private static final int CANCEL = 1;

    private final AccessPrompt access;

    public DialogPrompts(AccessPrompt access) {
        this.access = access;
    }

    @Override
    public boolean unlocked(Shell shell) {
        return access.ensureUnlocked(shell);
    }

    @Override
    public boolean confirm(Shell shell, String title, String question, String send, String cancel) {
        MessageDialog dialog = new MessageDialog(shell, title, null, question, MessageDialog.WARNING, CANCEL, send,
                cancel) {
            @Override
            protected boolean isResizable() {
                return true;
            }
        };
        return dialog.open() == SEND;
    }
}
