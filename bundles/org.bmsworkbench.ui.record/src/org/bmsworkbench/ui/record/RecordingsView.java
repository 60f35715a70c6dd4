package org.bmsworkbench.ui.record;

import java.util.List;
import java.util.Objects;

import org.bmsworkbench.record.store.SessionSummary;
import org.bmsworkbench.ui.common.StateColors;
import org.bmsworkbench.ui.common.TextColumns;
import org.bmsworkbench.ui.record.model.SessionList;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * The Recordings view: the recording folder's path, a table of its session files (start, end, buses, packs, rows,
 * size; the session being recorded marked) and the buttons Export Range, Delete, Open Folder and Refresh, also in
 * the table's context menu.
 */
public final class RecordingsView extends Composite {

    /** What the buttons ask the part to do. */
    public interface Actions {
        void export(SessionSummary session);

        void delete(SessionSummary session);

        void openFolder();

        void refresh();

        /** Replays a session through every view (the replay bundle's command); false when it is not installed. */
        default boolean canReplay() {
            return false;
        }

        default void replay(SessionSummary session) {
        }
    }

    private Messages messages;
    private final Label folder;
    private final Label summary;
    private final TableViewer viewer;
    private final TableViewerColumn[] columns = new TableViewerColumn[7];
    private final Button export;
    private final Button delete;
    private final Button open;
    private final Button refresh;
    private final Button replay;
    private final boolean canReplay;
    private final MenuItem exportItem;
    private final MenuItem deleteItem;
    private List<SessionList.Line> lines = List.of();

    public RecordingsView(Composite parent, Messages messages, Actions actions) {
        super(parent, SWT.NONE);
        this.messages = messages;
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 8;
        layout.marginHeight = 8;
        setLayout(layout);
        folder = new Label(this, SWT.NONE);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary = new Label(this, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        Composite tableHolder = new Composite(this, SWT.NONE);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        tableData.heightHint = 60;
        tableHolder.setLayoutData(tableData);
        TableColumnLayout tableLayout = new TableColumnLayout();
        tableHolder.setLayout(tableLayout);
        viewer = new TableViewer(tableHolder, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TextColumns<SessionList.Line> text = new TextColumns<>(viewer, tableLayout, SessionList.Line.class);
        columns[0] = text.add(17, SessionList.Line::start, l -> l.current() ? StateColors.ONLINE : null);
        columns[1] = text.add(17, l -> l.current() ? this.messages.recordings_current : l.end(),
                l -> l.current() ? StateColors.ONLINE : null);
        columns[2] = text.add(14, SessionList.Line::buses);
        columns[3] = text.add(6, SessionList.Line::packs);
        columns[4] = text.add(8, SessionList.Line::rows);
        columns[5] = text.add(8, SessionList.Line::size);
        columns[6] = text.add(24, l -> l.summary().file().getFileName().toString());
        columns[3].getColumn().setAlignment(SWT.RIGHT);
        columns[4].getColumn().setAlignment(SWT.RIGHT);
        columns[5].getColumn().setAlignment(SWT.RIGHT);

        Composite buttons = new Composite(this, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.marginLeft = 0;
        row.spacing = 6;
        row.wrap = true;
        buttons.setLayout(row);
        export = new Button(buttons, SWT.PUSH);
        export.addListener(SWT.Selection, e -> actions.export(selected()));
        delete = new Button(buttons, SWT.PUSH);
        delete.addListener(SWT.Selection, e -> actions.delete(selected()));
        open = new Button(buttons, SWT.PUSH);
        open.addListener(SWT.Selection, e -> actions.openFolder());
        refresh = new Button(buttons, SWT.PUSH);
        refresh.addListener(SWT.Selection, e -> actions.refresh());
        replay = new Button(buttons, SWT.PUSH);
        replay.addListener(SWT.Selection, e -> actions.replay(selected()));
        canReplay = actions.canReplay();

        Menu menu = new Menu(viewer.getTable());
        exportItem = new MenuItem(menu, SWT.PUSH);
        exportItem.addListener(SWT.Selection, e -> actions.export(selected()));
        deleteItem = new MenuItem(menu, SWT.PUSH);
        deleteItem.addListener(SWT.Selection, e -> actions.delete(selected()));
        viewer.getTable().setMenu(menu);
        viewer.addSelectionChangedListener(e -> enable());
        viewer.addDoubleClickListener(e -> actions.export(selected()));
        applyTexts();
        enable();
    }

    public void setMessages(Messages messages) {
        this.messages = messages;
        applyTexts();
        viewer.refresh();
    }

    private void applyTexts() {
        String[] titles = { messages.recordings_column_start, messages.recordings_column_end,
                messages.recordings_column_buses, messages.recordings_column_packs, messages.recordings_column_rows,
                messages.recordings_column_size, messages.recordings_column_file };
        for (int i = 0; i < titles.length; i++) {
            columns[i].getColumn().setText(titles[i]);
        }
        export.setText(messages.recordings_export);
        delete.setText(messages.recordings_delete);
        open.setText(messages.recordings_openFolder);
        refresh.setText(messages.recordings_refresh);
        replay.setText(messages.recordings_replay);
        exportItem.setText(messages.recordings_export);
        deleteItem.setText(messages.recordings_delete);
        layout(true, true);
    }

    /** Shows the sessions; keeps the selected file selected. Display thread only. */
    public void show(String folderText, String summaryText, List<SessionList.Line> next) {
        setText(folder, folderText);
        setText(summary, summaryText);
        if (!next.equals(lines)) {
            SessionSummary keep = selected();
            lines = List.copyOf(next);
            viewer.setInput(lines);
            if (keep != null) {
                for (SessionList.Line l : lines) {
                    if (Objects.equals(l.summary().file(), keep.file())) {
                        viewer.getTable().setSelection(lines.indexOf(l));
                    }
                }
            }
            enable();
        }
    }

    private void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
            label.setToolTipText(text);
            layout();
        }
    }

    private void enable() {
        boolean any = selected() != null;
        export.setEnabled(any);
        delete.setEnabled(any);
        exportItem.setEnabled(any);
        deleteItem.setEnabled(any);
        replay.setEnabled(any && canReplay);
    }

    /** The selected session, or {@code null}. */
    public SessionSummary selected() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof SessionList.Line l ? l.summary() : null;
    }

    /** Selects the session in line {@code index}. */
    public void select(int index) {
        viewer.getTable().setSelection(index);
        enable();
    }

    /** The lines shown. */
    public List<SessionList.Line> lines() {
        return lines;
    }

    public String folderText() {
        return folder.getText();
    }

    public String summaryText() {
        return summary.getText();
    }

    public TableViewer viewer() {
        return viewer;
    }

    @Override
    public boolean setFocus() {
        return viewer.getTable().setFocus();
    }
}
