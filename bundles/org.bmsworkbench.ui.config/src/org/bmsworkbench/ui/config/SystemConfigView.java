package org.bmsworkbench.ui.config;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.bmsworkbench.config.SystemInfo;
import org.bmsworkbench.config.TextRules;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.ui.config.model.ConfigForm;
import org.bmsworkbench.ui.config.model.PageWrite;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The manual's System Configuration page for one pack: date time, capacity, production and product information,
 * discharge totals, storage (record interval, delete data or alarms) and the maintenance actions (calibration
 * wizard, forced hibernation, wake, firmware upgrade). Groups in two columns that scroll on a small screen; every
 * entry is checked by {@link ConfigForm} and every action goes to the part.
 */
public final class SystemConfigView extends Composite {

    /** What the buttons ask of the part. */
    public interface Actions {
        void read();

        /** @param time the time to set, or {@code null} for the PC's own time as each pack is set */
        void setClock(LocalDateTime time, boolean allPacks);

        void setCapacity(String design, String full, String residual, String cycles);

        void writeTexts(Map<String, String> texts);

        void setInterval(String minutes);

        void deleteRecords(Command kind);

        void calibrate();

        void hibernate();

        void wake();

        void firmware();
    }

    private static final Color PROBLEM = new Color(0xc5, 0x22, 0x1f);
    private static final Color OK = new Color(0x1e, 0x8e, 0x3e);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> PRODUCT = List.of("manufacturer", "model", "productVersion", "batteryType",
            "serialNumber", "remarks");

    private final Actions actions;
    private Messages messages;
    private final List<Runnable> relabel = new ArrayList<>();
    private final Map<Button, PageWrite> writeButtons = new LinkedHashMap<>();
    private final Map<Control, Supplier<String>> tips = new java.util.HashMap<>();
    private final ScrolledComposite scroller;
    private final Composite body;
    private final Label header;
    private final Label message;
    private final Button readButton;
    // date time
    private final Label deviceClock;
    private final Label pcClock;
    private final Label drift;
    private final DateTime date;
    private final DateTime time;
    private final Button useSystem;
    private final Label clockResults;
    // capacity
    private final Text design;
    private final Text full;
    private final Text residual;
    private final Text cycles;
    // texts
    private final Map<String, Text> texts = new LinkedHashMap<>();
    private final Map<String, Label> counters = new LinkedHashMap<>();
    private final Map<String, String> deviceTexts = new LinkedHashMap<>();
    // discharge, storage
    private final Label dischargeCapacity;
    private final Label dischargeEnergy;
    private final Text interval;
    private final Label dataCount;
    private final Label alarmCount;
    private SystemInfo shown;

    public SystemConfigView(Composite parent, Messages messages, Actions actions) {
        super(parent, SWT.NONE);
        this.messages = messages;
        this.actions = actions;
        setLayout(fill());
        scroller = new ScrolledComposite(this, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        body = new Composite(scroller, SWT.NONE);
        GridLayout columns = new GridLayout(2, true);
        columns.marginWidth = 8;
        columns.marginHeight = 6;
        columns.horizontalSpacing = 10;
        body.setLayout(columns);
        scroller.setContent(body);

        Composite top = new Composite(body, SWT.NONE);
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        GridLayout topLayout = new GridLayout(2, false);
        topLayout.marginWidth = 0;
        top.setLayout(topLayout);
        header = new Label(top, SWT.WRAP);
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        readButton = button(top, () -> this.messages.action_read, actions::read);
        tip(readButton, () -> this.messages.tip_read);
        message = new Label(body, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        Composite left = column(body);
        Composite right = column(body);

        // --- date time ---
        Group clock = group(left, () -> this.messages.group_clock, 3);
        label(clock, () -> this.messages.clock_device);
        deviceClock = value(clock, 2);
        label(clock, () -> this.messages.clock_pc);
        pcClock = value(clock, 2);
        label(clock, () -> this.messages.clock_drift);
        drift = value(clock, 2);
        label(clock, () -> this.messages.clock_new);
        date = new DateTime(clock, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        time = new DateTime(clock, SWT.TIME | SWT.BORDER);
        new Label(clock, SWT.NONE);
        useSystem = new Button(clock, SWT.CHECK);
        useSystem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        relabel.add(() -> useSystem.setText(this.messages.clock_useSystem));
        useSystem.setSelection(true);
        useSystem.addListener(SWT.Selection, e -> pickersFollowSystem());
        pickersFollowSystem();
        new Label(clock, SWT.NONE);
        Composite clockButtons = row(clock, 2);
        writeButtons.put(button(clockButtons, () -> this.messages.clock_set, () -> actions.setClock(pickedTime(), false)),
                PageWrite.CLOCK);
        Button all = button(clockButtons, () -> this.messages.clock_setAll, () -> actions.setClock(pickedTime(), true));
        tip(all, () -> this.messages.tip_setAll);
        writeButtons.put(all, PageWrite.CLOCK);
        clockResults = new Label(clock, SWT.WRAP);
        clockResults.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));

        // --- capacity ---
        Group capacity = group(left, () -> this.messages.group_capacity, 2);
        label(capacity, () -> this.messages.capacity_designAh);
        design = input(capacity);
        label(capacity, () -> this.messages.capacity_full);
        full = input(capacity);
        label(capacity, () -> this.messages.capacity_residual);
        residual = input(capacity);
        label(capacity, () -> this.messages.capacity_cycles);
        cycles = input(capacity);
        new Label(capacity, SWT.NONE);
        writeButtons.put(button(capacity, () -> this.messages.capacity_set,
                () -> actions.setCapacity(design.getText(), full.getText(), residual.getText(), cycles.getText())),
                PageWrite.CAPACITY);

        // --- discharge ---
        Group discharge = group(left, () -> this.messages.group_discharge, 2);
        label(discharge, () -> this.messages.discharge_capacity);
        dischargeCapacity = value(discharge, 1);
        label(discharge, () -> this.messages.discharge_energy);
        dischargeEnergy = value(discharge, 1);

        // --- production and product information ---
        Group production = group(right, () -> this.messages.group_production, 3);
        textRow(production, "barCode");
        new Label(production, SWT.NONE);
        writeButtons.put(button(production, () -> this.messages.text_write, () -> actions.writeTexts(changed(
                List.of("barCode")))), PageWrite.TEXTS);
        Group product = group(right, () -> this.messages.group_product, 3);
        for (String name : PRODUCT) {
            textRow(product, name);
        }
        new Label(product, SWT.NONE);
        writeButtons.put(button(product, () -> this.messages.text_write, () -> actions.writeTexts(changed(PRODUCT))),
                PageWrite.TEXTS);

        // --- storage ---
        Group storage = group(right, () -> this.messages.group_storage, 3);
        label(storage, () -> this.messages.storage_interval);
        interval = input(storage);
        writeButtons.put(button(storage, () -> this.messages.storage_set, () -> actions.setInterval(interval.getText())),
                PageWrite.INTERVAL);
        label(storage, () -> this.messages.storage_data);
        dataCount = value(storage, 1);
        writeButtons.put(button(storage, () -> this.messages.storage_deleteData, () -> actions.deleteRecords(
                Command.HISTORY)), PageWrite.DELETE_DATA);
        label(storage, () -> this.messages.storage_alarms);
        alarmCount = value(storage, 1);
        writeButtons.put(button(storage, () -> this.messages.storage_deleteAlarms, () -> actions.deleteRecords(
                Command.ALARM_RECORDS)), PageWrite.DELETE_ALARMS);

        // --- maintenance ---
        Group maintenance = group(left, () -> this.messages.group_maintenance, 2);
        writeButtons.put(button(maintenance, () -> this.messages.action_calibrate, actions::calibrate), PageWrite.CALIBRATE);
        writeButtons.put(button(maintenance, () -> this.messages.action_firmware, actions::firmware), PageWrite.FIRMWARE);
        writeButtons.put(button(maintenance, () -> this.messages.action_hibernate, actions::hibernate), PageWrite.HIBERNATE);
        Button wake = button(maintenance, () -> this.messages.action_wake, actions::wake);
        tip(wake, () -> this.messages.tip_wake);

        relabelAll();
        showEmpty();
    }

    private static GridLayout fill() {
        GridLayout l = new GridLayout(1, false);
        l.marginWidth = 0;
        l.marginHeight = 0;
        return l;
    }

    private static Composite column(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout l = fill();
        l.verticalSpacing = 8;
        c.setLayout(l);
        return c;
    }

    private Group group(Composite parent, Supplier<String> title, int columns) {
        Group g = new Group(parent, SWT.NONE);
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        g.setLayout(new GridLayout(columns, false));
        relabel.add(() -> g.setText(title.get()));
        return g;
    }

    private static Composite row(Composite parent, int span) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        GridLayout l = new GridLayout(2, false);
        l.marginWidth = 0;
        l.marginHeight = 0;
        c.setLayout(l);
        return c;
    }

    private void label(Composite parent, Supplier<String> text) {
        Label l = new Label(parent, SWT.NONE);
        relabel.add(() -> l.setText(text.get()));
    }

    private static Label value(Composite parent, int span) {
        Label l = new Label(parent, SWT.NONE);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return l;
    }

    private static Text input(Composite parent) {
        Text t = new Text(parent, SWT.BORDER);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 110;
        t.setLayoutData(d);
        return t;
    }

    private Button button(Composite parent, Supplier<String> text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        relabel.add(() -> b.setText(text.get()));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private void tip(Control c, Supplier<String> text) {
        tips.put(c, text);
        relabel.add(() -> c.setToolTipText(text.get()));
    }

    private void textRow(Composite parent, String name) {
        label(parent, () -> textLabel(name));
        Text t = new Text(parent, SWT.BORDER);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 220;
        t.setLayoutData(d);
        t.setTextLimit(60);
        Label counter = new Label(parent, SWT.NONE);
        counter.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        t.addListener(SWT.Modify, e -> count(name));
        texts.put(name, t);
        counters.put(name, counter);
        relabel.add(() -> count(name));
    }

    /** The label of a product text in the user's language. */
    public String textLabel(String name) {
        return switch (name) {
            case "barCode" -> messages.text_barCode;
            case "manufacturer" -> messages.text_manufacturer;
            case "model" -> messages.text_model;
            case "productVersion" -> messages.text_productVersion;
            case "batteryType" -> messages.text_batteryType;
            case "serialNumber" -> messages.text_serialNumber;
            case "remarks" -> messages.text_remarks;
            default -> name;
        };
    }

    private void count(String name) {
        String v = texts.get(name).getText();
        Label c = counters.get(name);
        c.setText(Messages.format(messages.text_count, v.length(), TextRules.MAX_LENGTH));
        boolean bad = ConfigForm.text(name, v) != null;
        c.setForeground(bad ? PROBLEM : null);
        texts.get(name).setForeground(bad ? PROBLEM : null);
        c.requestLayout();
    }

    private Map<String, String> changed(List<String> names) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String n : names) {
            String v = texts.get(n).getText();
            if (!v.equals(deviceTexts.getOrDefault(n, ""))) {
                result.put(n, v);
            }
        }
        return result;
    }

    private void pickersFollowSystem() {
        boolean system = useSystem.getSelection();
        date.setEnabled(!system);
        time.setEnabled(!system);
        if (system) {
            LocalDateTime now = LocalDateTime.now();
            date.setDate(now.getYear(), now.getMonthValue() - 1, now.getDayOfMonth());
            time.setTime(now.getHour(), now.getMinute(), now.getSecond());
        }
    }

    /**
     * The time to set: the pickers', or {@code null} for the PC's own time, taken as each pack is set (not when the
     * button was pressed, which may be a long confirmation earlier).
     */
    public LocalDateTime pickedTime() {
        if (useSystem.getSelection()) {
            return null;
        }
        return LocalDateTime.of(date.getYear(), date.getMonth() + 1, date.getDay(), time.getHours(), time.getMinutes(),
                time.getSeconds());
    }

    private void relabelAll() {
        relabel.forEach(Runnable::run);
        updateScroll();
    }

    private void updateScroll() {
        Point size = body.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        scroller.setMinSize(Math.min(size.x, 760), size.y);
        body.layout(true, true);
    }

    public void setMessages(Messages messages) {
        this.messages = messages;
        relabelAll();
        if (shown != null) {
            show(shown);
        }
    }

    // --- what the part shows ----------------------------------------------------------------------------------

    public void showHeader(String text) {
        if (!text.equals(header.getText())) {
            header.setText(text);
            header.requestLayout();
        }
    }

    public void showMessage(String text, boolean problem) {
        message.setText(text);
        message.setForeground(problem ? PROBLEM : OK);
        message.requestLayout();
        updateScroll();
    }

    public void showClockResults(String text) {
        clockResults.setText(text);
        clockResults.requestLayout();
        updateScroll();
    }

    private void showEmpty() {
        String u = messages.unknown;
        for (Label l : List.of(deviceClock, pcClock, drift, dischargeCapacity, dischargeEnergy, dataCount, alarmCount)) {
            l.setText(u);
        }
    }

    /**
     * Forgets what the last Read found: another pack is shown, and until it is read nothing of the one before may
     * stand in its place.
     */
    public void clear() {
        show(new SystemInfo(new org.bmsworkbench.model.DeviceIdentity(Map.of()), null, null, null, null, -1, -1,
                List.of()));
        shown = null;
    }

    /** What a Read found; the entries are set to the device's values. */
    public void show(SystemInfo info) {
        shown = info;
        String u = messages.unknown;
        deviceClock.setText(info.clock() == null ? u : TIME.format(info.clock()));
        pcClock.setText(info.pcTime() == null ? u : TIME.format(info.pcTime()));
        Duration d = info.drift();
        drift.setText(d == null ? u : d.abs().toSeconds() < 1 ? messages.clock_inStep
                : Messages.format(messages.clock_driftValue, durationText(d.abs()),
                        d.isNegative() ? messages.clock_behind : messages.clock_ahead));
        design.setText(info.designAh() == null ? "" : number(info.designAh()));
        full.setText(info.capacity() == null ? "" : number(info.capacity().fullAh()));
        residual.setText(info.capacity() == null ? "" : number(info.capacity().residualAh()));
        cycles.setText(info.capacity() == null ? "" : Integer.toString(info.capacity().cycles()));
        deviceTexts.clear();
        for (Map.Entry<String, Text> e : texts.entrySet()) {
            String v = info.identity().get(e.getKey());
            deviceTexts.put(e.getKey(), v);
            e.getValue().setText(v);
        }
        interval.setText(info.intervalMinutes() == null ? "" : ConfigForm.format(info.intervalMinutes()));
        dataCount.setText(info.dataRecords() < 0 ? u : Long.toString(info.dataRecords()));
        alarmCount.setText(info.alarmRecords() < 0 ? u : Long.toString(info.alarmRecords()));
        body.layout(true, true);
        updateScroll();
    }

    /** Values that follow the live poll: the discharge totals. */
    public void showLive(PackSnapshot snapshot) {
        String u = messages.unknown;
        dischargeCapacity.setText(snapshot == null ? u : quantity(snapshot, Quantity.DISCHARGED_CAPACITY_TOTAL, "%.1f Ah"));
        dischargeEnergy.setText(snapshot == null ? u : quantity(snapshot, Quantity.DISCHARGED_ENERGY_TOTAL, "%.2f kWh"));
    }

    private String quantity(PackSnapshot s, Quantity q, String format) {
        double v = s.find(q).orElse(Double.NaN);
        return Double.isNaN(v) ? messages.unknown : String.format(Locale.ROOT, format, v);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String durationText(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        if (s < 2 * 86400) {
            return (s / 3600) + " h";
        }
        return (s / 86400) + " d";
    }

    /**
     * Enables reading and writing; a write the pack cannot be sent at all (its protocol has no frames for it, a
     * replayed recording) stays greyed out with {@code why} as its tooltip, also put on its row, since GTK shows no
     * tooltip over a greyed-out button.
     *
     * @param supported the writes that can reach the pack when it is online and nothing else runs
     */
    public void setEnabled(boolean canRead, boolean canWrite, java.util.Set<PageWrite> supported, String why) {
        readButton.setEnabled(canRead);
        Map<Control, String> rowTips = new java.util.HashMap<>();
        for (Map.Entry<Button, PageWrite> e : writeButtons.entrySet()) {
            Button b = e.getKey();
            boolean refused = !supported.contains(e.getValue()) && why != null;
            boolean on = canWrite && supported.contains(e.getValue());
            if (b.getEnabled() != on) {
                b.setEnabled(on);
            }
            setTip(b, refused ? why : tipOf(b));
            if (refused) {
                rowTips.put(b.getParent(), why);
            } else {
                rowTips.putIfAbsent(b.getParent(), tipOf(b.getParent()));
            }
        }
        rowTips.forEach(SystemConfigView::setTip);
        // nothing to type where nothing can be written
        for (Text t : List.of(design, full, residual, cycles)) {
            setEditable(t, supported.contains(PageWrite.CAPACITY));
        }
        texts.values().forEach(t -> setEditable(t, supported.contains(PageWrite.TEXTS)));
        setEditable(interval, supported.contains(PageWrite.INTERVAL));
    }

    private static void setEditable(Text t, boolean editable) {
        if (t.getEditable() != editable) {
            t.setEditable(editable);
        }
    }

    private String tipOf(Control c) {
        Supplier<String> t = tips.get(c);
        return t == null ? null : t.get();
    }

    private static void setTip(Control c, String tip) {
        if (!java.util.Objects.equals(tip, c.getToolTipText())) {
            c.setToolTipText(tip);
        }
    }

    // --- for tests ----------------------------------------------------------------------------------------------

    public String headerText() {
        return header.getText();
    }

    public String messageText() {
        return message.getText();
    }

    public String clockResultsText() {
        return clockResults.getText();
    }

    public String deviceClockText() {
        return deviceClock.getText();
    }

    public String driftText() {
        return drift.getText();
    }

    public Text entry(String name) {
        return switch (name) {
            case "design" -> design;
            case "full" -> full;
            case "residual" -> residual;
            case "cycles" -> cycles;
            case "interval" -> interval;
            default -> texts.get(name);
        };
    }

    public String counterText(String name) {
        return counters.get(name).getText();
    }

    public String recordCounts() {
        return dataCount.getText() + "/" + alarmCount.getText();
    }

    public String dischargeText() {
        return dischargeCapacity.getText() + "/" + dischargeEnergy.getText();
    }

    public void useSystemTime(boolean system) {
        useSystem.setSelection(system);
        pickersFollowSystem();
    }

    public void pick(LocalDateTime t) {
        useSystemTime(false);
        date.setDate(t.getYear(), t.getMonthValue() - 1, t.getDayOfMonth());
        time.setTime(t.getHour(), t.getMinute(), t.getSecond());
    }

    public boolean writesEnabled() {
        return writeButtons.keySet().stream().allMatch(Button::getEnabled);
    }

    /** Whether every button of one kind of write is enabled. */
    public boolean writeEnabled(PageWrite kind) {
        return writeButtons.entrySet().stream().filter(e -> e.getValue() == kind).allMatch(e -> e.getKey().getEnabled());
    }

    /** The tooltip of the first button of one kind of write. */
    public String writeTip(PageWrite kind) {
        return writeButtons.entrySet().stream().filter(e -> e.getValue() == kind).findFirst().orElseThrow().getKey()
                .getToolTipText();
    }

    public boolean horizontallyScrollable() {
        return scroller.getMinWidth() > 0;
    }
}
