package org.bmsworkbench.ui.connection;

import java.util.List;

import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.events.PortList;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.ui.common.AbstractPart;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/**
 * Part hosting {@link ConnectionView}: opens and closes buses through the {@link ConnectionService}, keeps the
 * port list current, and sets the {@link PackSelection} from the pack selector and its Lock. The form shows the
 * settings of the bus chosen in the list (the selected pack's bus, or the one the user clicks) whenever that
 * choice changes; with no bus open, the form last opened, remembered in the part's persisted state. The buses
 * themselves are remembered by the connection service.
 */
public class ConnectionPart extends AbstractPart<ConnectionView, Messages> implements ConnectionView.Listener {

    private static final String FORM_KEY = "org.bmsworkbench.ui.connection.form";

    private final ConnectionService connection;
    private final PackSelection selection;
    private final MPart part;
    /** The bus whose settings the form shows; the form is filled again only when another bus is chosen. */
    private String formBus;

    @Inject
    public ConnectionPart(ConnectionService connection, PackSelection selection, MPart part) {
        super(Messages.class);
        this.connection = connection;
        this.selection = selection;
        this.part = part;
    }

    @Override
    protected ConnectionView createView(Composite parent, Messages messages) {
        ConnectionView view = new ConnectionView(parent, messages, this);
        view.setProtocols(connection.protocols());
        java.util.Map<String, Integer> bauds = new java.util.HashMap<>();
        for (String id : connection.protocols()) {
            connection.usualBaud(id).ifPresent(b -> bauds.put(id, b));
        }
        view.setUsualBauds(bauds);
        view.setPorts(connection.serialPorts());
        restoreForm(view);
        view.onBusChosen(i -> requestRefresh());
        return view;
    }

    @Override
    protected void relabel(ConnectionView view, Messages messages) {
        view.setMessages(messages);
        if (lastError != null) {
            view.showError(messages.problem(lastError));
        }
    }

    /** The problem the view shows, worded again when the language changes; {@code null} when none. */
    private RuntimeException lastError;

    private void showError(RuntimeException e) {
        lastError = e;
        view().showError(e == null ? "" : messages().problem(e));
    }

    private void restoreForm(ConnectionView view) {
        String saved = part.getPersistedState().get(FORM_KEY);
        if (saved != null) {
            try {
                view.setForm(ConnectionForm.of(BusSettings.parse(saved)));
            } catch (IllegalArgumentException e) {
                // a form saved by another version: the defaults are shown, and the message says why
                view.showError(e.getMessage());
            }
        }
    }

    @Inject
    @Optional
    public void onOverview(@EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        requestRefresh();
    }

    @Inject
    @Optional
    public void onSelected(@EventTopic(BmsTopics.PACK_SELECTED) SelectedPack selected) {
        requestRefresh();
    }

    @Inject
    @Optional
    public void onPorts(@EventTopic(BmsTopics.PORTS_CHANGED) PortList ports) {
        requestRefresh();
    }

    @Override
    protected void refresh(ConnectionView view) {
        view.setPorts(connection.serialPorts());
        List<BusStatus> buses = connection.buses();
        java.util.Optional<SelectedPack> selected = selection.current();
        String selectedBus = selected.map(SelectedPack::busId).orElse(null);
        boolean simulated = buses.stream().anyMatch(b -> connection.settings(b.busId())
                .map(s -> s.transport().simulated()).orElse(false));
        view.showBuses(buses, selectedBus, simulated);
        String bus = view.selectedBus();
        if (bus != null && !bus.equals(formBus)) {
            connection.settings(bus).ifPresent(s -> view.setForm(ConnectionForm.of(s)));
        }
        formBus = bus;
        List<Integer> addresses = bus == null ? List.of()
                : connection.settings(bus).map(BusSettings::addresses).orElse(List.of());
        int address = selected.filter(s -> s.busId().equals(bus)).map(SelectedPack::address).orElse(-1);
        view.showSelection(addresses, address, selection.isLocked());
    }

    @Override
    public void open(ConnectionForm form) {
        BusSettings settings;
        try {
            settings = form.toSettings();
        } catch (IllegalArgumentException e) {
            showError(e);
            return;
        }
        open(settings);
    }

    /** Opens a bus, as the form or Connection > Recent buses asks; a failure is said in the view. */
    public void open(BusSettings settings) {
        try {
            String id = connection.open(settings);
            showError(null);
            part.getPersistedState().put(FORM_KEY, settings.toSpec());
            if (!selection.isLocked()) {
                selection.select(id, settings.addresses().get(0));
            }
        } catch (IllegalArgumentException e) {
            showError(e);
        }
        requestRefresh();
    }

    @Override
    public void close(String busId) {
        connection.close(busId);
        requestRefresh();
    }

    @Override
    public void refreshPorts() {
        view().setPorts(connection.refreshPorts());
    }

    @Override
    public void select(String busId, int address) {
        selection.select(busId, address);
    }

    @Override
    public void lock(boolean locked) {
        selection.setLocked(locked);
    }
}
