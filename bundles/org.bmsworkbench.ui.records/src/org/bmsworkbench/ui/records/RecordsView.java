package org.bmsworkbench.ui.records;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.records.ReadProgress;
import org.bmsworkbench.records.RecordKind;
import org.bmsworkbench.records.RecordTable;
import org.bmsworkbench.records.RecordTable.Column;
import org.bmsworkbench.records.RecordTable.ColumnRef;
import org.bmsworkbench.records.RecordTable.Row;
import org.bmsworkbench.records.RecordTable.TypeFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The Data Record or Alarm Record page: Read, Read new, Stop, Delete and Export; a filter by time range (and, for
 * alarm records, by type); a progress bar with records/s and time left; and a virtual table of the records, sorted
 * by the column whose header was clicked. Damaged records are shown in red with the reason in the Note column,
 * records of a board whose clock was never set in orange.
 */
public final class RecordsView extends Composite {

    /** What the buttons ask of the part. */
    public interface Actions {
        void read(boolean onlyNew);

        void stop();

        void delete();

        void export();

        void filter(LocalDateTime from, LocalDateTime to, TypeFilter type);
    }

    private static final Color DAMAGED = new Color(0xc5, 0x22, 0x1f);
    private static final Color FLAGGED = new Color(0xb0, 0x5a, 0x00);
    private static final TypeFilter[] TYPES = TypeFilter.values();

    private final RecordKind kind;
    private final Actions actions;
    private Messages m;
    private RecordTable table;
    private List<ColumnRef> columns = List.of();
    private final Label title;
    private final Button read;
    private final Button readNew;
    private final Button stop;
    private final Button delete;
    private final Button export;
    private final Label fromLabel;
    private final Text from;
    private final Label toLabel;
    private final Text to;
    private final Label typeLabel;
    private final Combo type;
    private final Button apply;
    private final ProgressBar bar;
    private final Label status;
    private final Label shown;
    private final Table grid;
    private String statusText = "";

    public RecordsView(Composite parent, Messages messages, RecordKind kind, Actions actions) {
        super(parent, SWT.NONE);
        this.kind = kind;
        this.actions = actions;
        this.m = messages;
        setLayout(new GridLayout(1, false));

        title = new Label(this, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Composite buttons = new Composite(this, SWT.NONE);
        buttons.setLayout(new GridLayout(13, false));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        read = button(buttons, () -> actions.read(false));
        readNew = button(buttons, () -> actions.read(true));
        stop = button(buttons, actions::stop);
        delete = button(buttons, actions::delete);
        export = button(buttons, actions::export);
        fromLabel = new Label(buttons, SWT.NONE);
        from = new Text(buttons, SWT.BORDER);
        from.setLayoutData(new GridData(150, SWT.DEFAULT));
        toLabel = new Label(buttons, SWT.NONE);
        to = new Text(buttons, SWT.BORDER);
        to.setLayoutData(new GridData(150, SWT.DEFAULT));
        typeLabel = new Label(buttons, SWT.NONE);
        type = new Combo(buttons, SWT.READ_ONLY);
        type.setLayoutData(new GridData(130, SWT.DEFAULT));
        apply = button(buttons, this::applyFilter);
        from.addListener(SWT.DefaultSelection, e -> applyFilter());
        to.addListener(SWT.DefaultSelection, e -> applyFilter());
        type.addListener(SWT.Selection, e -> applyFilter());
        if (kind != RecordKind.ALARM) {
            typeLabel.setVisible(false);
            type.setVisible(false);
            ((GridData) layoutData(typeLabel)).exclude = true;
            ((GridData) type.getLayoutData()).exclude = true;
        }

        Composite progress = new Composite(this, SWT.NONE);
        progress.setLayout(new GridLayout(2, false));
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar = new ProgressBar(progress, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setLayoutData(new GridData(260, SWT.DEFAULT));
        bar.setMaximum(1000);
        status = new Label(progress, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        shown = new Label(this, SWT.NONE);
        shown.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        grid = new Table(this, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        grid.setHeaderVisible(true);
        grid.setLinesVisible(true);
        grid.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.addListener(SWT.SetData, e -> fill((TableItem) e.item, grid.indexOf((TableItem) e.item)));
        setMessages(messages);
        setReading(false);
    }

    private static Object layoutData(org.eclipse.swt.widgets.Control c) {
        if (!(c.getLayoutData() instanceof GridData)) {
            c.setLayoutData(new GridData());
        }
        return c.getLayoutData();
    }

    private static Button button(Composite parent, Runnable run) {
        Button b = new Button(parent, SWT.PUSH);
        b.addListener(SWT.Selection, e -> run.run());
        return b;
    }

    public void setMessages(Messages messages) {
        this.m = messages;
        read.setText(m.action_read);
        read.setToolTipText(m.tip_read);
        readNew.setText(m.action_readNew);
        readNew.setToolTipText(m.tip_readNew);
        stop.setText(m.action_stop);
        stop.setToolTipText(m.tip_stop);
        delete.setText(m.action_delete);
        delete.setToolTipText(m.tip_delete);
        export.setText(m.action_export);
        export.setToolTipText(m.tip_export);
        fromLabel.setText(m.filter_from);
        toLabel.setText(m.filter_to);
        from.setMessage(m.filter_hint);
        to.setMessage(m.filter_hint);
        typeLabel.setText(m.filter_type);
        apply.setText(m.filter_apply);
        int selected = Math.max(0, type.getSelectionIndex());
        type.setItems(m.type_all, m.type_alarm, m.type_protection, m.type_detection, m.type_raised, m.type_cleared,
                m.type_damaged);
        type.select(selected);
        columns = List.of();
        if (table != null) {
            showRows(table);
        }
        layout(true, true);
    }

    /** The page's title: the pack it reads, or that none is selected. */
    public void showTitle(String text) {
        title.setText(text);
    }

    public String titleText() {
        return title.getText();
    }

    /** Whether a read runs: Stop is enabled, Read and Read new are not. */
    public void setReading(boolean reading) {
        read.setEnabled(!reading);
        readNew.setEnabled(!reading);
        stop.setEnabled(reading);
    }

    public boolean reading() {
        return stop.getEnabled();
    }

    public void showProgress(ReadProgress p) {
        double f = p.fraction();
        bar.setSelection(f < 0 ? 0 : (int) Math.round(f * 1000));
        statusText = switch (p.state()) {
            case STARTING -> format(m.state_starting);
            case READING -> format(m.state_reading, p.done(), p.total(), String.format("%.1f", p.recordsPerSecond()),
                    duration(p.secondsLeft())) + (p.message().isEmpty() ? "" : "    " + p.message());
            case PAUSED -> format(m.state_paused, p.message());
            case STOPPED -> format(m.state_stopped, p.done(), Math.max(0, p.total() - p.done()), p.boardCount());
            case DONE -> p.done() == 0 && p.boardCount() > 0 ? format(m.state_doneNone, p.boardCount())
                    : format(m.state_done, p.done(), p.boardCount());
            case FAILED -> format(m.state_failed, p.message());
        };
        status.setText(statusText);
        status.setForeground(p.state() == ReadProgress.State.PAUSED || p.state() == ReadProgress.State.FAILED
                ? DAMAGED : null);
    }

    /** A line of its own in the status place, e.g. an export's outcome. */
    public void showStatus(String text) {
        statusText = text;
        status.setText(text);
        status.setForeground(null);
    }

    public String statusText() {
        return statusText;
    }

    private String duration(double seconds) {
        if (seconds < 0) {
            return m.time_unknown;
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    private static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }

    /** Shows the table's rows; columns are built again only when they changed. */
    public void showRows(RecordTable t) {
        this.table = t;
        List<ColumnRef> now = t.columns();
        if (!now.equals(columns)) {
            grid.setRedraw(false);
            for (TableColumn c : grid.getColumns()) {
                c.dispose();
            }
            for (ColumnRef c : now) {
                TableColumn col = new TableColumn(grid, c.column() == Column.NOTE || c.column() == Column.ALARM_INFO
                        || c.column() == Column.TIME || c.column() == Column.MODE ? SWT.LEFT : SWT.RIGHT);
                col.setText(header(c));
                col.setWidth(width(c));
                col.addListener(SWT.Selection, e -> sort(c, col));
            }
            columns = now;
            grid.setRedraw(true);
        }
        grid.setItemCount(t.size());
        grid.clearAll();
        shown.setText(format(m.state_shown, t.size(), t.total(), t.damagedCount(), t.clockNotSetCount()));
    }

    private void sort(ColumnRef c, TableColumn col) {
        boolean up = !(c.equals(table.sortColumn()) && table.ascending());
        table.sortBy(c, up);
        grid.setSortColumn(col);
        grid.setSortDirection(up ? SWT.UP : SWT.DOWN);
        grid.clearAll();
    }

    private static int width(ColumnRef c) {
        return switch (c.column()) {
            case TIME -> 150;
            case ALARM_INFO -> 170;
            case NOTE -> 260;
            case VOLTAGE, CURRENT -> 95;
            case MODE, MIN_V, MAX_V -> 85;
            case ENV, FET, TEMP -> 72;
            default -> 65;
        };
    }

    /** The column headers, in the language shown; the export writes them too. */
    public List<String> headers() {
        List<String> h = new ArrayList<>();
        for (ColumnRef c : columns) {
            h.add(header(c));
        }
        return h;
    }

    private String header(ColumnRef c) {
        return switch (c.column()) {
            case SEQ -> m.column_seq;
            case PACK -> m.column_pack;
            case TIME -> m.column_time;
            case MODE -> m.column_mode;
            case VOLTAGE -> m.column_voltage;
            case CURRENT -> m.column_current;
            case SOC -> m.column_soc;
            case ALARM -> m.column_alarm;
            case ALARM_INFO -> m.column_alarmInfo;
            case MIN_V -> m.column_minV;
            case MAX_V -> m.column_maxV;
            case ENV -> m.column_env;
            case FET -> m.column_fet;
            case TEMP -> format(m.column_temp, c.sensor() + 1);
            case NOTE -> m.column_note;
        };
    }

    private void fill(TableItem item, int index) {
        if (table == null || index < 0 || index >= table.size()) {
            return;
        }
        Row row = table.row(index);
        String[] texts = new String[columns.size()];
        for (int c = 0; c < texts.length; c++) {
            texts[c] = table.text(row, columns.get(c));
        }
        item.setText(texts);
        item.setForeground(row.record().damaged() ? DAMAGED : row.record().clockNotSet() ? FLAGGED : null);
    }

    private void applyFilter() {
        try {
            LocalDateTime a = parse(from.getText(), false);
            LocalDateTime b = parse(to.getText(), true);
            int t = kind == RecordKind.ALARM ? Math.max(0, type.getSelectionIndex()) : 0;
            actions.filter(a, b, TYPES[t]);
        } catch (DateTimeParseException e) {
            showStatus(format(m.filter_bad, e.getParsedString()));
        }
    }

    /** {@code 2026-05-16}, {@code 2026-05-16 22:07} or {@code 2026-05-16 22:07:41}; empty is open. */
    static LocalDateTime parse(String text, boolean end) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() == 10) {
            LocalDate d = LocalDate.parse(s);
            return end ? d.atTime(23, 59, 59) : d.atStartOfDay();
        }
        String pattern = s.length() == 16 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss";
        LocalDateTime t = LocalDateTime.parse(s.replace('T', ' '), DateTimeFormatter.ofPattern(pattern));
        return end && s.length() == 16 ? t.plusSeconds(59) : t;
    }

    // --- read-only accessors for tests ------------------------------------------------------------------------------

    public Table grid() {
        return grid;
    }

    public Button readButton() {
        return read;
    }

    public Button readNewButton() {
        return readNew;
    }

    public Button stopButton() {
        return stop;
    }

    public Button deleteButton() {
        return delete;
    }

    public Text fromText() {
        return from;
    }

    public Text toText() {
        return to;
    }

    public Combo typeCombo() {
        return type;
    }

    public Button filterButton() {
        return apply;
    }

    public ProgressBar bar() {
        return bar;
    }

    public String shownText() {
        return shown.getText();
    }
}
