package org.bmsworkbench.ui.security;

import org.bmsworkbench.core.security.AccessRefusedException;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Widgets and helpers shared by the two password dialogs. */
final class PasswordForm {

    /** Wide enough for the explanations, narrow enough to wrap them into a readable block. */
    static final int TEXT_WIDTH = 420;

    private PasswordForm() {
    }

    /** A wrapping label over both columns of a two-column grid. */
    static Label note(Composite parent, String text) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        GridDataFactory.fillDefaults().span(2, 1).hint(TEXT_WIDTH, SWT.DEFAULT).grab(true, false).applyTo(label);
        return label;
    }

    /** A label and a password field in a two-column grid. */
    static Text passwordField(Composite parent, String label) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        return text;
    }

    /** The line where refusals are shown, in red (a system color, readable on light and dark themes). */
    static Label errorLine(Composite parent) {
        Label label = note(parent, "");
        label.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        return label;
    }

    /** Sets a label's text and grows the dialog if the text needs more lines. */
    static void show(Label label, String text) {
        label.setText(text == null ? "" : text);
        Shell shell = label.getShell();
        Point wanted = shell.computeSize(shell.getSize().x, SWT.DEFAULT);
        if (wanted.y > shell.getSize().y) {
            shell.setSize(shell.getSize().x, wanted.y);
        }
        shell.layout(true, true);
    }

    /** A check of the gate, which may take a noticeable moment because of the password hashing. */
    interface Check {
        boolean run() throws AccessRefusedException;
    }

    /** Runs {@code check} with the busy cursor and hands its result or refusal back to the caller. */
    static boolean busy(Shell shell, Check check) throws AccessRefusedException {
        boolean[] result = new boolean[1];
        AccessRefusedException[] refusal = new AccessRefusedException[1];
        BusyIndicator.showWhile(shell.getDisplay(), () -> {
            try {
                result[0] = check.run();
            } catch (AccessRefusedException e) {
                // Carried out of the Runnable and thrown again below.
                refusal[0] = e;
            }
        });
        if (refusal[0] != null) {
            throw refusal[0];
        }
        return result[0];
    }
}
