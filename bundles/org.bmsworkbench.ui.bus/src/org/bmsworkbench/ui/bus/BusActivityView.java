package org.bmsworkbench.ui.bus;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bmsworkbench.core.bus.ActivityEntry;
import org.bmsworkbench.core.bus.BusStateStore;
import org.bmsworkbench.ui.common.TextColumns;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

/** The bus and pack state changes of this session, newest first. */
public final class BusActivityView extends Composite {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private Messages messages;
    private final StackLayout stack = new StackLayout();
    private final Label empty;
    private final Composite tableHolder;
    private final TableViewer viewer;
    private final List<TableViewerColumn> columns = new ArrayList<>();
    private List<ActivityEntry> shown = List.of();
    private final TableColumnLayout columnLayout;
    /** Time, bus, pack, change, detail. */
    private static final int[] WEIGHTS = { 16, 13, 7, 24, 40 };

    public BusActivityView(Composite parent, Messages messages) {
        super(parent, SWT.NONE);
        this.messages = messages;
        setLayout(stack);
        empty = new Label(this, SWT.WRAP);
        tableHolder = new Composite(this, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        tableHolder.setLayout(layout);
        viewer = new TableViewer(tableHolder, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TextColumns<ActivityEntry> text = new TextColumns<>(viewer, layout, ActivityEntry.class);
        this.columnLayout = layout;
        columns.add(text.add(WEIGHTS[0], e -> TIME.format(e.time())));
        columns.add(text.add(WEIGHTS[1], e -> BusStateStore.RECORDER.equals(e.busId()) ? this.messages.recorder
                : e.busId()));
        columns.add(text.add(WEIGHTS[2], e -> e.isBusEntry() ? "" : Messages.format(this.messages.pack_row, e.address())));
        // the state before the change is named without the new detail: only the new state can be "Retrying"
        columns.add(text.add(WEIGHTS[3], e -> (e.from().isEmpty() ? "" : this.messages.stateName(e.from()) + " \u2192 ")
                + this.messages.stateName(e.to(), e.detail())));
        columns.add(text.add(WEIGHTS[4], ActivityEntry::detail));
        CutCellToolTips.install(viewer.getTable());
        applyTexts();
        show(List.of());
    }

    public void setMessages(Messages messages) {
        this.messages = messages;
        applyTexts();
        show(shown);
    }

    private void applyTexts() {
        String[] titles = { messages.column_time, messages.column_bus, messages.column_pack, messages.column_change,
                messages.column_detail };
        for (int i = 0; i < titles.length; i++) {
            columns.get(i).getColumn().setText(titles[i]);
        }
        BusOverviewView.fitTitles(viewer.getTable(), columnLayout, columns, WEIGHTS);
        empty.setText(messages.activity_empty);
    }

    /** Shows {@code entries} (oldest first, as the registry keeps them) newest first. */
    public void show(List<ActivityEntry> entries) {
        shown = entries;
        List<ActivityEntry> newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        viewer.setInput(newestFirst);
        stack.topControl = entries.isEmpty() ? empty : tableHolder;
        layout();
    }

    /** The whole text of the cell at {@code p} when it is cut, otherwise null: the cell's tooltip. */
    public String toolTipAt(org.eclipse.swt.graphics.Point p) {
        return CutCellToolTips.toolTipAt(viewer.getTable(), p);
    }

    public Table table() {
        return viewer.getTable();
    }

    @Override
    public boolean setFocus() {
        // SWT moves focus while a shell is being disposed; the table may already be gone then.
        Table table = viewer.getTable();
        return !table.isDisposed() && table.setFocus();
    }
}
