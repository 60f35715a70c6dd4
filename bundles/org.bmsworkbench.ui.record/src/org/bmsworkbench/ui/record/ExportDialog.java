package org.bmsworkbench.ui.record;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.ui.record.model.ExportForm;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Data Export: this pack or all packs (one sheet each), an optional time range, XLSX or CSV (standard or
 * European) and the file. OK is enabled only when {@link ExportForm} finds nothing wrong; the problem is said in
 * the title area.
 */
public final class ExportDialog extends TitleAreaDialog {

    private final Messages messages;
    private final Path session;
    private final RecordedPack pack;
    private final List<RecordedPack> packs;
    private final String initialFile;
    private final ZoneId zone;
    private Button thisPack;
    private Button allPacks;
    private Text from;
    private Text to;
    private Button xlsx;
    private Button csv;
    private Button standard;
    private Button european;
    private Text file;
    private ExportForm.Choice choice;

    /**
     * @param pack  the pack the dialog was opened for, {@code null} to offer only all packs
     * @param packs the session's packs
     */
    public ExportDialog(Shell shell, Messages messages, Path session, RecordedPack pack, List<RecordedPack> packs,
            String initialFile, ZoneId zone) {
        super(shell);
        this.messages = messages;
        this.session = session;
        this.pack = pack;
        this.packs = List.copyOf(packs);
        this.initialFile = initialFile;
        this.zone = zone;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.export_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.export_title);
        setMessage(Messages.format(messages.export_message, session.getFileName()));
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(1, false));

        Group packGroup = group(c, messages.export_packs, 1);
        if (pack != null) {
            thisPack = new Button(packGroup, SWT.RADIO);
            thisPack.setText(Messages.format(messages.export_thisPack, pack.packName()));
            thisPack.setSelection(true);
            thisPack.addListener(SWT.Selection, e -> check());
        }
        allPacks = new Button(packGroup, SWT.RADIO);
        allPacks.setText(Messages.format(messages.export_allPacks, packs.size()));
        allPacks.setSelection(pack == null);
        allPacks.addListener(SWT.Selection, e -> check());

        Group range = group(c, messages.export_range, 4);
        new Label(range, SWT.NONE).setText(messages.export_from);
        from = new Text(range, SWT.BORDER);
        from.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        from.setMessage(ExportForm.TIME_PATTERN);
        new Label(range, SWT.NONE).setText(messages.export_to);
        to = new Text(range, SWT.BORDER);
        to.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        to.setMessage(ExportForm.TIME_PATTERN);
        Label hint = new Label(range, SWT.WRAP);
        GridData hintData = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
        hintData.widthHint = 480;
        hint.setLayoutData(hintData);
        hint.setText(messages.export_rangeHint);
        from.addListener(SWT.Modify, e -> check());
        to.addListener(SWT.Modify, e -> check());

        Group format = group(c, messages.export_format, 1);
        xlsx = new Button(format, SWT.RADIO);
        xlsx.setText(messages.export_xlsx);
        xlsx.setSelection(true);
        csv = new Button(format, SWT.RADIO);
        csv.setText(messages.export_csv);
        Composite styles = new Composite(format, SWT.NONE);
        GridLayout stylesLayout = new GridLayout(1, false);
        stylesLayout.marginLeft = 20;
        stylesLayout.marginHeight = 0;
        styles.setLayout(stylesLayout);
        standard = new Button(styles, SWT.RADIO);
        standard.setText(messages.export_csvStandard);
        standard.setSelection(true);
        european = new Button(styles, SWT.RADIO);
        european.setText(messages.export_csvEuropean);
        for (Button b : new Button[] { xlsx, csv }) {
            b.addListener(SWT.Selection, e -> {
                if (b.getSelection()) {
                    file.setText(ExportForm.withExtension(file.getText(), csv.getSelection()));
                }
                check();
            });
        }
        standard.addListener(SWT.Selection, e -> check());
        european.addListener(SWT.Selection, e -> check());

        Group fileGroup = group(c, messages.export_file, 2);
        file = new Text(fileGroup, SWT.BORDER);
        GridData fileData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        fileData.widthHint = 420;
        file.setLayoutData(fileData);
        file.setText(initialFile);
        file.addListener(SWT.Modify, e -> check());
        Button browse = new Button(fileGroup, SWT.PUSH);
        browse.setText(messages.export_browse);
        browse.addListener(SWT.Selection, e -> browse());
        return area;
    }

    private static Group group(Composite parent, String title, int columns) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(columns, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return g;
    }

    private void browse() {
        FileDialog d = new FileDialog(getShell(), SWT.SAVE);
        d.setOverwrite(true);
        boolean isCsv = csv.getSelection();
        d.setFilterExtensions(new String[] { isCsv ? "*.csv" : "*.xlsx", "*.*" });
        Path current = Path.of(file.getText().isBlank() ? initialFile : file.getText().strip()).toAbsolutePath();
        if (current.getParent() != null) {
            d.setFilterPath(current.getParent().toString());
        }
        if (current.getFileName() != null) {
            d.setFileName(current.getFileName().toString());
        }
        String chosen = d.open();
        if (chosen != null) {
            file.setText(ExportForm.withExtension(chosen, isCsv));
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    private void check() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null || file == null) {
            return;
        }
        standard.setEnabled(csv.getSelection());
        european.setEnabled(csv.getSelection());
        ExportForm.Result r = ExportForm.check(packIds(), from.getText(), to.getText(), file.getText(),
                csv.getSelection(), european.getSelection(), zone);
        choice = r.choice();
        setErrorMessage(r.ok() ? null : messages.problem(r.problem()));
        ok.setEnabled(r.ok());
    }

    private Set<Long> packIds() {
        Set<Long> ids = new LinkedHashSet<>();
        if (thisPack != null && thisPack.getSelection()) {
            ids.add(pack.id());
        } else {
            for (RecordedPack p : packs) {
                ids.add(p.id());
            }
        }
        return ids;
    }

    /** What was chosen, after OK. */
    public ExportForm.Choice choice() {
        return choice;
    }
}
