package org.bmsworkbench.ui.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.core.security.AccessRefusedException;
import org.bmsworkbench.core.security.AccessRefusedException.Reason;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for the password of the protected functions. It closes with {@link Window#OK} only once the gate is
 * unlocked; a wrong password (with the tries left before the lockout), the lockout after too many and a damaged
 * password file are shown in the dialog, which stays open. Whether the factory password is still in use is told only
 * to someone who has just unlocked with it, together with the {@link ChangePasswordDialog} to change it: before
 * that, it would tell anyone at the keyboard that the password in the manual works.
 */
public final class UnlockDialog extends Dialog {

    /** The "Change Password..." button. */
    static final int CHANGE_PASSWORD_ID = IDialogConstants.CLIENT_ID + 1;

    private final AccessGate gate;
    private final Messages messages;
    private Label hint;
    private Text password;
    private Label error;

    public UnlockDialog(Shell parent, AccessGate gate, Messages messages) {
        super(parent);
        this.gate = Objects.requireNonNull(gate, "gate");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.unlock_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ((GridLayout) area.getLayout()).numColumns = 2;
        Duration timeout = gate.inactivityTimeout();
        long minutes = Math.max(1, (timeout.toSeconds() + 59) / 60);
        PasswordForm.note(area, Messages.format(messages.unlock_message, minutes));
        hint = PasswordForm.note(area, "");
        hint.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT));
        password = PasswordForm.passwordField(area, messages.unlock_password);
        error = PasswordForm.errorLine(area);
        error.setText(gate.lockoutRemaining().map(messages::lockedOut).orElseGet(() -> gate.failuresLeft()
                < AccessGate.MAX_FAILURES ? messages.triesLeft(gate.failuresLeft(), AccessGate.LOCKOUT) : ""));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, CHANGE_PASSWORD_ID, messages.unlock_changeButton, false);
        createButton(parent, IDialogConstants.OK_ID, messages.unlock_button, true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.button_cancel, false);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == CHANGE_PASSWORD_ID) {
            changePassword();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected void okPressed() {
        char[] typed = password.getTextChars();
        try {
            if (PasswordForm.busy(getShell(), () -> gate.unlock(typed))) {
                boolean factory = gate.isDefaultPassword();
                super.okPressed();
                if (factory) {
                    offerChangeOfTheFactoryPassword();
                }
                return;
            }
            PasswordForm.show(error, gate.lockoutRemaining().map(messages::lockedOut).orElseGet(
                    () -> messages.wrongPassword(gate.failuresLeft(), AccessGate.LOCKOUT)));
        } catch (AccessRefusedException e) {
            if (e.reason() == Reason.PASSWORD_FILE_DAMAGED) {
                ILog.of(UnlockDialog.class).error(e.getMessage(), e);
            }
            PasswordForm.show(error, messages.refusal(e));
        } finally {
            Arrays.fill(typed, '\0');
        }
        password.setText("");
        password.setFocus();
    }

    /**
     * Unlocked with the factory password: says so now that only someone who knew it can read it, and offers the
     * change at once. Cancelling it keeps the gate unlocked; the next unlock asks again.
     */
    private void offerChangeOfTheFactoryPassword() {
        new ChangePasswordDialog(getParentShell(), gate, messages, messages.unlock_factoryHint).open();
    }

    private void changePassword() {
        if (new ChangePasswordDialog(getShell(), gate, messages).open() == Window.OK) {
            PasswordForm.show(hint, messages.unlock_changed);
            PasswordForm.show(error, "");
            password.setText("");
            password.setFocus();
        }
    }

    /** For tests: the password field. */
    Text passwordField() {
        return password;
    }

    /** For tests: the refusal shown, empty when none. */
    String errorText() {
        return error.getText();
    }

    /** For tests: the hint above the field. */
    String hintText() {
        return hint.getText();
    }

    /** For tests: a button of the button bar. */
    Button button(int id) {
        return getButton(id);
    }
}
