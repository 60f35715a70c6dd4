package org.bmsworkbench.ui.record;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.RecordedRow;
import org.bmsworkbench.ui.record.model.AutoScroll;
import org.bmsworkbench.ui.record.model.RecordColumns;
import org.bmsworkbench.ui.record.model.SessionPages;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.coordinate.Range;
import org.eclipse.nebula.widgets.nattable.copy.command.CopyDataToClipboardCommand;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.freeze.CompositeFreezeLayer;
import org.eclipse.nebula.widgets.nattable.freeze.FreezeLayer;
import org.eclipse.nebula.widgets.nattable.freeze.command.FreezeColumnCommand;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultColumnHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultRowHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.ILayer;
import org.eclipse.nebula.widgets.nattable.layer.event.ColumnStructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.layer.event.RowInsertEvent;
import org.eclipse.nebula.widgets.nattable.layer.event.RowStructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.HorizontalAlignmentEnum;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.nebula.widgets.nattable.viewport.event.ScrollEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * The Real-time Data page (manual page 3): one tab per recorded pack of a bus (PackNo.01 ...), each a NatTable
 * with one row per recorded snapshot and the manual's columns. The tables read their rows from the session file
 * through {@link SessionPages} when they paint, so they hold a few pages, never the session. New rows are announced
 * to NatTable with a {@link RowInsertEvent}; while the last row is in sight the table follows the newest row
 * ({@link AutoScroll}). Data Clearance hides the rows recorded so far from this view only.
 */
public final class RealtimeDataView extends Composite {

    /** What the context menu asks the part to do. */
    public interface Actions {
        /** Data Export of {@code pack}, with all the session's packs to choose from. */
        void export(RecordedPack pack, List<RecordedPack> all);
    }

    /**
     * What to show.
     *
     * @param title  the line above the tabs
     * @param empty  the text shown instead of the tabs when there are no packs
     * @param packs  the packs of the bus in the session, by address
     * @param counts the rows each pack has in the file, same order
     */
    public record Content(String title, String empty, List<RecordedPack> packs, long[] counts) {
    }

    /** Config label of the cells that hold numbers (right-aligned). */
    public static final String LABEL_NUMBER = "bmsw.record.number";

    /** Columns that do not scroll sideways: PackNo and Time. */
    private static final int FROZEN_COLUMNS = 2;

    private static final int PADDING = 16;
    private static final int MIN_WIDTH = 56;

    private final SessionPages pages;
    private final ZoneId zone;
    private final Actions actions;
    private Messages messages;
    private final Label title;
    private final Label status;
    private final Composite body;
    private final StackLayout bodyLayout = new StackLayout();
    private final Label empty;
    private final CTabFolder folder;
    private final Map<Long, PackTab> tabs = new LinkedHashMap<>();
    private List<RecordedPack> allPacks = List.of();
    private long rowEvents;

    public RealtimeDataView(Composite parent, Messages messages, SessionPages pages, ZoneId zone, Actions actions) {
        super(parent, SWT.NONE);
        this.messages = messages;
        this.pages = pages;
        this.zone = zone;
        this.actions = actions;
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 8;
        layout.marginHeight = 8;
        setLayout(layout);
        title = new Label(this, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status = new Label(this, SWT.NONE);
        status.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        body = new Composite(this, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        body.setLayout(bodyLayout);
        empty = new Label(body, SWT.WRAP);
        folder = new CTabFolder(body, SWT.BORDER | SWT.BOTTOM);
        folder.addListener(SWT.Selection, e -> {
            PackTab tab = selected();
            if (tab != null) {
                tab.catchUp();
            }
            updateStatus();
        });
        bodyLayout.topControl = empty;
    }

    /** Shows new content: tabs for new packs, new rows in each table. Display thread only. */
    public void show(Content content) {
        setText(title, content.title());
        setText(empty, content.empty());
        allPacks = content.packs();
        List<Long> ids = new ArrayList<>();
        for (RecordedPack p : content.packs()) {
            ids.add(p.id());
        }
        if (!ids.equals(new ArrayList<>(tabs.keySet()))) {
            rebuildTabs(content.packs());
        }
        for (int i = 0; i < content.packs().size(); i++) {
            tabs.get(content.packs().get(i).id()).setCount(content.counts()[i]);
        }
        Control top = tabs.isEmpty() ? empty : folder;
        if (bodyLayout.topControl != top) {
            bodyLayout.topControl = top;
            body.layout();
        }
        updateStatus();
    }

    private void rebuildTabs(List<RecordedPack> packs) {
        // by address: another session file numbers its packs anew
        int selectedAddress = selected() == null ? -1 : selected().pack.address();
        Map<Long, PackTab> old = new LinkedHashMap<>(tabs);
        tabs.clear();
        for (PackTab t : old.values()) {
            t.dispose();
        }
        PackTab select = null;
        for (RecordedPack p : packs) {
            PackTab t = new PackTab(p);
            tabs.put(p.id(), t);
            if (select == null || p.address() == selectedAddress) {
                select = t;
            }
        }
        if (select != null) {
            folder.setSelection(select.item);
        }
    }

    /** Re-reads every translated text (after a language switch). */
    public void setMessages(Messages messages) {
        this.messages = messages;
        for (PackTab t : tabs.values()) {
            t.relabel();
        }
        updateStatus();
    }

    private void updateStatus() {
        PackTab tab = selected();
        String text = "";
        if (tab != null && bodyLayout.topControl == folder) {
            text = Messages.format(messages.data_rows, String.format("%,d", tab.shown));
            if (tab.offset > 0) {
                text += "    " + Messages.format(messages.data_cleared, String.format("%,d", tab.offset));
            }
            text += "    " + (tab.follow.following() ? messages.data_following : messages.data_notFollowing);
            if (!pages.error().isEmpty()) {
                text += "    " + Messages.format(messages.data_readFailed, pages.error());
            }
        }
        setText(status, text);
    }

    private void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
            layout();
        }
    }

    private static boolean numeric(RecordColumns.Kind kind) {
        return kind == RecordColumns.Kind.QUANTITY || kind == RecordColumns.Kind.TEMPERATURE
                || kind == RecordColumns.Kind.CELL;
    }

    private PackTab selected() {
        if (folder.isDisposed()) {
            return null;
        }
        CTabItem item = folder.getSelection();
        return item == null || item.isDisposed() ? null : (PackTab) item.getData();
    }

    /** The tab of the pack with this key, or {@code null}. */
    public NatTable table(long packId) {
        PackTab t = tabs.get(packId);
        return t == null ? null : t.natTable;
    }

    /** The selected tab's table, or {@code null}. */
    public NatTable selectedTable() {
        PackTab t = selected();
        return t == null ? null : t.natTable;
    }

    /** The tab titles, in order. */
    public List<String> tabTitles() {
        List<String> titles = new ArrayList<>();
        for (CTabItem item : folder.getItems()) {
            titles.add(item.getText());
        }
        return titles;
    }

    /** Selects the tab of a pack. */
    public void select(long packId) {
        PackTab t = tabs.get(packId);
        if (t != null) {
            folder.setSelection(t.item);
            t.catchUp();
            updateStatus();
        }
    }

    /** Data Clearance of the selected tab: its rows so far leave the view (not the recording). */
    public void clearSelected() {
        PackTab t = selected();
        if (t != null) {
            t.clear();
        }
        updateStatus();
    }

    /** Shows the selected tab's cleared rows again. */
    public void restoreSelected() {
        PackTab t = selected();
        if (t != null) {
            t.restore();
        }
        updateStatus();
    }

    /** Whether the selected tab follows the newest row. */
    public boolean following() {
        PackTab t = selected();
        return t != null && t.follow.following();
    }

    /** The body's data layer of the selected tab (positions are rows shown and columns). */
    public DataLayer selectedBody() {
        PackTab t = selected();
        return t == null ? null : t.bodyData;
    }

    /** The column header layer of the selected tab. */
    public DataLayer selectedHeader() {
        PackTab t = selected();
        return t == null ? null : t.headerData;
    }

    /** The viewport of the selected tab. */
    public ViewportLayer selectedViewport() {
        PackTab t = selected();
        return t == null ? null : t.viewport;
    }

    public String titleText() {
        return title.getText();
    }

    public String statusText() {
        return status.getText();
    }

    public boolean isShowingEmptyMessage() {
        return bodyLayout.topControl == empty;
    }

    public String emptyText() {
        return empty.getText();
    }

    /** Row insertions and refreshes fired so far, all tabs together. */
    public long rowEvents() {
        return rowEvents;
    }

    @Override
    public boolean setFocus() {
        if (isDisposed()) {
            return false;
        }
        PackTab t = selected();
        return t != null && !t.natTable.isDisposed() ? t.natTable.setFocus() : super.setFocus();
    }

    /** One pack's tab: its table, its rows so far and its cleared offset. */
    private final class PackTab {
        final RecordedPack pack;
        final RecordColumns columns;
        final CTabItem item;
        final DataLayer bodyData;
        final DataLayer headerData;
        final DataLayer rowHeaderData;
        final SelectionLayer selection;
        final ViewportLayer viewport;
        final NatTable natTable;
        final AutoScroll follow = new AutoScroll();
        final MenuItem exportItem;
        final MenuItem clearItem;
        final MenuItem restoreItem;
        final MenuItem copyItem;
        /** Rows of the pack in the file. */
        long count;
        /** Sequence numbers up to this one were cleared from the view. */
        long offset;
        /** Rows the table has: count - offset. */
        int shown;
        /** The newest row is to be scrolled into sight when the table is first painted. */
        boolean scrollPending;

        PackTab(RecordedPack pack) {
            this.pack = pack;
            this.columns = new RecordColumns(pack.temps(), pack.cells(), zone);
            bodyData = new DataLayer(new Body());
            selection = new SelectionLayer(bodyData);
            viewport = new ViewportLayer(selection);
            // PackNo and Time stay in place while the values scroll sideways
            CompositeFreezeLayer frozen = new CompositeFreezeLayer(new FreezeLayer(selection), viewport, selection);
            headerData = new DefaultColumnHeaderDataLayer(new Headers());
            ILayer header = new ColumnHeaderLayer(headerData, frozen, selection);
            rowHeaderData = new DefaultRowHeaderDataLayer(new RowNumbers());
            ILayer rowHeader = new RowHeaderLayer(rowHeaderData, frozen, selection);
            ILayer corner = new CornerLayer(new DataLayer(new Corner()), rowHeader, header);
            GridLayer grid = new GridLayer(frozen, header, rowHeader, corner);
            natTable = new NatTable(folder, grid, false);
            natTable.addConfiguration(new DefaultNatTableStyleConfiguration());
            natTable.configure();
            frozen.doCommand(new FreezeColumnCommand(frozen, FROZEN_COLUMNS - 1));
            bodyData.setConfigLabelAccumulator((labels, column, row) -> {
                if (column < columns.size() && numeric(columns.get(column).kind())) {
                    labels.addLabel(LABEL_NUMBER);
                }
            });
            Style numbers = new Style();
            numbers.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.RIGHT);
            natTable.getConfigRegistry().registerConfigAttribute(CellConfigAttributes.CELL_STYLE, numbers,
                    DisplayMode.NORMAL, LABEL_NUMBER);
            viewport.addLayerListener(event -> {
                if (event instanceof ScrollEvent) {
                    follow.viewportMoved(lastVisibleRow(), shown);
                    updateStatus();
                }
            });
            Menu menu = new Menu(natTable);
            exportItem = new MenuItem(menu, SWT.PUSH);
            exportItem.addListener(SWT.Selection, e -> actions.export(pack, allPacks));
            new MenuItem(menu, SWT.SEPARATOR);
            clearItem = new MenuItem(menu, SWT.PUSH);
            clearItem.addListener(SWT.Selection, e -> {
                clear();
                updateStatus();
            });
            restoreItem = new MenuItem(menu, SWT.PUSH);
            restoreItem.addListener(SWT.Selection, e -> {
                restore();
                updateStatus();
            });
            new MenuItem(menu, SWT.SEPARATOR);
            copyItem = new MenuItem(menu, SWT.PUSH);
            copyItem.addListener(SWT.Selection, e -> natTable.doCommand(
                    new CopyDataToClipboardCommand("\t", System.lineSeparator(), natTable.getConfigRegistry())));
            menu.addListener(SWT.Show, e -> restoreItem.setEnabled(offset > 0));
            // a table that was hidden or had no size yet shows the newest row once it can
            natTable.addListener(SWT.Resize, e -> catchUp());
            natTable.addListener(SWT.Paint, e -> {
                if (scrollPending) {
                    scrollPending = false;
                    catchUp();
                }
            });
            natTable.setMenu(menu);
            item = new CTabItem(folder, SWT.NONE);
            item.setText(pack.packName());
            item.setControl(natTable);
            item.setData(this);
            relabel();
        }

        void relabel() {
            exportItem.setText(messages.menu_export);
            clearItem.setText(messages.menu_clear);
            restoreItem.setText(messages.menu_restore);
            copyItem.setText(messages.menu_copy);
            fitColumns();
            headerData.fireLayerEvent(new ColumnStructuralRefreshEvent(headerData));
            natTable.redraw();
        }

        /** Widths from the headers and the widest value each column is expected to show. */
        private void fitColumns() {
            GC gc = new GC(natTable);
            try {
                int time = gc.textExtent("2026-12-31 23:59:59").x;
                int number = gc.textExtent("-00000.00").x;
                for (int c = 0; c < columns.size(); c++) {
                    RecordColumns.Column col = columns.get(c);
                    int value = switch (col.kind()) {
                        case TIME -> time;
                        case ALARMS -> gc.textExtent("Cell over-voltage alarm, Pack under-voltage").x;
                        case PACK -> gc.textExtent("PackNo.00").x;
                        default -> number;
                    };
                    int width = Math.max(MIN_WIDTH, Math.max(value, gc.textExtent(messages.header(col)).x) + PADDING);
                    bodyData.setColumnWidthByPosition(c, width, false);
                }
                rowHeaderData.setColumnWidthByPosition(0, gc.textExtent("0000000").x + PADDING, false);
            } finally {
                gc.dispose();
            }
            bodyData.fireLayerEvent(new ColumnStructuralRefreshEvent(bodyData));
        }

        private int lastVisibleRow() {
            return viewport.getOriginRowPosition() + viewport.getRowCount() - 1;
        }

        void setCount(long fileCount) {
            if (fileCount < offset) {
                offset = 0; // the file was replaced by one with fewer rows: nothing of it was cleared
            }
            count = fileCount;
            int next = (int) Math.min(Integer.MAX_VALUE, count - offset);
            if (next == shown) {
                return;
            }
            int old = shown;
            if (next > old) {
                boolean scroll = follow.rowsAdded(old, next);
                shown = next;
                bodyData.fireLayerEvent(new RowInsertEvent(bodyData, new Range(old, next)));
                rowHeaderData.fireLayerEvent(new RowInsertEvent(rowHeaderData, new Range(old, next)));
                if (scroll) {
                    scrollToEnd();
                }
            } else {
                shown = next;
                follow.reset();
                refreshRows();
            }
            rowEvents++;
        }

        /** After being hidden: a following table shows the newest row. */
        void catchUp() {
            if (follow.following() && shown > 0) {
                scrollToEnd();
            }
        }

        private void scrollToEnd() {
            if (shown <= 0) {
                return;
            }
            if (natTable.isVisible() && natTable.getClientArea().height > 0) {
                viewport.moveRowPositionIntoViewport(shown - 1);
            } else {
                scrollPending = true;
            }
        }

        void clear() {
            offset = count;
            shown = 0;
            follow.reset();
            refreshRows();
        }

        void restore() {
            offset = 0;
            shown = (int) Math.min(Integer.MAX_VALUE, count);
            follow.reset();
            refreshRows();
            catchUp();
        }

        private void refreshRows() {
            selection.clear();
            bodyData.fireLayerEvent(new RowStructuralRefreshEvent(bodyData));
            rowHeaderData.fireLayerEvent(new RowStructuralRefreshEvent(rowHeaderData));
            rowEvents++;
        }

        void dispose() {
            item.dispose();
            natTable.dispose();
        }

        private final class Body implements IDataProvider {
            @Override
            public Object getDataValue(int column, int row) {
                if (column >= columns.size() || row >= shown) {
                    return "";
                }
                RecordedRow r = pages.row(pack.id(), offset + 1 + row, count);
                return r == null ? "" : columns.text(column, r.snapshot(), messages::flag);
            }

            @Override
            public void setDataValue(int column, int row, Object value) {
                throw new UnsupportedOperationException("recorded rows are read-only");
            }

            @Override
            public int getColumnCount() {
                return columns.size();
            }

            @Override
            public int getRowCount() {
                return shown;
            }
        }

        private final class Headers implements IDataProvider {
            @Override
            public Object getDataValue(int column, int row) {
                return column < columns.size() ? messages.header(columns.get(column)) : "";
            }

            @Override
            public void setDataValue(int column, int row, Object value) {
                throw new UnsupportedOperationException("headers are read-only");
            }

            @Override
            public int getColumnCount() {
                return columns.size();
            }

            @Override
            public int getRowCount() {
                return 1;
            }
        }

        /** The row's sequence number in the pack's recording. */
        private final class RowNumbers implements IDataProvider {
            @Override
            public Object getDataValue(int column, int row) {
                return Long.toString(offset + 1 + row);
            }

            @Override
            public void setDataValue(int column, int row, Object value) {
                throw new UnsupportedOperationException("row numbers are read-only");
            }

            @Override
            public int getColumnCount() {
                return 1;
            }

            @Override
            public int getRowCount() {
                return shown;
            }
        }

        private final class Corner implements IDataProvider {
            @Override
            public Object getDataValue(int column, int row) {
                return messages.corner_row;
            }

            @Override
            public void setDataValue(int column, int row, Object value) {
                throw new UnsupportedOperationException("the corner is read-only");
            }

            @Override
            public int getColumnCount() {
                return 1;
            }

            @Override
            public int getRowCount() {
                return 1;
            }
        }
    }
}
