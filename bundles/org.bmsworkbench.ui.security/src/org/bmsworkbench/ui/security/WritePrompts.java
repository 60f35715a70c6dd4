package org.bmsworkbench.ui.security;

import org.eclipse.swt.widgets.Shell;

/**
 * The two questions asked before a write is sent: is the password given, and does the person confirm. The part
 * takes them from its context, so that UI tests can answer without modal dialogs; without one there, it asks with
 * {@link DialogPrompts}.
 */
public interface WritePrompts {

    /** True when the protected functions are unlocked, after asking for the password if needed. */
    boolean unlocked(Shell shell);

    /** True when the person confirms {@code question} with {@code send}; Cancel is the default button. */
    boolean confirm(Shell shell, String title, String question, String send, String cancel);
}
