package org.bmsworkbench.ui.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.FlagCategory;
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
import org.eclipse.swt.layout.RowLayout;
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
    private final PaintedText header;
    private final Group batteryGroup;
    private final Label[] batteryNames = new Label[BATTERY.length];
    private final PaintedText[] batteryValues = new PaintedText[BATTERY.length];
    private final Group temperatureGroup;
    private final Canvas temperatures;
    private final Group cellGroup;
    private final PaintedText cellSummary;
    private final Canvas cells;
    private final LampPanel lamps;
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
        GridLayout layout = new GridLayout(1, false);
        layout.verticalSpacing = 2;
        setLayout(layout);

        // fixed above the scrolled values: which pack and how current, and the control test with its result
        header = new PaintedText(this, SWT.LEFT);
        header.setData("org.bmsworkbench.test.id", "realtime.header");
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        testGroup = new Group(this, SWT.NONE);
        testGroup.setLayout(new GridLayout(1, false));
        testGroup.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite pairsRow = new Composite(testGroup, SWT.NONE);
        RowLayout pairsLayout = new RowLayout(SWT.HORIZONTAL);
        pairsLayout.wrap = true;
        pairsLayout.center = true;
        pairsLayout.spacing = 16;
        pairsLayout.marginLeft = pairsLayout.marginTop = pairsLayout.marginBottom = 0;
        pairsRow.setLayout(pairsLayout);
        pairsRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ControlAction[][] pairs = { { ControlAction.CFET_ON, ControlAction.CFET_OFF },
                { ControlAction.DFET_ON, ControlAction.DFET_OFF },
                { ControlAction.CHARGE_LIMIT_ON, ControlAction.CHARGE_LIMIT_OFF } };
        for (int i = 0; i < pairs.length; i++) {
            Composite pair = new Composite(pairsRow, SWT.NONE);
            GridLayout pairLayout = new GridLayout(3, false);
            pairLayout.marginWidth = 0;
            pairLayout.marginHeight = 0;
            pair.setLayout(pairLayout);
            testNames[i] = new Label(pair, SWT.NONE);
            for (ControlAction a : pairs[i]) {
                Button b = new Button(pair, SWT.PUSH);
                b.setData("org.bmsworkbench.test.id", "control." + a.name());
                b.addListener(SWT.Selection, e -> onControl.accept(a));
                testButtons.put(a, b);
            }
        }
        testResult = new Label(testGroup, SWT.WRAP);
        testResult.setData("org.bmsworkbench.test.id", "control.result");
        GridData resultData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        resultData.widthHint = 320;
        testResult.setLayoutData(resultData);

        scroll = new ScrolledComposite(this, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        body = new Composite(scroll, SWT.NONE);
        scroll.setContent(body);
        GridLayout bodyLayout = new GridLayout(3, false);
        bodyLayout.verticalSpacing = 2;
        body.setLayout(bodyLayout);

        batteryGroup = new Group(body, SWT.NONE);
        // compact rows: a 176-cell pack and its 33 sensors should fit a laptop screen without scrolling
        GridLayout batteryLayout = new GridLayout(2, false);
        batteryLayout.verticalSpacing = 1;
        batteryGroup.setLayout(batteryLayout);
        batteryGroup.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, false));
        for (int i = 0; i < BATTERY.length; i++) {
            batteryNames[i] = new Label(batteryGroup, SWT.NONE);
            batteryValues[i] = new PaintedText(batteryGroup, SWT.RIGHT);
            batteryValues[i].setLayoutData(new GridData(110, SWT.DEFAULT));
            batteryValues[i].setData("org.bmsworkbench.test.id", "battery." + BATTERY[i].key());
        }

        temperatureGroup = new Group(body, SWT.NONE);
        temperatureGroup.setLayout(new GridLayout(1, false));
        temperatureGroup.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, false));
        temperatures = new Canvas(temperatureGroup, SWT.DOUBLE_BUFFERED);
        temperatures.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        temperatures.addListener(SWT.Paint, this::paintTemperatures);

        new Label(body, SWT.NONE).setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        // the lamps take the whole width and wrap into as many columns as fit, names never cut
        lamps = new LampPanel(body, messages, LAMP_ON, LAMP_OFF, NOT_CURRENT);
        lamps.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, true, false, 3, 1));

        cellGroup = new Group(body, SWT.NONE);
        cellGroup.setLayout(new GridLayout(1, false));
        cellGroup.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        cellSummary = new PaintedText(cellGroup, SWT.LEFT);
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
        cellExtent = null;
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
        lamps.setMessages(messages);
        testGroup.setText(messages.group_test);
        testNames[0].setText(messages.test_cfet);
        testNames[1].setText(messages.test_dfet);
        testNames[2].setText(messages.test_limit);
        for (Map.Entry<ControlAction, Button> e : testButtons.entrySet()) {
            boolean on = e.getKey().name().endsWith("_ON");
            e.getValue().setText(on ? messages.test_open : messages.test_close);
        }
        layout(true, true);
        fitScroll();
    }

    /**
     * The scrolled area follows the content: 176 cells or a long language need scroll bars, not clipping. It is
     * never narrower than the values with one column of lamps, and as tall as the lamps need at the width there is.
     */
    private void fitScroll() {
        Point narrowest = body.computeSize(SWT.DEFAULT, SWT.DEFAULT, true);
        int width = Math.max(narrowest.x, scroll.getClientArea().width);
        Point size = body.computeSize(width, SWT.DEFAULT, true);
        scroll.setMinSize(narrowest.x, size.y);
        body.layout(true, true);
    }

    /** What the header says when no pack is selected. */
    public void showNothing() {
        pack = null;
        header.setText(messages.header_none);
        header.setForeground(StateColors.OFFLINE);
        for (PaintedText v : batteryValues) {
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
            case HIBERNATING -> messages.state_hibernating;
        };
        header.setText(Messages.format(messages.header_pack, String.format("%02d", address), title) + "    " + status);
        header.setForeground(StateColors.of(state));
        boolean current = state == PackLinkState.ONLINE;
        for (int i = 0; i < BATTERY.length; i++) {
            batteryValues[i].setText(snapshot == null ? "" : format(snapshot, BATTERY[i]));
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
            cellSummary.setText(Messages.format(messages.cells_summary, cellName(maxCell), String.valueOf(Math.round(max)),
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
            lamps.show(snapshot, state);
        }
        String tempKey = state + (snapshot == null ? "" : java.util.Arrays.toString(snapshot.temperatures()));
        if (!tempKey.equals(shownTemperatures)) {
            shownTemperatures = tempKey;
            temperatures.redraw();
        }
    }

    private String shownLamps = "";
    private String shownTemperatures = "";

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

    /** The strings shown, for tests. */
    Messages messages() {
        return messages;
    }

    /** The lamp columns painted at the present width, for tests. */
    public int lampColumns() {
        return lamps.columns();
    }

    /** Width of one lamp column (lamp and longest name), for tests. */
    public int lampColumnWidth() {
        return lamps.cellWidth();
    }

    /** Whether {@code control} scrolls with the values (the header and the control test do not). */
    public boolean scrolls(org.eclipse.swt.widgets.Control control) {
        for (Composite p = control.getParent(); p != null && p != this; p = p.getParent()) {
            if (p == scroll) {
                return true;
            }
        }
        return false;
    }

    /** The scrolled area, for tests: its content must reach every value. */
    public ScrolledComposite scrolledArea() {
        return scroll;
    }

    /** The header line, for tests. */
    public org.eclipse.swt.widgets.Control header() {
        return header;
    }

    /** Why some control-test buttons are greyed out; {@code null} when none is. */
    public String testGroupTip() {
        return testGroup.getToolTipText();
    }

    public Label testResultLabel() {
        return testResult;
    }

    public Button testButton(ControlAction action) {
        return testButtons.get(action);
    }

    /**
     * Greys out the buttons of actions that would be refused whatever the pack says (a read-only vendor protocol, a
     * replayed recording), saying why on the group, rather than asking for a password only to refuse.
     *
     * @param why the reason, shown as the group's tooltip; {@code null} when every action may be tried
     */
    public void setTestSupported(java.util.Set<ControlAction> supported, String why) {
        for (Map.Entry<ControlAction, Button> e : testButtons.entrySet()) {
            boolean on = supported.contains(e.getKey());
            if (e.getValue().getEnabled() != on) {
                e.getValue().setEnabled(on);
            }
        }
        String tip = supported.size() < testButtons.size() ? why : null;
        if (!java.util.Objects.equals(tip, testGroup.getToolTipText())) {
            testGroup.setToolTipText(tip);
        }
    }

    private void redrawAll() {
        shownLamps = "";
        shownTemperatures = "";
        cells.redraw();
        temperatures.redraw();
        lamps.show(pack, state);
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
        measureCells(gc);
        Point ch = cellExtent;
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

    /** Text sizes of the cell grid, measured once per language (the font does not change), not at every paint. */
    private Point cellExtent;
    private int nameWidth;
    private int valueWidth;
    private int fourDigits;

    private void measureCells(GC gc) {
        cellExtent = gc.textExtent("V000 0000 OFF");
        nameWidth = gc.textExtent("V000 ").x;
        valueWidth = gc.textExtent("0000 ").x;
        fourDigits = gc.textExtent("0000").x;
    }

    private static final String[] CELL_NAMES = new String[PackSnapshot.MAX_CELLS];
    /** Millivolt texts 0..9999, made once each: a paint of 176 cells allocates no strings. */
    private static final String[] MILLIVOLTS = new String[10_000];

    static String cellName(int index) {
        if (index < CELL_NAMES.length) {
            String name = CELL_NAMES[index];
            if (name == null) {
                name = String.format("V%02d", index + 1);
                CELL_NAMES[index] = name;
            }
            return name;
        }
        return String.format("V%02d", index + 1);
    }

    private static String millivolts(double volts) {
        if (Double.isNaN(volts)) {
            return "-";
        }
        long mv = Math.round(volts * 1000);
        if (mv < 0 || mv >= MILLIVOLTS.length) {
            return String.valueOf(mv);
        }
        String text = MILLIVOLTS[(int) mv];
        if (text == null) {
            text = String.valueOf(mv);
            MILLIVOLTS[(int) mv] = text;
        }
        return text;
    }

    private void paintCells(Event e) {
        GC gc = e.gc;
        if (pack == null || pack.cellCount() == 0) {
            return;
        }
        if (cellExtent == null) {
            measureCells(gc);
        }
        boolean current = state == PackLinkState.ONLINE;
        int columnWidth = cellExtent.x + 14;
        int rowHeight = cellExtent.y + 1;
        Color foreground = current ? getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND) : NOT_CURRENT;
        Color balancingColour = current ? BALANCING : NOT_CURRENT;
        String on = messages.balance_on;
        String off = messages.balance_off;
        int n = pack.cellCount();
        for (int i = 0; i < n; i++) {
            int x = (i / CELL_ROWS) * columnWidth;
            int y = (i % CELL_ROWS) * rowHeight;
            if (x > e.x + e.width || x + columnWidth < e.x || y > e.y + e.height || y + rowHeight < e.y) {
                continue; // outside what needs painting
            }
            if (i == maxCell || i == minCell) {
                gc.setBackground(i == maxCell ? MAX_CELL : MIN_CELL);
                gc.fillRectangle(x, y, columnWidth - 6, rowHeight);
            }
            gc.setForeground(foreground);
            gc.drawString(cellName(i), x + 2, y + 1, true);
            String mv = millivolts(pack.cellVoltage(i));
            // nearly every cell reads four digits: measured once, not 176 times a paint
            int width = mv.length() == 4 ? fourDigits : gc.textExtent(mv).x;
            gc.drawString(mv, x + 2 + nameWidth + valueWidth - width, y + 1, true);
            boolean balancing = pack.isBalancing(i);
            if (balancing) {
                gc.setForeground(balancingColour);
            }
            gc.drawString(balancing ? on : off, x + 8 + nameWidth + valueWidth, y + 1, true);
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
}
