package org.bmsworkbench.ui.security;

import java.util.Arrays;
import java.util.Objects;

import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.core.security.AccessRefusedException;
import org.bmsworkbench.core.security.AccessRefusedException.Reason;
import org.bmsworkbench.core.security.PasswordVault;
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
 * Asks for the current password and a new one twice. It closes with {@link Window#OK} only once the gate has
 * stored the new password; a mismatch or the gate's refusal is shown in the dialog, which stays open.
 */
public final class ChangePasswordDialog extends Dialog {

    private final AccessGate gate;
    private final Messages messages;
    private final String notice;
    private Label noticeLabel;
    private Text current;
    private Text fresh;
    private Text confirm;
    private Label error;

    public ChangePasswordDialog(Shell parent, AccessGate gate, Messages messages) {
        this(parent, gate, messages, "");
    }

    /** @param notice why the change is asked for, shown in bold above the form; empty for none */
    public ChangePasswordDialog(Shell parent, AccessGate gate, Messages messages, String notice) {
        super(parent);
        this.gate = Objects.requireNonNull(gate, "gate");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.notice = Objects.requireNonNull(notice, "notice");
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.change_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ((GridLayout) area.getLayout()).numColumns = 2;
        if (!notice.isEmpty()) {
            noticeLabel = PasswordForm.note(area, notice);
            noticeLabel.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT));
        }
        PasswordForm.note(area, Messages.format(messages.change_message, PasswordVault.MIN_LENGTH));
        current = PasswordForm.passwordField(area, messages.change_current);
        fresh = PasswordForm.passwordField(area, messages.change_new);
        confirm = PasswordForm.passwordField(area, messages.change_confirm);
        error = PasswordForm.errorLine(area);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.button_ok, true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.button_cancel, false);
    }

    @Override
    protected void okPressed() {
        char[] old = current.getTextChars();
        char[] typed = fresh.getTextChars();
        char[] again = confirm.getTextChars();
        try {
            if (!Arrays.equals(typed, again)) {
                PasswordForm.show(error, messages.change_mismatch);
                confirm.setText("");
                confirm.setFocus();
                return;
            }
            PasswordForm.busy(getShell(), () -> {
                gate.changePassword(old, typed);
                return true;
            });
            super.okPressed();
        } catch (AccessRefusedException e) {
            refused(e);
        } finally {
            Arrays.fill(old, '\0');
            Arrays.fill(typed, '\0');
            Arrays.fill(again, '\0');
        }
    }

    private void refused(AccessRefusedException e) {
        if (e.reason() == Reason.PASSWORD_FILE_DAMAGED || e.reason() == Reason.STORAGE_FAILED) {
            ILog.of(ChangePasswordDialog.class).error(e.getMessage(), e);
        }
        PasswordForm.show(error, messages.refusal(e));
        switch (e.reason()) {
            case WRONG_PASSWORD -> {
                current.setText("");
                current.setFocus();
            }
            case TOO_SHORT, SAME_AS_FACTORY -> {
                fresh.setText("");
                confirm.setText("");
                fresh.setFocus();
            }
            default -> current.setFocus();
        }
    }

    /** For tests: the current, new and confirmation fields. */
    Text[] fields() {
        return new Text[] { current, fresh, confirm };
    }

    /** For tests: the notice above the form, empty when none. */
    String noticeText() {
        return noticeLabel == null ? "" : noticeLabel.getText();
    }

    /** For tests: the refusal shown, empty when none. */
    String errorText() {
        return error.getText();
    }

    /** For tests: a button of the button bar. */
    Button button(int id) {
        return getButton(id);
    }
}
