package org.bmsworkbench.ui.monitor;

import org.eclipse.swt.widgets.Shell;

/**
 * The two questions asked before a control command is sent: is the password given, and does the user
 * confirm. The part asks them through this interface so that UI tests can answer without modal dialogs.
 */
public interface ControlPrompts {

    /** True when the protected functions are unlocked, after asking for the password if needed. */
    boolean unlocked(Shell shell);

    /** True when the user confirms {@code question}. */
    boolean confirm(Shell shell, String title, String question);
}
