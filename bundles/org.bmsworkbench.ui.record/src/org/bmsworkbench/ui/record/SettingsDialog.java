package org.bmsworkbench.ui.record;

import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.ui.record.model.SettingsForm;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Recording Settings: the folder (with Browse), the retention (a total size in GB and an age in days, each
 * optional) and the automatic Excel save every N rows. OK is enabled only when {@link SettingsForm} accepts the
 * fields; what is wrong is said in the title area.
 */
public final class SettingsDialog extends TitleAreaDialog {

    private final Messages messages;
    private final RecordingSettings initial;
    private Text folder;
    private Button limitSize;
    private Text size;
    private Button limitAge;
    private Text days;
    private Text rows;
    private RecordingSettings settings;

    public SettingsDialog(Shell shell, Messages messages, RecordingSettings initial) {
        super(shell);
        this.messages = messages;
        this.initial = initial;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.settings_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.settings_title);
        setMessage(messages.settings_message);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(1, false));

        Group folderGroup = group(c, messages.settings_folder, 2);
        folder = new Text(folderGroup, SWT.BORDER);
        GridData folderData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        folderData.widthHint = 420;
        folder.setLayoutData(folderData);
        folder.setText(initial.folder().toString());
        Button browse = new Button(folderGroup, SWT.PUSH);
        browse.setText(messages.settings_browse);
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setFilterPath(folder.getText());
            String chosen = d.open();
            if (chosen != null) {
                folder.setText(chosen);
            }
        });
        note(folderGroup, messages.settings_folderNote, 2);

        Group retention = group(c, messages.settings_retention, 3);
        limitSize = new Button(retention, SWT.CHECK);
        limitSize.setText(messages.settings_limitSize);
        limitSize.setSelection(initial.retention().maxBytes() > 0);
        size = number(retention, SettingsForm.gigabytes(initial.retention()));
        new Label(retention, SWT.NONE).setText(messages.settings_gb);
        limitAge = new Button(retention, SWT.CHECK);
        limitAge.setText(messages.settings_limitAge);
        limitAge.setSelection(!initial.retention().maxAge().isZero());
        days = number(retention, SettingsForm.days(initial.retention()));
        new Label(retention, SWT.NONE).setText(messages.settings_days);
        note(retention, messages.settings_keepAll, 3);

        Group save = group(c, messages.settings_autoSave, 2);
        rows = number(save, Integer.toString(initial.autoSaveRows()));
        new Label(save, SWT.NONE).setText(messages.settings_rows);

        for (Text t : new Text[] { folder, size, days, rows }) {
            t.addListener(SWT.Modify, e -> check());
        }
        for (Button b : new Button[] { limitSize, limitAge }) {
            b.addListener(SWT.Selection, e -> check());
        }
        return area;
    }

    private static Group group(Composite parent, String title, int columns) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(columns, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return g;
    }

    private static Text number(Composite parent, String value) {
        Text t = new Text(parent, SWT.BORDER | SWT.RIGHT);
        GridData d = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        d.widthHint = 90;
        t.setLayoutData(d);
        t.setText(value);
        return t;
    }

    private static void note(Composite parent, String text, int span) {
        Label l = new Label(parent, SWT.WRAP);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1);
        d.widthHint = 480;
        l.setLayoutData(d);
        l.setText(text);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    private void check() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null || rows == null) {
            return;
        }
        size.setEnabled(limitSize.getSelection());
        days.setEnabled(limitAge.getSelection());
        SettingsForm.Result r = SettingsForm.check(folder.getText(), limitSize.getSelection(), size.getText(),
                limitAge.getSelection(), days.getText(), rows.getText(), initial.decimation());
        settings = r.settings();
        setErrorMessage(r.ok() ? null : messages.problem(r.problem()));
        ok.setEnabled(r.ok());
    }

    /** The settings chosen, after OK. */
    public RecordingSettings settings() {
        return settings;
    }
}
