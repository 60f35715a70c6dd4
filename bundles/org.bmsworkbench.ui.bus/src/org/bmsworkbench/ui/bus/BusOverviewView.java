package org.bmsworkbench.ui.bus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.core.Ages;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.Overview;
import org.bmsworkbench.core.bus.PackView;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.ui.common.StateColors;
import org.bmsworkbench.ui.common.TextColumns;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

/** Every bus and each of its packs with link state and the age of the last good answer. */
public final class BusOverviewView extends Composite {

    /** One table line: a bus, or a pack on the bus above it. */
    public record Row(String bus, String pack, String state, Color color, String lastAnswer, String detail) {
    }

    private Messages messages;
    private final Label summary;
    private final Composite body;
    private final StackLayout bodyLayout = new StackLayout();
    private final Label empty;
    private final Composite tableHolder;
    private final TableViewer viewer;
    private final List<TableViewerColumn> columns = new ArrayList<>();
    private final Font bold;
    private final TableColumnLayout columnLayout;
    /** Bus, pack, state, last good answer, detail: the detail gets what is left, never less than its title. */
    private static final int[] WEIGHTS = { 16, 7, 12, 15, 50 };
    private static final List<java.util.function.Function<Row, String>> CELLS = List.of(Row::bus, Row::pack,
            Row::state, Row::lastAnswer, Row::detail);
    private Overview shown;

    public BusOverviewView(Composite parent, Messages messages) {
        super(parent, SWT.NONE);
        this.messages = messages;
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 8;
        layout.marginHeight = 8;
        setLayout(layout);

        summary = new Label(this, SWT.NONE);
        FontData[] data = summary.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(getDisplay(), data);
        summary.setFont(bold);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        body = new Composite(this, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(bodyLayout);

        empty = new Label(body, SWT.WRAP);

        tableHolder = new Composite(body, SWT.NONE);
        TableColumnLayout columnLayout = new TableColumnLayout();
        tableHolder.setLayout(columnLayout);
        viewer = new TableViewer(tableHolder, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TextColumns<Row> text = new TextColumns<>(viewer, columnLayout, Row.class);
        this.columnLayout = columnLayout;
        for (int i = 0; i < WEIGHTS.length; i++) {
            columns.add(i == 2 ? text.add(WEIGHTS[i], Row::state, Row::color) : text.add(WEIGHTS[i], CELLS.get(i)));
        }
        CutCellToolTips.install(viewer.getTable());

        addDisposeListener(e -> bold.dispose());
        applyTexts();
        show(new Overview(0, Instant.EPOCH, List.of()));
    }

    /** Re-reads every translated text (after a language switch). */
    public void setMessages(Messages messages) {
        this.messages = messages;
        applyTexts();
        if (shown != null) {
            show(shown);
        }
    }

    private void applyTexts() {
        String[] titles = { messages.column_bus, messages.column_pack, messages.column_state,
                messages.column_lastAnswer, messages.column_detail };
        for (int i = 0; i < titles.length; i++) {
            columns.get(i).getColumn().setText(titles[i]);
        }
        fitTitles(viewer.getTable(), columnLayout, columns, WEIGHTS);
        empty.setText(messages.overview_empty);
    }

    /** Each column at least as wide as its title (and the state column as "Reconnecting"), titles as tooltips. */
    static void fitTitles(Table table, TableColumnLayout layout, List<TableViewerColumn> columns, int[] weights) {
        GC gc = new GC(table);
        try {
            for (int i = 0; i < columns.size(); i++) {
                int title = gc.textExtent(columns.get(i).getColumn().getText()).x + 2 * CutCellToolTips.PADDING;
                layout.setColumnData(columns.get(i).getColumn(),
                        new ColumnWeightData(weights[i], Math.max(60, title), true));
            }
        } finally {
            gc.dispose();
        }
        CutCellToolTips.titleTips(table);
        table.getParent().layout(true);
    }

    /** The whole text of the cell at {@code p} when it is cut, otherwise null: the cell's tooltip. */
    public String toolTipAt(org.eclipse.swt.graphics.Point p) {
        return CutCellToolTips.toolTipAt(viewer.getTable(), p);
    }

    /** Shows {@code overview}; called at most once per frame by the part. */
    public void show(Overview overview) {
        shown = overview;
        List<Row> rows = rows(overview);
        if (overview.buses().isEmpty()) {
            summary.setText(messages.overview_title);
            bodyLayout.topControl = empty;
        } else {
            summary.setText(Messages.format(messages.overview_summary, overview.openBuses(), overview.buses().size(),
                    overview.packs(PackLinkState.ONLINE), overview.totalPacks()));
            bodyLayout.topControl = tableHolder;
        }
        viewer.setInput(rows);
        body.layout();
        layout();
    }

    /** The lines to show for {@code overview}, in order. */
    public List<Row> rows(Overview overview) {
        List<Row> rows = new ArrayList<>();
        for (BusView bus : overview.buses()) {
            String detail = Messages.format(messages.bus_row, messages.busLabel(bus.status()),
                    bus.status().protocol(), bus.status().detail()).trim();
            ShownBusState state = ShownBusState.of(bus.status().state(), bus.status().detail());
            rows.add(new Row(bus.busId(), "", messages.name(state), color(state), "", detail));
            for (PackView pack : bus.packs()) {
                String age = pack.sinceLastAnswer() == null ? messages.never
                        : Messages.format(messages.ago, Ages.format(pack.sinceLastAnswer()));
                rows.add(new Row("", Messages.format(messages.pack_row, pack.address()),
                        messages.name(pack.effectiveState()), StateColors.of(pack.effectiveState()), age, ""));
            }
        }
        return rows;
    }

    /** Red only for a bus given up; amber for one being reopened. */
    static Color color(ShownBusState state) {
        return switch (state) {
            case OPEN -> StateColors.ONLINE;
            case RETRYING, OPENING -> StateColors.STALE;
            case FAILED -> StateColors.FAILED;
            case CLOSED -> StateColors.OFFLINE;
        };
    }

    /** The overview last shown. */
    public Overview shown() {
        return shown;
    }

    public Table table() {
        return viewer.getTable();
    }

    public String summaryText() {
        return summary.getText();
    }

    public boolean isShowingEmptyMessage() {
        return bodyLayout.topControl == empty;
    }

    @Override
    public boolean setFocus() {
        // SWT moves focus while a shell is being disposed; the table may already be gone then.
        Table table = viewer.getTable();
        return !table.isDisposed() && table.setFocus();
    }
}
