package org.bmsworkbench.ui.monitor;

import org.eclipse.swt.widgets.Shell;

/**
 * The two questions asked before a control command is sent: is the password given, and does the user
 * confirm. The part takes them from its context, so that UI tests can answer without modal dialogs; without
 * one there, it asks with {@link DialogPrompts}.
 */
public interface ControlPrompts {

    /** True when the protected functions are unlocked, after asking for the password if needed. */
    boolean unlocked(Shell shell);

    /**
     * True when the user confirms {@code question} with {@code send}. Cancel is the default button: Return
     * does not send a switching command.
     */
    boolean confirm(Shell shell, String title, String question, String send, String cancel);
}
