package org.bmsworkbench.ui.config;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The confirmation of forced hibernation: it explains that the pack stops answering until RS485 activity or a
 * charger wakes it, and enables Hibernate only once the pack number is typed.
 */
final class HibernateDialog extends TitleAreaDialog {

    private final Messages m;
    private final int address;
    private final String bus;
    private Text number;

    HibernateDialog(Shell parent, Messages m, int address, String bus) {
        super(parent);
        this.m = m;
        this.address = address;
        this.bus = bus;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    boolean confirmed() {
        return open() == OK;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.format(m.hibernate_title, address));
        getShell().setText(Messages.format(m.hibernate_title, address));
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        Label text = new Label(c, SWT.WRAP);
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        d.widthHint = 480;
        text.setLayoutData(d);
        text.setText(Messages.format(m.hibernate_text, address, bus));
        new Label(c, SWT.NONE).setText(m.hibernate_label);
        number = new Text(c, SWT.BORDER);
        number.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        number.addListener(SWT.Modify, e -> check());
        setMessage(Messages.format(m.hibernate_mismatch, address));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, m.hibernate_send, false);
        createButton(parent, IDialogConstants.CANCEL_ID, m.confirm_cancel, true);
        check();
    }

    private void check() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null && number != null) {
            ok.setEnabled(number.getText().strip().equals(Integer.toString(address)));
        }
    }

    /** For tests: types into the number field; returns whether Hibernate is enabled. */
    boolean type(String text) {
        number.setText(text);
        return getButton(IDialogConstants.OK_ID).isEnabled();
    }
}
