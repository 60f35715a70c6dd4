package org.bmsworkbench.ui.parameters;

import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.ui.security.WritePrompts;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.parameters.ApplyToMany;
import org.bmsworkbench.parameters.ParameterService;
import org.bmsworkbench.parameters.ParameterSheet;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Apply to packs: the table's values written to chosen packs of the bus one after another ({@link ApplyToMany}: each
 * read, checked, written and read back), with stop-on-first-refusal and a per-pack result table. The password was
 * asked before the dialog opened; the confirmation is asked when Apply is pressed.
 */
final class ApplyDialog extends Dialog {

    private static final int APPLY_ID = IDialogConstants.CLIENT_ID + 1;
    private static final int STOP_ID = IDialogConstants.CLIENT_ID + 2;

    private final Messages m;
    private final ParameterService service;
    private final WritePrompts prompts;
    private final String busId;
    private final int self;
    private final List<Integer> packs;
    private final ParameterSet values;
    private final boolean writeAll;
    private final UISynchronize sync;
    private final ApplyToMany run;
    private Table table;
    private Button stopOnRefusal;
    private Label summary;
    private boolean running;

    ApplyDialog(Shell parent, Messages messages, ParameterService service, WritePrompts prompts, String busId, int self,
            List<Integer> packs, ParameterSet values, boolean writeAll, UISynchronize sync) {
        super(parent);
        this.m = messages;
        this.service = service;
        this.prompts = prompts;
        this.busId = busId;
        this.self = self;
        this.packs = List.copyOf(packs);
        this.values = values;
        this.writeAll = writeAll;
        this.sync = sync;
        this.run = new ApplyToMany(service);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(m.apply_title);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(720, 520);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.format(m.apply_intro, busId));
        GridData id = new GridData(SWT.FILL, SWT.CENTER, true, false);
        id.widthHint = 640;
        intro.setLayoutData(id);
        stopOnRefusal = new Button(area, SWT.CHECK);
        stopOnRefusal.setText(m.apply_stop);
        stopOnRefusal.setSelection(true);
        table = new Table(area, SWT.BORDER | SWT.CHECK | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        td.heightHint = 280;
        table.setLayoutData(td);
        String[] titles = { m.apply_col_pack, m.apply_col_result, m.apply_col_message };
        int[] widths = { 90, 150, 440 };
        for (int i = 0; i < titles.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(titles[i]);
            c.setWidth(widths[i]);
        }
        for (int address : packs) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(0, Integer.toString(address));
            item.setData(address);
            item.setChecked(address != self);
        }
        summary = new Label(area, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, APPLY_ID, m.apply_start, false);
        createButton(parent, STOP_ID, m.apply_stop_now, false).setEnabled(false);
        createButton(parent, IDialogConstants.CLOSE_ID, m.apply_close, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == APPLY_ID) {
            start();
        } else if (buttonId == STOP_ID) {
            run.cancel();
        } else if (buttonId == IDialogConstants.CLOSE_ID) {
            run.cancel();
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    private void start() {
        if (running) {
            return;
        }
        List<Integer> chosen = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            if (item.getChecked()) {
                chosen.add((Integer) item.getData());
            }
            item.setText(1, "");
            item.setText(2, "");
            item.setBackground(null);
        }
        if (chosen.isEmpty()) {
            summary.setText(m.apply_none);
            return;
        }
        if (!prompts.confirm(getShell(), m.apply_title, Messages.format(m.apply_confirm, shared(values).size(),
                chosen.toString(), busId), m.confirm_send, m.confirm_cancel)) {
            summary.setText(m.cancelled);
            return;
        }
        running = true;
        getButton(APPLY_ID).setEnabled(false);
        getButton(STOP_ID).setEnabled(true);
        summary.setText(Messages.format(m.apply_running, chosen.size()));
        run.apply(busId, chosen, shared(values), writeAll, stopOnRefusal.getSelection(),
                r -> sync.asyncExec(() -> showOne(r))).thenAccept(all -> sync.asyncExec(() -> finish(all)));
    }

    /**
     * The values that may go to every pack: a pack's own bus address is left out, or every pack written would
     * answer at the address of the pack the table was read from.
     */
    static java.util.Map<String, Double> shared(ParameterSet values) {
        return ParameterSheet.shareable(ApplyToMany.valuesOf(values));
    }

    private void showOne(ApplyToMany.PackResult r) {
        if (table.isDisposed()) {
            return;
        }
        for (TableItem item : table.getItems()) {
            if (Integer.valueOf(r.address()).equals(item.getData())) {
                item.setText(1, m.status(r.status()));
                String text = r.message();
                if (!r.differences().isEmpty()) {
                    text += ": " + String.join("; ", r.differences().stream().map(d -> d.text()).toList());
                }
                item.setText(2, text);
                item.setBackground(switch (r.status()) {
                    case WRITTEN -> null;
                    case DIFFERS_AFTER_WRITE, SKIPPED -> ParametersView.DIFFERS_BACKGROUND;
                    default -> ParametersView.INVALID_BACKGROUND;
                });
            }
        }
    }

    private void finish(List<ApplyToMany.PackResult> all) {
        if (table.isDisposed()) {
            return;
        }
        running = false;
        long ok = all.stream().filter(r -> r.status() == ApplyToMany.Status.WRITTEN).count();
        summary.setText(Messages.format(m.apply_done, ok, all.size() - ok));
        getButton(APPLY_ID).setEnabled(true);
        getButton(STOP_ID).setEnabled(false);
    }
}
