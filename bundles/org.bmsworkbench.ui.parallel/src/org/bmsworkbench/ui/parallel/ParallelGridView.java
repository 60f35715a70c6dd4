package org.bmsworkbench.ui.parallel;

import java.util.Arrays;
import java.util.BitSet;

import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.ui.common.StateColors;
import org.bmsworkbench.ui.parallel.model.CellStatus;
import org.bmsworkbench.ui.parallel.model.PackColumn;
import org.bmsworkbench.ui.parallel.model.ParallelGrid;
import org.bmsworkbench.ui.parallel.model.ParallelGrid.Change;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.copy.command.CopyDataCommandHandler;
import org.eclipse.nebula.widgets.nattable.copy.command.CopyDataToClipboardCommand;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultColumnHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultRowHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.ILayer;
import org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell;
import org.eclipse.nebula.widgets.nattable.layer.event.ColumnStructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.layer.event.RowStructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectAllCommand;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.HorizontalAlignmentEnum;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * The parallel monitoring grid: a NatTable with one column per pack and one row per value of a
 * {@link ParallelGrid}. The column header (packs and their link state) and the row header (names with units)
 * stay in place while the body scrolls. Values are coloured through config labels: red for an alarm the pack
 * reports, orange for a value that cannot be right, grey for a pack that is not online. Ctrl+C (or the
 * context menu) copies the selected cells with their row and column titles as tab-separated text.
 * <p>
 * The table reads the grid model directly; {@link #show(Change)} repaints only the cells whose text or colour
 * changed when just values changed, and fires a structural refresh when rows or columns did.
 */
public final class ParallelGridView extends Composite {

    /** Config label of a value the pack's alarm or protection flags point at. */
    public static final String LABEL_ALARM = "bmsw.parallel.alarm";
    /** Config label of a value that cannot be right. */
    public static final String LABEL_OUT_OF_RANGE = "bmsw.parallel.outOfRange";
    /** Config label of every value of a pack that is stale or offline. */
    public static final String LABEL_STALE = "bmsw.parallel.stale";
    /** Config label of a value the pack did not report. */
    public static final String LABEL_ABSENT = "bmsw.parallel.absent";
    /** Config label of the values of the selected pack. */
    public static final String LABEL_SELECTED_PACK = "bmsw.parallel.selectedPack";
    /** Config label of every value cell (right-aligned numbers). */
    public static final String LABEL_VALUE = "bmsw.parallel.value";
    /** Config label of every row title (left-aligned names). */
    public static final String LABEL_ROW_NAME = "bmsw.parallel.rowName";
    /** Config labels of column titles. */
    public static final String LABEL_HEADER_STALE = "bmsw.parallel.header.stale";
    public static final String LABEL_HEADER_OFFLINE = "bmsw.parallel.header.offline";
    public static final String LABEL_HEADER_SELECTED = "bmsw.parallel.header.selected";

    public static final Color ALARM_BACKGROUND = new Color(0xf9, 0xd2, 0xd0);
    public static final Color ALARM_FOREGROUND = new Color(0xa5, 0x0e, 0x0e);
    public static final Color OUT_OF_RANGE_BACKGROUND = new Color(0xfe, 0xe4, 0xb8);
    public static final Color OUT_OF_RANGE_FOREGROUND = new Color(0x7a, 0x45, 0x00);
    public static final Color STALE_FOREGROUND = StateColors.OFFLINE;
    public static final Color SELECTED_BACKGROUND = new Color(0xec, 0xf3, 0xfe);
    public static final Color SELECTED_HEADER_BACKGROUND = new Color(0xd2, 0xe3, 0xfc);

    /** Width in pixels added to the widest text of a column, for the cell padding and the grid line. */
    private static final int PADDING = 20;
    private static final int MIN_COLUMN_WIDTH = 64;
    /** A value as wide as the widest the grid shows, to size the pack columns. */
    private static final String WIDEST_VALUE = "-0000.00";

    private final ParallelGrid grid;
    private Messages messages;
    private final Label summary;
    private final Label legend;
    private final Composite body;
    private final StackLayout bodyLayout = new StackLayout();
    private final Label empty;
    private final DataLayer bodyDataLayer;
    private final SelectionLayer selectionLayer;
    private final ViewportLayer viewportLayer;
    private final GridLayer gridLayer;
    private final DataLayer columnHeaderDataLayer;
    private final DataLayer rowHeaderDataLayer;
    private final DataLayer cornerDataLayer;
    private final NatTable natTable;
    private final MenuItem copyItem;
    private final MenuItem selectAllItem;
    private String[] rowNames = new String[0];
    /** Address and state of each column whose title the column widths were fitted to. */
    private int[] fittedTitles = new int[0];
    private int[] columnWidths = new int[0];
    private long structuralRefreshes;
    private long visualRefreshes;

    public ParallelGridView(Composite parent, Messages messages, ParallelGrid grid) {
        super(parent, SWT.NONE);
        this.messages = messages;
        this.grid = grid;
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 8;
        layout.marginHeight = 8;
        setLayout(layout);

        summary = new Label(this, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        legend = new Label(this, SWT.NONE);
        legend.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        body = new Composite(this, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        body.setLayout(bodyLayout);
        empty = new Label(body, SWT.WRAP);

        bodyDataLayer = new DataLayer(new BodyData());
        bodyDataLayer.setConfigLabelAccumulator((labels, column, row) -> {
            if (column < grid.columnCount() && row < grid.rowCount()) {
                String label = labelOf(grid.status(column, row));
                if (label != null) {
                    labels.addLabel(label);
                }
                if (grid.isSelected(column)) {
                    labels.addLabel(LABEL_SELECTED_PACK);
                }
            }
            labels.addLabel(LABEL_VALUE);
        });
        selectionLayer = new SelectionLayer(bodyDataLayer);
        viewportLayer = new ViewportLayer(selectionLayer);

        columnHeaderDataLayer = new DefaultColumnHeaderDataLayer(new ColumnTitles());
        columnHeaderDataLayer.setConfigLabelAccumulator((labels, column, row) -> {
            if (column < grid.columnCount()) {
                PackColumn pack = grid.column(column);
                if (pack.state() == PackLinkState.STALE) {
                    labels.addLabel(LABEL_HEADER_STALE);
                } else if (pack.state() == PackLinkState.OFFLINE || pack.state() == PackLinkState.HIBERNATING) {
                    labels.addLabel(LABEL_HEADER_OFFLINE);
                }
                if (grid.isSelected(column)) {
                    labels.addLabel(LABEL_HEADER_SELECTED);
                }
            }
        });
        ILayer columnHeaderLayer = new ColumnHeaderLayer(columnHeaderDataLayer, viewportLayer, selectionLayer);
        rowHeaderDataLayer = new DefaultRowHeaderDataLayer(new RowTitles());
        rowHeaderDataLayer.setConfigLabelAccumulator((labels, column, row) -> labels.addLabel(LABEL_ROW_NAME));
        ILayer rowHeaderLayer = new RowHeaderLayer(rowHeaderDataLayer, viewportLayer, selectionLayer);
        cornerDataLayer = new DataLayer(new CornerTitle());
        ILayer cornerLayer = new CornerLayer(cornerDataLayer, rowHeaderLayer, columnHeaderLayer);
        gridLayer = new GridLayer(viewportLayer, columnHeaderLayer, rowHeaderLayer, cornerLayer);
        // Above the selection layer, so that it takes the copy command before the selection layer's own
        // handler, which would leave the titles out.
        viewportLayer.registerCommandHandler(
                new CopyWithTitles(selectionLayer, columnHeaderDataLayer, rowHeaderDataLayer));

        natTable = new NatTable(body, gridLayer, false);
        natTable.addConfiguration(new DefaultNatTableStyleConfiguration());
        natTable.addConfiguration(new Styles());
        natTable.configure();
        natTable.getConfigRegistry().registerConfigAttribute(CellConfigAttributes.CELL_PAINTER,
                new ValuePainter(natTable.getConfigRegistry()), DisplayMode.NORMAL, LABEL_VALUE);

        Menu menu = new Menu(natTable);
        copyItem = new MenuItem(menu, SWT.PUSH);
        copyItem.addListener(SWT.Selection, e -> copy());
        selectAllItem = new MenuItem(menu, SWT.PUSH);
        selectAllItem.addListener(SWT.Selection, e -> selectAll());
        natTable.setMenu(menu);

        applyTexts();
        show(Change.ROWS_AND_COLUMNS);
    }

    /** Re-reads every translated text (after a language switch). */
    public void setMessages(Messages messages) {
        this.messages = messages;
        applyTexts();
        show(Change.ROWS_AND_COLUMNS);
    }

    private void applyTexts() {
        legend.setText(messages.grid_legend);
        empty.setText(messages.grid_empty);
        copyItem.setText(messages.menu_copy);
        selectAllItem.setText(messages.menu_selectAll);
        rowNames = new String[0];
    }

    /**
     * Shows the grid after {@link ParallelGrid#update}: a visual refresh for new values, a structural refresh
     * when rows or columns changed, nothing for {@link Change#NONE}. Display thread only.
     */
    public void show(Change change) {
        String text = grid.busId() == null ? messages.grid_title
                : (BusStatus.isReplayBus(grid.busId()) ? messages.grid_replay + "    " : "")
                        + Messages.format(messages.grid_summary, grid.busId(), grid.columnCount(),
                        grid.count(PackLinkState.ONLINE), grid.count(PackLinkState.STALE),
                        grid.count(PackLinkState.OFFLINE));
        if (!text.equals(summary.getText())) {
            summary.setText(text);
            layout();
        }
        Control top = grid.columnCount() == 0 ? empty : natTable;
        if (bodyLayout.topControl != top) {
            bodyLayout.topControl = top;
            body.layout();
        }
        boolean resized = fitColumns(change.columnsChanged());
        if (change.rowsChanged()) {
            fitRowTitles();
            rowHeaderDataLayer.fireLayerEvent(new RowStructuralRefreshEvent(rowHeaderDataLayer));
        }
        if (change.columnsChanged()) {
            columnHeaderDataLayer.fireLayerEvent(new ColumnStructuralRefreshEvent(columnHeaderDataLayer));
        }
        boolean columns = change.columnsChanged() || resized;
        if (change.rowsChanged()) {
            bodyDataLayer.fireLayerEvent(new RowStructuralRefreshEvent(bodyDataLayer));
        }
        if (columns) {
            bodyDataLayer.fireLayerEvent(new ColumnStructuralRefreshEvent(bodyDataLayer));
        }
        if (change.rowsChanged() || columns) {
            structuralRefreshes++;
        } else if (change == Change.VALUES) {
            redrawChanged();
            visualRefreshes++;
        }
    }

    /**
     * Repaints only the cells the last update changed (a whole column with its title when its state or the
     * selection changed). A layer event would make NatTable repaint the whole table, titles included, for every
     * refresh, although most values of a pack stay the same from one poll to the next.
     */
    private void redrawChanged() {
        if (bodyLayout.topControl != natTable) {
            return;
        }
        int columnsShown = natTable.getColumnCount();
        int rowsShown = natTable.getRowCount();
        int height = natTable.getClientArea().height;
        for (int c = 0; c < grid.columnCount(); c++) {
            if (!grid.columnChanged(c)) {
                continue;
            }
            int column = tablePosition(c, true);
            if (column < 0 || column >= columnsShown) {
                continue; // scrolled out of sight
            }
            int x = natTable.getStartXOfColumnPosition(column);
            int width = natTable.getColumnWidthByPosition(column);
            BitSet rows = grid.changedRows(c);
            if (rows == null) {
                natTable.redraw(x, 0, width, height, false);
                continue;
            }
            for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
                int row = tablePosition(r, false);
                if (row >= 0 && row < rowsShown) {
                    natTable.redraw(x, natTable.getStartYOfRowPosition(row), width,
                            natTable.getRowHeightByPosition(row), false);
                }
            }
        }
    }

    /** The table's column (or row) position of a body column (or row), -1 when it is scrolled out of sight. */
    private int tablePosition(int bodyPosition, boolean column) {
        // the selection layer neither hides nor reorders: its positions are the body's
        int inViewport = column ? viewportLayer.underlyingToLocalColumnPosition(selectionLayer, bodyPosition)
                : viewportLayer.underlyingToLocalRowPosition(selectionLayer, bodyPosition);
        if (inViewport < 0) {
            return -1;
        }
        return column ? gridLayer.underlyingToLocalColumnPosition(viewportLayer, inViewport)
                : gridLayer.underlyingToLocalRowPosition(viewportLayer, inViewport);
    }

    /**
     * Fits the width of each pack column to its title, which names the state of a pack that is not online.
     * Measures only when a title changed; within the same columns a width only grows, so that columns do not
     * jump back and forth while a pack comes and goes.
     *
     * @param fromScratch the columns changed: fit them anew, narrower if need be
     * @return whether a width changed
     */
    private boolean fitColumns(boolean fromScratch) {
        int n = grid.columnCount();
        int[] titles = new int[n];
        for (int i = 0; i < n; i++) {
            PackColumn pack = grid.column(i);
            titles[i] = pack.address() * PackLinkState.values().length + pack.state().ordinal();
        }
        if (!fromScratch && Arrays.equals(titles, fittedTitles)) {
            return false;
        }
        fittedTitles = titles;
        int[] widths = new int[n];
        GC gc = new GC(natTable);
        try {
            int value = gc.textExtent(WIDEST_VALUE).x;
            for (int i = 0; i < n; i++) {
                PackColumn pack = grid.column(i);
                int title = gc.textExtent(messages.columnName(pack.address(), pack.state())).x;
                widths[i] = Math.max(MIN_COLUMN_WIDTH, Math.max(value, title) + PADDING);
                if (!fromScratch && i < columnWidths.length) {
                    widths[i] = Math.max(widths[i], columnWidths[i]);
                }
            }
        } finally {
            gc.dispose();
        }
        if (Arrays.equals(widths, columnWidths)) {
            return false;
        }
        columnWidths = widths;
        for (int i = 0; i < n; i++) {
            bodyDataLayer.setColumnWidthByPosition(i, widths[i], false);
        }
        return true;
    }

    /** Names the rows and widens the row header to the longest name. */
    private void fitRowTitles() {
        String[] names = new String[grid.rowCount()];
        int widest = 0;
        GC gc = new GC(natTable);
        try {
            for (int i = 0; i < names.length; i++) {
                names[i] = messages.rowName(grid.row(i));
                widest = Math.max(widest, gc.textExtent(names[i]).x);
            }
        } finally {
            gc.dispose();
        }
        rowNames = names;
        int width = Math.max(MIN_COLUMN_WIDTH, widest + PADDING);
        if (rowHeaderDataLayer.getColumnWidthByPosition(0) != width) {
            rowHeaderDataLayer.setColumnWidthByPosition(0, width);
        }
    }

    private static String labelOf(CellStatus status) {
        return switch (status) {
            case ALARM -> LABEL_ALARM;
            case OUT_OF_RANGE -> LABEL_OUT_OF_RANGE;
            case STALE -> LABEL_STALE;
            case ABSENT -> LABEL_ABSENT;
            case NORMAL -> null;
        };
    }

    /** Copies the selected cells with their titles to the clipboard, tab-separated. */
    public void copy() {
        natTable.doCommand(new CopyDataToClipboardCommand("\t", System.lineSeparator(), natTable.getConfigRegistry()));
    }

    public void selectAll() {
        natTable.doCommand(new SelectAllCommand());
    }

    public NatTable natTable() {
        return natTable;
    }

    /** The body's data layer: positions are the grid's column and row indexes. */
    public DataLayer bodyDataLayer() {
        return bodyDataLayer;
    }

    public DataLayer columnHeaderDataLayer() {
        return columnHeaderDataLayer;
    }

    public DataLayer rowHeaderDataLayer() {
        return rowHeaderDataLayer;
    }

    public SelectionLayer selectionLayer() {
        return selectionLayer;
    }

    public String summaryText() {
        return summary.getText();
    }

    /** The model the table shows: its rows and columns as of the last {@link #show(Change)}. */
    public ParallelGrid grid() {
        return grid;
    }

    public boolean isShowingEmptyMessage() {
        return bodyLayout.topControl == empty;
    }

    /** Structural refreshes fired so far (rows or columns changed). */
    public long structuralRefreshes() {
        return structuralRefreshes;
    }

    /** Visual refreshes fired so far (only values changed). */
    public long visualRefreshes() {
        return visualRefreshes;
    }

    @Override
    public boolean setFocus() {
        // SWT moves focus while a shell is being disposed; the table may already be gone then.
        return !natTable.isDisposed() && natTable.setFocus();
    }

    /** The values: read from the grid model when the table paints or copies them. */
    private final class BodyData implements IDataProvider {
        @Override
        public Object getDataValue(int column, int row) {
            return column < grid.columnCount() && row < grid.rowCount() ? grid.text(column, row) : "";
        }

        @Override
        public void setDataValue(int column, int row, Object value) {
            throw new UnsupportedOperationException("the parallel grid is read-only");
        }

        @Override
        public int getColumnCount() {
            return grid.columnCount();
        }

        @Override
        public int getRowCount() {
            return grid.rowCount();
        }
    }

    /** Pack titles, with the link state of a pack that is not online. */
    private final class ColumnTitles implements IDataProvider {
        @Override
        public Object getDataValue(int column, int row) {
            if (column >= grid.columnCount()) {
                return "";
            }
            PackColumn pack = grid.column(column);
            return messages.columnName(pack.address(), pack.state());
        }

        @Override
        public void setDataValue(int column, int row, Object value) {
            throw new UnsupportedOperationException("column titles are read-only");
        }

        @Override
        public int getColumnCount() {
            return grid.columnCount();
        }

        @Override
        public int getRowCount() {
            return 1;
        }
    }

    /** Row names with units. */
    private final class RowTitles implements IDataProvider {
        @Override
        public Object getDataValue(int column, int row) {
            String[] names = rowNames;
            if (row < names.length) {
                return names[row];
            }
            return row < grid.rowCount() ? messages.rowName(grid.row(row)) : "";
        }

        @Override
        public void setDataValue(int column, int row, Object value) {
            throw new UnsupportedOperationException("row titles are read-only");
        }

        @Override
        public int getColumnCount() {
            return 1;
        }

        @Override
        public int getRowCount() {
            return grid.rowCount();
        }
    }

    private final class CornerTitle implements IDataProvider {
        @Override
        public Object getDataValue(int column, int row) {
            return messages.corner_name;
        }

        @Override
        public void setDataValue(int column, int row, Object value) {
            throw new UnsupportedOperationException("the corner title is read-only");
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

    /** NatTable's copy with the row and column titles, the corner title included; nothing when nothing is selected. */
    private final class CopyWithTitles extends CopyDataCommandHandler {

        CopyWithTitles(SelectionLayer selection, ILayer columnTitles, ILayer rowTitles) {
            super(selection, columnTitles, rowTitles);
        }

        @Override
        public boolean doCommand(CopyDataToClipboardCommand command) {
            if (selectionLayer.getSelectedCellPositions().length == 0) {
                return true;
            }
            return super.doCommand(command);
        }

        @Override
        protected ILayerCell[][] assembleColumnHeaders() {
            ILayerCell[][] cells = super.assembleColumnHeaders();
            if (cells.length > 0 && cells[0].length > 0) {
                cells[0][0] = cornerDataLayer.getCellByPosition(0, 0);
            }
            return cells;
        }
    }

    /**
     * Paints a value cell: the background and the text right-aligned, in the colours the config labels give (the
     * same as {@link Styles}), from a table of text widths, without NatTable's style lookups per attribute and
     * label. A table of 16 packs repaints hundreds of such cells ten times a second. Selected cells (few) are painted
     * from the registry's style, as NatTable would.
     */
    private static final class ValuePainter extends org.eclipse.nebula.widgets.nattable.painter.cell.AbstractCellPainter {
        private static final int MARGIN = 5;
        private final Color background;
        private final Color foreground;
        private final org.eclipse.swt.graphics.Font font;
        private final java.util.Map<String, Integer> widths = new java.util.HashMap<>();
        private int textHeight = -1;

        ValuePainter(IConfigRegistry registry) {
            org.eclipse.nebula.widgets.nattable.style.IStyle normal = registry
                    .getConfigAttribute(CellConfigAttributes.CELL_STYLE, DisplayMode.NORMAL);
            background = normal.getAttributeValue(CellStyleAttributes.BACKGROUND_COLOR);
            foreground = normal.getAttributeValue(CellStyleAttributes.FOREGROUND_COLOR);
            font = normal.getAttributeValue(CellStyleAttributes.FONT);
        }

        @Override
        public void paintCell(ILayerCell cell, GC gc, org.eclipse.swt.graphics.Rectangle bounds,
                IConfigRegistry registry) {
            Color bg;
            Color fg;
            if (cell.getDisplayMode() == DisplayMode.NORMAL) {
                org.eclipse.nebula.widgets.nattable.layer.LabelStack labels = cell.getConfigLabels();
                if (labels.hasLabel(LABEL_ALARM)) {
                    bg = ALARM_BACKGROUND;
                    fg = ALARM_FOREGROUND;
                } else if (labels.hasLabel(LABEL_OUT_OF_RANGE)) {
                    bg = OUT_OF_RANGE_BACKGROUND;
                    fg = OUT_OF_RANGE_FOREGROUND;
                } else {
                    bg = labels.hasLabel(LABEL_SELECTED_PACK) ? SELECTED_BACKGROUND : background;
                    fg = labels.hasLabel(LABEL_STALE) ? STALE_FOREGROUND : foreground;
                }
            } else {
                org.eclipse.nebula.widgets.nattable.style.IStyle style = org.eclipse.nebula.widgets.nattable.style.CellStyleUtil
                        .getCellStyle(cell, registry);
                bg = style.getAttributeValue(CellStyleAttributes.BACKGROUND_COLOR);
                fg = style.getAttributeValue(CellStyleAttributes.FOREGROUND_COLOR);
            }
            if (bg != null) {
                gc.setBackground(bg);
                gc.fillRectangle(bounds);
            }
            Object value = cell.getDataValue();
            String text = value == null ? "" : value.toString();
            if (text.isEmpty()) {
                return;
            }
            if (font != null) {
                gc.setFont(font);
            }
            if (textHeight < 0) {
                textHeight = gc.getFontMetrics().getHeight();
            }
            Integer width = widths.get(text);
            if (width == null) {
                width = gc.textExtent(text).x;
                if (widths.size() > 50_000) {
                    widths.clear();
                }
                widths.put(text, width);
            }
            gc.setForeground(fg == null ? foreground : fg);
            gc.drawString(text, bounds.x + bounds.width - MARGIN - width, bounds.y + (bounds.height - textHeight) / 2,
                    true);
        }

        @Override
        public int getPreferredWidth(ILayerCell cell, GC gc, IConfigRegistry registry) {
            Object value = cell.getDataValue();
            return (value == null ? 0 : gc.textExtent(value.toString()).x) + 2 * MARGIN;
        }

        @Override
        public int getPreferredHeight(ILayerCell cell, GC gc, IConfigRegistry registry) {
            return gc.getFontMetrics().getHeight() + 4;
        }
    }

    /**
     * Colours of the config labels, right-aligned numbers and left-aligned names. Each style sets only its own
     * attributes and is registered under this view's labels, so NatTable's header and body styles stay as they
     * are for everything else.
     */
    private static final class Styles extends AbstractRegistryConfiguration {
        @Override
        public void configureRegistry(IConfigRegistry registry) {
            register(registry, LABEL_ALARM, ALARM_BACKGROUND, ALARM_FOREGROUND);
            register(registry, LABEL_OUT_OF_RANGE, OUT_OF_RANGE_BACKGROUND, OUT_OF_RANGE_FOREGROUND);
            register(registry, LABEL_STALE, null, STALE_FOREGROUND);
            register(registry, LABEL_SELECTED_PACK, SELECTED_BACKGROUND, null);
            register(registry, LABEL_HEADER_STALE, null, StateColors.STALE);
            register(registry, LABEL_HEADER_OFFLINE, null, StateColors.OFFLINE);
            register(registry, LABEL_HEADER_SELECTED, SELECTED_HEADER_BACKGROUND, null);
            Style numbers = new Style();
            numbers.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.RIGHT);
            registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, numbers, DisplayMode.NORMAL,
                    LABEL_VALUE);
            Style names = new Style();
            names.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.LEFT);
            registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, names, DisplayMode.NORMAL,
                    LABEL_ROW_NAME);
        }

        private static void register(IConfigRegistry registry, String label, Color background, Color foreground) {
            Style style = new Style();
            if (background != null) {
                style.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, background);
            }
            if (foreground != null) {
                style.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, foreground);
            }
            registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, style, DisplayMode.NORMAL, label);
        }
    }
}
