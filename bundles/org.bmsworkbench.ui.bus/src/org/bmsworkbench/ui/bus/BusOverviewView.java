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
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
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
        columns.add(text.add(18, Row::bus));
        columns.add(text.add(8, Row::pack));
        columns.add(text.add(12, Row::state, Row::color));
        columns.add(text.add(12, Row::lastAnswer));
        columns.add(text.add(50, Row::detail));

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
        empty.setText(messages.overview_empty);
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
            rows.add(new Row(bus.busId(), "", messages.name(bus.status().state()),
                    StateColors.of(bus.status().state()), "", detail));
            for (PackView pack : bus.packs()) {
                String age = pack.sinceLastAnswer() == null ? messages.never
                        : Messages.format(messages.ago, Ages.format(pack.sinceLastAnswer()));
                rows.add(new Row("", Messages.format(messages.pack_row, pack.address()),
                        messages.name(pack.effectiveState()), StateColors.of(pack.effectiveState()), age, ""));
            }
        }
        return rows;
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
