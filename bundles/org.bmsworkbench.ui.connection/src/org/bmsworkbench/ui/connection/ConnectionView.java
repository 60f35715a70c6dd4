package org.bmsworkbench.ui.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.SerialPortInfo;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.ui.common.StateColors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The connection form of the reference software's first page, as one widget: the port list (serial ports
 * with their USB description, a TCP gateway, the simulated bus; a port the list misses, a pty or a
 * {@code /dev/serial/by-id/...} path can be typed) with Refresh, baud rate and format,
 * protocol, pack quantity and first address, Open and Close; the open buses with their state (a simulated one
 * clearly marked); and the pack the per-pack views show, with its Lock.
 */
public final class ConnectionView extends Composite {

    /** What the view asks of its part. */
    public interface Listener {
        void open(ConnectionForm form);

        void close(String busId);

        void refreshPorts();

        void select(String busId, int address);

        void lock(boolean locked);
    }

    private static final Color SIMULATED = new Color(0xb0, 0x3a, 0x9c);

    private Messages messages;
    private final Listener listener;
    /** Each protocol's usual baud rate, where it has one. */
    private Map<String, Integer> usualBauds = Map.of();
    /** The user picked or typed the baud rate, or it came with a serial bus's settings: it is not suggested over. */
    private boolean baudChosen;
    private boolean settingBaud;
    /** The port box is being filled by the view itself: what it passes through on the way is no user's choice. */
    private boolean listingPorts;
    private final Label portLabel;
    private final Combo port;
    private final Button refresh;
    private final Label gatewayLabel;
    private final Text gateway;
    private final Label baudLabel;
    private final Combo baud;
    private final Label formatLabel;
    private final Combo format;
    private final Label protocolLabel;
    private final Combo protocol;
    private final Label packsLabel;
    private final Text packs;
    private final Label firstLabel;
    private final Text first;
    private final Button open;
    private final Button close;
    private final Label error;
    private final Label stateLabel;
    private final org.eclipse.swt.widgets.List buses;
    private final Label marker;
    private final Label shownLabel;
    private final Combo shown;
    private final Button lock;

    private List<SerialPortInfo> serialPorts = List.of();
    private List<BusStatus> busList = List.of();
    private List<Integer> addresses = List.of();

    public ConnectionView(Composite parent, Messages messages, Listener listener) {
        super(parent, SWT.NONE);
        this.messages = messages;
        this.listener = listener;
        setLayout(new GridLayout(3, false));

        portLabel = new Label(this, SWT.NONE);
        // editable: a port the listing missed, a pty or a /dev/serial/by-id/... path is typed
        port = new Combo(this, SWT.DROP_DOWN);
        // the whole row: a port's USB description is long, and a cut-off name is no use
        port.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        port.setData("org.bmsworkbench.test.id", "connection.port");
        port.addListener(SWT.Selection, e -> portChanged());
        port.addListener(SWT.Modify, e -> portChanged());
        new Label(this, SWT.NONE);
        refresh = new Button(this, SWT.PUSH);
        refresh.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false, 2, 1));
        refresh.addListener(SWT.Selection, e -> listener.refreshPorts());

        gatewayLabel = new Label(this, SWT.NONE);
        gateway = new Text(this, SWT.BORDER);
        gateway.setMessage("192.168.1.200:4196");
        gateway.setData("org.bmsworkbench.test.id", "connection.gateway");
        gateway.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        baudLabel = new Label(this, SWT.NONE);
        baud = new Combo(this, SWT.DROP_DOWN);
        baud.setData("org.bmsworkbench.test.id", "connection.baud");
        baud.setItems(ConnectionForm.BAUD_RATES.toArray(String[]::new));
        baud.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        baud.addListener(SWT.Modify, e -> baudChosen |= !settingBaud);
        formatLabel = new Label(this, SWT.NONE);
        format = new Combo(this, SWT.READ_ONLY);
        format.setData("org.bmsworkbench.test.id", "connection.format");
        format.setItems(ConnectionForm.FORMATS.toArray(String[]::new));
        format.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        protocolLabel = new Label(this, SWT.NONE);
        protocol = new Combo(this, SWT.READ_ONLY);
        protocol.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        protocol.addListener(SWT.Selection, e -> suggestBaud());
        packsLabel = new Label(this, SWT.NONE);
        // text, not a spinner: a spinner corrects 0 to 1 and 17 to 16 without a word; the form refuses with a message
        packs = new Text(this, SWT.BORDER);
        packs.setData("org.bmsworkbench.test.id", "connection.packs");
        packs.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        firstLabel = new Label(this, SWT.NONE);
        first = new Text(this, SWT.BORDER);
        first.setData("org.bmsworkbench.test.id", "connection.first");
        first.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        Composite buttons = new Composite(this, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        buttons.setLayout(new GridLayout(2, true));
        open = new Button(buttons, SWT.PUSH);
        open.setData("org.bmsworkbench.test.id", "connection.open");
        open.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        open.addListener(SWT.Selection, e -> listener.open(form()));
        close = new Button(buttons, SWT.PUSH);
        close.setData("org.bmsworkbench.test.id", "connection.close");
        close.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        error = new Label(this, SWT.WRAP);
        error.setForeground(StateColors.FAILED);
        GridData errorData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        errorData.widthHint = 260;
        error.setLayoutData(errorData);
        error.setData("org.bmsworkbench.test.id", "connection.error");

        stateLabel = new Label(this, SWT.NONE);
        stateLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        buses = new org.eclipse.swt.widgets.List(this, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        GridData busData = new GridData(SWT.FILL, SWT.FILL, true, false, 3, 1);
        busData.heightHint = 60;
        buses.setLayoutData(busData);
        buses.setData("org.bmsworkbench.test.id", "connection.buses");
        buses.addListener(SWT.Selection, e -> updateAddresses());
        // a line such as "bus-2 · tcp 10.0.0.7:4196 · failed: cannot reach …" is wider than the view: the
        // line under the pointer is shown whole as the tooltip
        buses.addListener(SWT.MouseMove, e -> buses.setToolTipText(lineAt(e.y)));
        close.addListener(SWT.Selection, e -> {
            String bus = selectedBus();
            if (bus != null) {
                listener.close(bus);
            }
        });
        marker = new Label(this, SWT.WRAP);
        marker.setForeground(SIMULATED);
        marker.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        marker.setData("org.bmsworkbench.test.id", "connection.simulated");

        shownLabel = new Label(this, SWT.NONE);
        shown = new Combo(this, SWT.READ_ONLY);
        shown.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        shown.setData("org.bmsworkbench.test.id", "connection.shown");
        shown.addListener(SWT.Selection, e -> {
            int i = shown.getSelectionIndex();
            String bus = selectedBus();
            if (i >= 0 && bus != null) {
                listener.select(bus, addresses.get(i));
            }
        });
        lock = new Button(this, SWT.CHECK);
        lock.setData("org.bmsworkbench.test.id", "connection.lock");
        lock.addListener(SWT.Selection, e -> listener.lock(lock.getSelection()));

        relabel();
        setForm(ConnectionForm.defaults());
    }

    public void setMessages(Messages messages) {
        // the port box's items are in the old language: read the choice before they change
        ConnectionForm.Kind kind = kind();
        String name = kind == ConnectionForm.Kind.SERIAL ? portName() : "";
        this.messages = messages;
        relabel();
        listPorts(serialPorts, kind, name);
        showBuses(busList, null, false);
    }

    private void relabel() {
        portLabel.setText(messages.port);
        refresh.setText(messages.refresh);
        gatewayLabel.setText(messages.gateway);
        baudLabel.setText(messages.baud);
        formatLabel.setText(messages.format);
        protocolLabel.setText(messages.protocol);
        packsLabel.setText(messages.packs);
        firstLabel.setText(messages.first);
        open.setText(messages.open);
        close.setText(messages.close);
        stateLabel.setText(messages.state);
        shownLabel.setText(messages.shown);
        lock.setText(messages.lock);
        lock.setToolTipText(messages.lock_tooltip);
        requestLayout();
    }

    /**
     * The serial ports, then the TCP gateway and the simulated bus; the choice is kept when still there, and a
     * typed port name stays as typed.
     */
    public void setPorts(List<SerialPortInfo> ports) {
        if (ports.equals(serialPorts) && port.getItemCount() == ports.size() + 2) {
            // the same ports: the box is left alone, so what is being typed in it keeps its caret
            return;
        }
        ConnectionForm.Kind kind = kind();
        listPorts(ports, kind, kind == ConnectionForm.Kind.SERIAL ? portName() : "");
        suggestBaud();
    }

    private void listPorts(List<SerialPortInfo> ports, ConnectionForm.Kind kindBefore, String nameBefore) {
        listingPorts = true;
        try {
            serialPorts = List.copyOf(ports);
            List<String> items = new ArrayList<>();
            for (SerialPortInfo p : serialPorts) {
                items.add(p.displayName());
            }
            items.add(messages.port_tcp);
            items.add(messages.port_sim);
            port.setItems(items.toArray(String[]::new));
            switch (kindBefore) {
                case TCP -> port.select(serialPorts.size());
                case SIMULATED -> port.select(serialPorts.size() + 1);
                case SERIAL -> showPort(nameBefore);
            }
            enableFields();
        } finally {
            listingPorts = false;
        }
    }

    /** Selects the listed port of that name, or shows the name as typed. */
    private void showPort(String name) {
        for (int k = 0; k < serialPorts.size(); k++) {
            if (serialPorts.get(k).name().equals(name)) {
                port.select(k);
                return;
            }
        }
        port.setText(name == null ? "" : name);
    }

    /** What the port box says: a listed item, or a typed serial port. */
    private ConnectionForm.Kind kind() {
        String text = port.getText();
        if (text.equals(messages.port_tcp)) {
            return ConnectionForm.Kind.TCP;
        }
        if (text.equals(messages.port_sim) || port.getItemCount() == 0) {
            return ConnectionForm.Kind.SIMULATED;
        }
        return ConnectionForm.Kind.SERIAL;
    }

    /** The serial port's name: the listed port whose line is shown, or the text as typed. */
    private String portName() {
        String text = port.getText();
        for (SerialPortInfo p : serialPorts) {
            if (p.displayName().equals(text) || p.name().equals(text.strip())) {
                return p.name();
            }
        }
        return text;
    }

    public void setProtocols(List<String> ids) {
        String before = protocol.getText();
        protocol.setItems(ids.toArray(String[]::new));
        int i = ids.indexOf(before);
        protocol.select(i >= 0 ? i : Math.max(0, ids.indexOf(ProtocolCatalog.DEFAULT_PROTOCOL)));
    }

    /** Each protocol's usual baud rate, suggested for a serial port until the user chooses one. */
    public void setUsualBauds(Map<String, Integer> bauds) {
        usualBauds = Map.copyOf(bauds);
        suggestBaud();
    }

    private void portChanged() {
        enableFields();
        suggestBaud();
    }

    private void suggestBaud() {
        if (protocol == null || baud == null || listingPorts) {
            return; // still being built, or the ports being listed again
        }
        ConnectionForm.suggestedBaud(kind(), baudChosen, usualBauds.get(protocol.getText()))
                .filter(b -> !b.equals(baud.getText())).ifPresent(this::putBaud);
    }

    private void putBaud(String text) {
        settingBaud = true;
        try {
            baud.setText(text);
        } finally {
            settingBaud = false;
        }
    }

    public void setForm(ConnectionForm f) {
        // a bus opened on a real line had its speed set on purpose; the simulator's says nothing of a port's
        baudChosen = f.kind() != ConnectionForm.Kind.SIMULATED;
        switch (f.kind()) {
            case SERIAL -> showPort(f.port());
            case TCP -> {
                port.select(serialPorts.size());
                gateway.setText(f.port());
            }
            case SIMULATED -> port.select(serialPorts.size() + 1);
        }
        putBaud(f.baud());
        format.setText(f.format());
        protocol.setText(f.protocol());
        packs.setText(f.packs());
        first.setText(f.first());
        enableFields();
    }

    /** The form as filled in now, as typed. */
    public ConnectionForm form() {
        ConnectionForm.Kind kind = kind();
        String name = switch (kind) {
            case SERIAL -> portName();
            case TCP -> gateway.getText();
            case SIMULATED -> "";
        };
        return new ConnectionForm(kind, name, baud.getText(), format.getText(), protocol.getText(), packs.getText(),
                first.getText());
    }

    private void enableFields() {
        ConnectionForm f = form();
        gateway.setEnabled(f.kind() == ConnectionForm.Kind.TCP);
        baud.setEnabled(f.hasBaud());
        format.setEnabled(f.hasFormat());
    }

    public void showError(String text) {
        error.setText(text == null ? "" : text);
        error.requestLayout();
    }

    public String errorText() {
        return error.getText();
    }

    /**
     * Shows the open buses and the pack selection.
     *
     * @param selectedBus the bus of the selected pack, or null
     */
    /** The whole text of the bus line at height {@code y} of the list, or {@code null} below the last line. */
    String lineAt(int y) {
        int index = buses.getTopIndex() + y / Math.max(1, buses.getItemHeight());
        return index >= 0 && index < buses.getItemCount() ? buses.getItem(index) : null;
    }

    public void showBuses(List<BusStatus> list, String selectedBus, boolean simulated) {
        busList = List.copyOf(list);
        String[] lines = new String[busList.size()];
        boolean anyFailed = false;
        for (int i = 0; i < lines.length; i++) {
            BusStatus b = busList.get(i);
            lines[i] = Messages.format(messages.bus_line, b.busId(), b.isSimulated() ? messages.port_sim : b.label(),
                    b.retrying() ? messages.busState_RETRYING : messages.name(b.state()))
                    + (b.detail().isEmpty() ? "" : ": " + b.detail());
            anyFailed |= b.state() == BusState.FAILED || b.state() == BusState.RECONNECTING;
        }
        int keep = buses.getSelectionIndex();
        buses.setItems(lines);
        if (lines.length == 0) {
            buses.setItems(messages.no_bus);
        } else {
            int index = 0;
            for (int i = 0; i < busList.size(); i++) {
                if (busList.get(i).busId().equals(selectedBus)) {
                    index = i;
                }
            }
            buses.select(keep >= 0 && keep < lines.length && selectedBus == null ? keep : index);
        }
        buses.setForeground(anyFailed ? StateColors.STALE : null);
        marker.setText(simulated ? messages.simulated_marker : "");
        close.setEnabled(!busList.isEmpty());
        requestLayout();
    }

    /** The addresses of the chosen bus for the pack selector, with the selected one and the lock. */
    public void showSelection(List<Integer> busAddresses, int selectedAddress, boolean locked) {
        addresses = List.copyOf(busAddresses);
        String[] items = new String[addresses.size()];
        int index = -1;
        for (int i = 0; i < items.length; i++) {
            items[i] = String.format("%02d", addresses.get(i));
            if (addresses.get(i) == selectedAddress) {
                index = i;
            }
        }
        shown.setItems(items);
        if (index >= 0) {
            shown.select(index);
        }
        lock.setSelection(locked);
        shown.setEnabled(!locked && items.length > 0);
    }

    private void updateAddresses() {
        listenerAddresses.accept(buses.getSelectionIndex());
    }

    private IntConsumer listenerAddresses = i -> { };

    /** Called with the index of the bus chosen in the list. */
    public void onBusChosen(IntConsumer consumer) {
        listenerAddresses = consumer;
    }

    /** The bus chosen in the list, or null. */
    public String selectedBus() {
        int i = buses.getSelectionIndex();
        return i >= 0 && i < busList.size() ? busList.get(i).busId() : busList.isEmpty() ? null : busList.get(0).busId();
    }

    public String markerText() {
        return marker.getText();
    }

    public Combo shownCombo() {
        return shown;
    }

    public Button lockButton() {
        return lock;
    }

    public Button openButton() {
        return open;
    }
}
