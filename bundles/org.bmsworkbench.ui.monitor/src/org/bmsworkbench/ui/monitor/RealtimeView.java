package org.bmsworkbench.ui.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.ui.common.StateColors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

/**
 * The reference manual's real-time monitoring page for one pack: battery information, temperatures T01..Tn
 * (only the sensors the pack has), cell voltages V01..Vn with each cell's balance state and the highest and
 * lowest marked, the status lamps of the five flag groups, and the control test buttons. Values of a pack
 * that is stale or offline are drawn grey under a header that says so. Cells and temperatures are painted
 * on canvases, so a 176-cell pack costs one paint, not 500 widgets.
 */
public final class RealtimeView extends Composite {

    private static final Color MAX_CELL = new Color(0xf8, 0xd7, 0xd4);
    private static final Color MIN_CELL = new Color(0xd4, 0xe4, 0xf8);
    private static final Color BALANCING = new Color(0x1e, 0x6f, 0xc8);
    private static final Color NOT_CURRENT = new Color(0x9a, 0x9a, 0x9a);
    private static final Map<FlagCategory, Color> LAMP_ON = new EnumMap<>(Map.of(
            FlagCategory.SYSTEM, new Color(0x1e, 0x8e, 0x3e), FlagCategory.ALARM, new Color(0xe0, 0x9b, 0x00),
            FlagCategory.PROTECTION, new Color(0xc5, 0x22, 0x1f), FlagCategory.DETECTION, new Color(0xc5, 0x22, 0x1f),
            FlagCategory.CONTROL, new Color(0x1e, 0x6f, 0xc8)));
    private static final Color LAMP_OFF = new Color(0xd0, 0xd0, 0xd0);

    private static final Quantity[] BATTERY = { Quantity.VOLTAGE, Quantity.CURRENT, Quantity.SOC, Quantity.SOH,
            Quantity.REMAINING_CAPACITY, Quantity.FULL_CAPACITY, Quantity.DESIGN_CAPACITY, Quantity.CYCLES,
            Quantity.PORT_VOLTAGE, Quantity.INSULATION_POSITIVE, Quantity.INSULATION_NEGATIVE };

    private Messages messages;
    private final ScrolledComposite scroll;
    private final Composite body;
    private final Label header;
    private final Group batteryGroup;
    private final Label[] batteryNames = new Label[BATTERY.length];
    private final Label[] batteryValues = new Label[BATTERY.length];
    private final Group temperatureGroup;
    private final Canvas temperatures;
    private final Group cellGroup;
    private final Label cellSummary;
    private final Canvas cells;
    private final Map<FlagCategory, Group> lampGroups = new EnumMap<>(FlagCategory.class);
    private final Map<FlagCategory, Canvas> lamps = new EnumMap<>(FlagCategory.class);
    private final Group testGroup;
    private final Map<ControlAction, Button> testButtons = new EnumMap<>(ControlAction.class);
    private final Label[] testNames = new Label[3];
    private final Label testResult;

    private PackSnapshot pack;
    private PackLinkState state = PackLinkState.OFFLINE;
    private int maxCell = -1;
    private int minCell = -1;

    /**
     * @param onControl called with the action of a control-test button the user pressed
     */
    public RealtimeView(Composite parent, Messages messages, Consumer<ControlAction> onControl) {
        super(parent, SWT.NONE);
        this.messages = messages;
        setLayout(new GridLayout(1, false));
        scroll = new ScrolledComposite(this, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        body = new Composite(scroll, SWT.NONE);
        scroll.setContent(body);
        GridLayout bodyLayout = new GridLayout(4, false);
        bodyLayout.verticalSpacing = 2;
        body.setLayout(bodyLayout);

        header = new Label(body, SWT.NONE);
        header.setData("org.bmsworkbench.test.id", "realtime.header");
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));

        batteryGroup = new Group(body, SWT.NONE);
        // compact rows: a 176-cell pack and its 33 sensors should fit a laptop screen without scrolling
        GridLayout batteryLayout = new GridLayout(2, false);
        batteryLayout.verticalSpacing = 1;
        batteryGroup.setLayout(batteryLayout);
        batteryGroup.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, false));
        for (int i = 0; i < BATTERY.length; i++) {
            batteryNames[i] = new Label(batteryGroup, SWT.NONE);
            batteryValues[i] = new Label(batteryGroup, SWT.RIGHT);
            batteryValues[i].setLayoutData(new GridData(110, SWT.DEFAULT));
            batteryValues[i].setData("org.bmsworkbench.test.id", "battery." + BATTERY[i].key());
        }

        temperatureGroup = new Group(body, SWT.NONE);
        temperatureGroup.setLayout(new GridLayout(1, false));
        temperatureGroup.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, false));
        temperatures = new Canvas(temperatureGroup, SWT.DOUBLE_BUFFERED);
        temperatures.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        temperatures.addListener(SWT.Paint, this::paintTemperatures);

        Composite statusColumn = new Composite(body, SWT.NONE);
        statusColumn.setLayout(new GridLayout(1, false));
        statusColumn.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false, 2, 2));
        for (FlagCategory category : FlagCategory.values()) {
            Group g = new Group(statusColumn, SWT.NONE);
            g.setLayout(new GridLayout(1, false));
            g.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
            Canvas c = new Canvas(g, SWT.DOUBLE_BUFFERED);
            c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
            c.addListener(SWT.Paint, e -> paintLamps(e, category));
            lampGroups.put(category, g);
            lamps.put(category, c);
        }
        testGroup = new Group(statusColumn, SWT.NONE);
        testGroup.setLayout(new GridLayout(3, false));
        testGroup.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        ControlAction[][] pairs = { { ControlAction.CFET_ON, ControlAction.CFET_OFF },
                { ControlAction.DFET_ON, ControlAction.DFET_OFF },
                { ControlAction.CHARGE_LIMIT_ON, ControlAction.CHARGE_LIMIT_OFF } };
        for (int i = 0; i < pairs.length; i++) {
            testNames[i] = new Label(testGroup, SWT.NONE);
            for (ControlAction a : pairs[i]) {
                Button b = new Button(testGroup, SWT.PUSH);
                b.setData("org.bmsworkbench.test.id", "control." + a.name());
                b.addListener(SWT.Selection, e -> onControl.accept(a));
                testButtons.put(a, b);
            }
        }
        testResult = new Label(testGroup, SWT.WRAP);
        testResult.setData("org.bmsworkbench.test.id", "control.result");
        GridData resultData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        resultData.widthHint = 320;
        testResult.setLayoutData(resultData);

        cellGroup = new Group(body, SWT.NONE);
        cellGroup.setLayout(new GridLayout(1, false));
        cellGroup.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true, 2, 1));
        cellSummary = new Label(cellGroup, SWT.NONE);
        cellSummary.setData("org.bmsworkbench.test.id", "cells.summary");
        cellSummary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cells = new Canvas(cellGroup, SWT.DOUBLE_BUFFERED);
        cells.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        cells.addListener(SWT.Paint, this::paintCells);

        relabel();
        scroll.addListener(SWT.Resize, e -> fitScroll());
    }

    public void setMessages(Messages messages) {
        this.messages = messages;
        relabel();
        laidOutCells = -1;
        layoutCanvases();
        redrawAll();
    }

    private void relabel() {
        batteryGroup.setText(messages.group_battery);
        String[] names = { messages.battery_voltage, messages.battery_current, messages.battery_soc,
                messages.battery_soh, messages.battery_remaining, messages.battery_full, messages.battery_design,
                messages.battery_cycles, messages.battery_port, messages.battery_insPos, messages.battery_insNeg };
        for (int i = 0; i < names.length; i++) {
            batteryNames[i].setText(names[i]);
        }
        temperatureGroup.setText(messages.group_temperature);
        cellGroup.setText(messages.group_cells);
        lampGroups.get(FlagCategory.SYSTEM).setText(messages.group_system);
        lampGroups.get(FlagCategory.ALARM).setText(messages.group_alarm);
        lampGroups.get(FlagCategory.PROTECTION).setText(messages.group_protection);
        lampGroups.get(FlagCategory.DETECTION).setText(messages.group_detection);
        lampGroups.get(FlagCategory.CONTROL).setText(messages.group_control);
        testGroup.setText(messages.group_test);
        testNames[0].setText(messages.test_cfet);
        testNames[1].setText(messages.test_dfet);
        testNames[2].setText(messages.test_limit);
        for (Map.Entry<ControlAction, Button> e : testButtons.entrySet()) {
            boolean on = e.getKey().name().endsWith("_ON");
            e.getValue().setText(on ? messages.test_open : messages.test_close);
        }
        layoutLamps();
        fitScroll();
    }

    /** The scrolled area follows the content: 176 cells or a long language need scroll bars, not clipping. */
    private void fitScroll() {
        body.layout(true, true);
        scroll.setMinSize(body.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    /** What the header says when no pack is selected. */
    public void showNothing() {
        pack = null;
        header.setText(messages.header_none);
        header.setForeground(StateColors.OFFLINE);
        for (Label v : batteryValues) {
            v.setText("");
        }
        cellSummary.setText("");
        redrawAll();
    }

    /**
     * Shows a pack.
     *
     * @param snapshot  its latest values, or null when it never answered
     * @param state     its link state now (from the bus-state registry, so staleness follows the clock)
     * @param title     bus and label, for the header
     */
    public void show(int address, PackSnapshot snapshot, PackLinkState state, String title, Instant now) {
        this.pack = snapshot;
        this.state = state;
        String when = snapshot == null ? null : age(snapshot.time(), now);
        String status = switch (state) {
            case ONLINE -> Messages.format(messages.state_online, when == null ? "-" : when);
            case STALE -> Messages.format(messages.state_stale, when == null ? "-" : when);
            case OFFLINE -> when == null ? messages.state_offline_never : Messages.format(messages.state_offline, when);
        };
        setText(header, Messages.format(messages.header_pack, String.format("%02d", address), title) + "    " + status);
        header.setForeground(StateColors.of(state));
        boolean current = state == PackLinkState.ONLINE;
        for (int i = 0; i < BATTERY.length; i++) {
            setText(batteryValues[i], snapshot == null ? "" : format(snapshot, BATTERY[i]));
            batteryValues[i].setForeground(current ? null : NOT_CURRENT);
        }
        maxCell = -1;
        minCell = -1;
        if (snapshot != null && snapshot.cellCount() > 0) {
            for (int i = 0; i < snapshot.cellCount(); i++) {
                double v = snapshot.cellVoltage(i);
                if (Double.isNaN(v)) {
                    continue;
                }
                if (maxCell < 0 || v > snapshot.cellVoltage(maxCell)) {
                    maxCell = i;
                }
                if (minCell < 0 || v < snapshot.cellVoltage(minCell)) {
                    minCell = i;
                }
            }
        }
        if (maxCell >= 0) {
            double max = snapshot.cellVoltage(maxCell) * 1000;
            double min = snapshot.cellVoltage(minCell) * 1000;
            // as strings: MessageFormat would group thousands ("3,350 mV")
            setText(cellSummary, Messages.format(messages.cells_summary, cellName(maxCell), String.valueOf(Math.round(max)),
                    cellName(minCell), String.valueOf(Math.round(min)), String.valueOf(Math.round(max - min)),
                    String.valueOf(snapshot.balancing().cardinality())));
        } else {
            cellSummary.setText(snapshot == null ? "" : messages.cells_none);
        }
        cellSummary.setForeground(current ? null : NOT_CURRENT);
        layoutCanvases();
        cells.redraw();
        // lamps and temperatures change far less often than cell voltages: repaint them only when they do
        String lampKey = state + (snapshot == null ? "" : snapshot.flags() + "" + snapshot.reportedFlagCategories());
        if (!lampKey.equals(shownLamps)) {
            shownLamps = lampKey;
            lamps.values().forEach(Canvas::redraw);
        }
        String tempKey = state + (snapshot == null ? "" : java.util.Arrays.toString(snapshot.temperatures()));
        if (!tempKey.equals(shownTemperatures)) {
            shownTemperatures = tempKey;
            temperatures.redraw();
        }
    }

    private String shownLamps = "";
    private String shownTemperatures = "";

    /** GTK measures a label again on every setText: only when the text really changes. */
    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    /** The line under the control-test buttons. */
    public void showTestResult(String text, boolean error) {
        testResult.setText(text == null ? "" : text);
        testResult.setForeground(error ? StateColors.FAILED : null);
        testResult.requestLayout();
    }

    public String testResult() {
        return testResult.getText();
    }

    /** The time of the values shown, or null; for the paint-latency benchmark. */
    public Instant shownTime() {
        return pack == null ? null : pack.time();
    }

    /** The canvas the cells are painted on, for tests. */
    public Canvas cellCanvas() {
        return cells;
    }

    public String headerText() {
        return header.getText();
    }

    /** The shown text of a battery value, e.g. "52.90 V", for tests. */
    public String batteryText(Quantity q) {
        for (int i = 0; i < BATTERY.length; i++) {
            if (BATTERY[i] == q) {
                return batteryValues[i].getText();
            }
        }
        throw new IllegalArgumentException(q + " is not shown");
    }

    public String cellSummaryText() {
        return cellSummary.getText();
    }

    /** Index of the cell marked highest, -1 when none. */
    public int maxCell() {
        return maxCell;
    }

    public int minCell() {
        return minCell;
    }

    public Button testButton(ControlAction action) {
        return testButtons.get(action);
    }

    private void redrawAll() {
        shownLamps = "";
        shownTemperatures = "";
        cells.redraw();
        temperatures.redraw();
        lamps.values().forEach(Canvas::redraw);
    }

    static String cellName(int index) {
        return String.format("V%02d", index + 1);
    }

    private static String age(Instant then, Instant now) {
        long millis = Math.max(0, Duration.between(then, now).toMillis());
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String format(PackSnapshot s, Quantity q) {
        if (!s.has(q)) {
            return "-";
        }
        double v = s.get(q);
        String number = switch (q) {
            case CYCLES -> String.valueOf(Math.round(v));
            case SOC, SOH, INSULATION_POSITIVE, INSULATION_NEGATIVE -> String.format(Locale.ROOT, "%.1f", v);
            default -> String.format(Locale.ROOT, "%.3f", v);
        };
        return q.unit().isEmpty() ? number : number + " " + q.unit();
    }

    // --- painting ---------------------------------------------------------------------------------------------

    private static final int CELL_ROWS = 22;
    private static final int TEMP_ROWS = 11;

    private int laidOutCells = -1;
    private int laidOutSensors = -1;

    /** Sizes the canvases for the pack's cells and sensors; a new layout only when their number changes. */
    private void layoutCanvases() {
        int n = pack == null ? 0 : pack.cellCount();
        int t = pack == null ? 0 : pack.temperatureCount();
        if (n == laidOutCells && t == laidOutSensors) {
            return;
        }
        laidOutCells = n;
        laidOutSensors = t;
        GC gc = new GC(cells);
        Point ch = gc.textExtent("V000 0000 OFF");
        gc.dispose();
        int columns = Math.max(1, (n + CELL_ROWS - 1) / CELL_ROWS);
        int rows = Math.min(CELL_ROWS, Math.max(1, n));
        GridData cd = (GridData) cells.getLayoutData();
        cd.widthHint = columns * (ch.x + 14);
        cd.heightHint = rows * (ch.y + 1);
        int tColumns = Math.max(1, (t + TEMP_ROWS - 1) / TEMP_ROWS);
        GridData td = (GridData) temperatures.getLayoutData();
        td.widthHint = tColumns * (ch.x - 10);
        td.heightHint = Math.min(TEMP_ROWS, Math.max(1, t)) * (ch.y + 1);
        fitScroll();
    }

    private void paintCells(Event e) {
        GC gc = e.gc;
        if (pack == null || pack.cellCount() == 0) {
            return;
        }
        boolean current = state == PackLinkState.ONLINE;
        Point ch = gc.textExtent("V000 0000 OFF");
        int columnWidth = ch.x + 14;
        int rowHeight = ch.y + 1;
        Point nameWidth = gc.textExtent("V000 ");
        Point valueWidth = gc.textExtent("0000 ");
        // nearly every cell reads four digits: measure that once, not 176 times a paint
        int fourDigits = gc.textExtent("0000").x;
        Color foreground = current ? getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND) : NOT_CURRENT;
        for (int i = 0; i < pack.cellCount(); i++) {
            int x = (i / CELL_ROWS) * columnWidth;
            int y = (i % CELL_ROWS) * rowHeight;
            if (i == maxCell || i == minCell) {
                gc.setBackground(i == maxCell ? MAX_CELL : MIN_CELL);
                gc.fillRectangle(x, y, columnWidth - 6, rowHeight);
            }
            gc.setForeground(foreground);
            gc.drawString(cellName(i), x + 2, y + 1, true);
            double v = pack.cellVoltage(i);
            String mv = Double.isNaN(v) ? "-" : String.valueOf(Math.round(v * 1000));
            int width = mv.length() == 4 ? fourDigits : gc.textExtent(mv).x;
            gc.drawString(mv, x + 2 + nameWidth.x + valueWidth.x - width, y + 1, true);
            boolean balancing = pack.isBalancing(i);
            if (balancing) {
                gc.setForeground(current ? BALANCING : NOT_CURRENT);
            }
            gc.drawString(balancing ? messages.balance_on : messages.balance_off, x + 8 + nameWidth.x + valueWidth.x,
                    y + 1, true);
        }
    }

    private void paintTemperatures(Event e) {
        GC gc = e.gc;
        if (pack == null) {
            return;
        }
        if (pack.temperatureCount() == 0) {
            gc.drawString(messages.temps_none, 2, 2, true);
            return;
        }
        boolean current = state == PackLinkState.ONLINE;
        gc.setForeground(current ? getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND) : NOT_CURRENT);
        Point ch = gc.textExtent("T00 -000.0");
        int columnWidth = ch.x + 16;
        for (int i = 0; i < pack.temperatureCount(); i++) {
            int x = (i / TEMP_ROWS) * columnWidth;
            int y = (i % TEMP_ROWS) * (ch.y + 1);
            double t = pack.temperature(i);
            String text = String.format(Locale.ROOT, "T%02d %6s", i + 1,
                    Double.isNaN(t) ? "-" : String.format(Locale.ROOT, "%.1f", t));
            gc.drawString(text, x + 2, y + 1, true);
        }
    }

    private static final int LAMP_COLUMNS = 2;

    private void layoutLamps() {
        GC gc = new GC(this);
        Point ch = gc.textExtent("X");
        for (PackFlag f : PackFlag.values()) {
            Point p = gc.textExtent(messages.flag(f) + "  ");
            ch = new Point(Math.max(ch.x, p.x), Math.max(ch.y, p.y));
        }
        gc.dispose();
        for (FlagCategory c : FlagCategory.values()) {
            int n = PackFlag.of(c).size();
            GridData d = (GridData) lamps.get(c).getLayoutData();
            d.heightHint = ((n + LAMP_COLUMNS - 1) / LAMP_COLUMNS) * (ch.y + 4);
            d.widthHint = LAMP_COLUMNS * (ch.x + 16);
        }
    }

    private void paintLamps(Event e, FlagCategory category) {
        GC gc = e.gc;
        gc.setAntialias(SWT.ON);
        boolean reported = pack != null && pack.reportedFlagCategories().contains(category);
        boolean current = state == PackLinkState.ONLINE;
        Canvas c = lamps.get(category);
        int columnWidth = c.getClientArea().width / LAMP_COLUMNS;
        Point ch = gc.textExtent("X");
        List<PackFlag> flags = new ArrayList<>(PackFlag.of(category));
        for (int i = 0; i < flags.size(); i++) {
            PackFlag f = flags.get(i);
            int x = (i % LAMP_COLUMNS) * columnWidth;
            int y = (i / LAMP_COLUMNS) * (ch.y + 4);
            boolean on = reported && pack.hasFlag(f);
            gc.setBackground(on ? (current ? LAMP_ON.get(category) : NOT_CURRENT) : LAMP_OFF);
            gc.fillOval(x + 2, y + 3, ch.y - 4, ch.y - 4);
            gc.setForeground(reported ? getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND) : NOT_CURRENT);
            gc.drawString(messages.flag(f), x + ch.y + 2, y + 1, true);
        }
        if (pack != null && !reported) {
            lampGroups.get(category).setToolTipText(messages.not_reported);
        }
    }
}
