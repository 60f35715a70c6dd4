package org.bmsworkbench.ui.parameters;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.parameters.Comparison;
import org.bmsworkbench.parameters.ParameterFileException;
import org.bmsworkbench.parameters.ParameterFiles;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Compare: the table's values side by side with a parameter file or another pack of the bus, the differences
 * highlighted (or only the differences listed).
 */
final class CompareDialog extends Dialog {

    private final Messages m;
    private final ParametersPart part;
    private final int self;
    private final UISynchronize sync;
    private final List<Integer> others = new ArrayList<>();
    private Combo source;
    private Button onlyDifferences;
    private Label summary;
    private Table table;
    private List<Comparison.Line> lines = List.of();

    CompareDialog(Shell parent, Messages messages, ParametersPart part, int self, UISynchronize sync) {
        super(parent);
        this.m = messages;
        this.part = part;
        this.self = self;
        this.sync = sync;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(m.compare_title);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(760, 560);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(4, false));
        new Label(area, SWT.NONE).setText(m.compare_source);
        source = new Combo(area, SWT.READ_ONLY);
        source.add(m.compare_file);
        for (int address : part.packsOfBus()) {
            if (address != self) {
                others.add(address);
                source.add(Messages.format(m.compare_pack, address));
            }
        }
        source.select(others.isEmpty() ? 0 : 1);
        Button run = new Button(area, SWT.PUSH);
        run.setText(m.compare_run);
        run.addListener(SWT.Selection, e -> run());
        onlyDifferences = new Button(area, SWT.CHECK);
        onlyDifferences.setText(m.compare_only_diff);
        onlyDifferences.addListener(SWT.Selection, e -> fill());
        summary = new Label(area, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        td.heightHint = 300;
        table.setLayoutData(td);
        String[] titles = { m.col_name, m.col_value, m.compare_other };
        int[] widths = { 320, 170, 170 };
        for (int i = 0; i < titles.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(titles[i]);
            c.setWidth(widths[i]);
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    private void run() {
        int index = source.getSelectionIndex();
        if (index == 0) {
            org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(getShell(), SWT.OPEN);
            d.setFilterNames(new String[] { m.file_json });
            d.setFilterExtensions(new String[] { "*.json" });
            String name = d.open();
            if (name == null) {
                return;
            }
            Path file = Path.of(name);
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                show(Comparison.compare(part.sheet(), ParameterFiles.read(in)));
            } catch (IOException | ParameterFileException e) {
                summary.setText(Messages.format(m.import_failed, file.getFileName(), e.getMessage()));
            }
            return;
        }
        int address = others.get(index - 1);
        summary.setText(Messages.format(m.compare_reading, address));
        part.readOther(address).whenComplete((set, error) -> sync.asyncExec(() -> {
            if (table.isDisposed()) {
                return;
            }
            if (error != null) {
                summary.setText(Messages.format(m.read_failed, error.getCause() != null ? error.getCause().getMessage()
                        : error.getMessage()));
            } else {
                show(Comparison.compare(part.sheet(), set));
            }
        }));
    }

    private void show(List<Comparison.Line> result) {
        lines = result;
        long differ = result.stream().filter(Comparison.Line::differs).count();
        summary.setText(differ == 0 ? m.compare_same : Messages.format(m.compare_count, differ, result.size()));
        fill();
    }

    private void fill() {
        table.removeAll();
        String language = part.page().language();
        for (Comparison.Line l : lines) {
            if (onlyDifferences.getSelection() && !l.differs()) {
                continue;
            }
            TableItem item = new TableItem(table, SWT.NONE);
            String label = part.sheet().has(l.key()) ? part.sheet().row(l.key()).definition().label(language) : l.label();
            item.setText(new String[] { label, l.thisValue(), l.other() });
            if (l.differs()) {
                item.setBackground(ParametersView.DIFFERS_BACKGROUND);
            }
        }
    }
}
