package org.bmsworkbench.ui.connection;

import java.util.List;

import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.ConnectionService;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.menu.MDirectMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/** Connection > Recent buses: the buses opened lately, newest first, each opening again with its settings. */
public class RecentBusesMenu {

    static final String COMMAND_ID = "org.bmsworkbench.ui.connection.command.openRecent";

    @AboutToShow
    public void aboutToShow(List<MMenuElement> items, MApplication app, EModelService models,
            ConnectionService connection, @Translation Messages messages) {
        MCommand command = app.getCommands().stream().filter(c -> COMMAND_ID.equals(c.getElementId())).findFirst()
                .orElse(null);
        List<String> recent = connection.recentBuses();
        if (command == null || recent.isEmpty()) {
            MDirectMenuItem none = models.createModelElement(MDirectMenuItem.class);
            none.setElementId("org.bmsworkbench.ui.connection.menuitem.recent.none");
            none.setLabel(messages.recent_none);
            none.setContributionURI("bundleclass://org.bmsworkbench.ui.connection/" + NoRecentBus.class.getName());
            none.setEnabled(false);
            items.add(none);
            return;
        }
        for (int i = 0; i < recent.size(); i++) {
            String spec = recent.get(i);
            MHandledMenuItem item = models.createModelElement(MHandledMenuItem.class);
            item.setElementId("org.bmsworkbench.ui.connection.menuitem.recent." + i);
            item.setLabel(label(spec, messages));
            item.setTooltip(spec);
            item.setCommand(command);
            MParameter parameter = models.createModelElement(MParameter.class);
            parameter.setName(BusMenuHandlers.PARAM_SPEC);
            parameter.setValue(spec);
            item.getParameters().add(parameter);
            items.add(item);
        }
    }

    /** "/dev/ttyUSB0 9600 8N1 · pylontech · packs 1-4"; a spec that no longer parses as it is. */
    static String label(String spec, Messages messages) {
        try {
            BusSettings s = BusSettings.parse(spec);
            String line = s.transport().simulated() ? messages.port_sim : s.transport().label();
            return Messages.format(messages.recent_line, line, s.protocolId(), addresses(s.addresses()));
        } catch (IllegalArgumentException e) {
            // a link type or protocol that is not installed now: the spec says what it was
            return spec;
        }
    }

    /** "5-8" for addresses in a row, "1, 3, 9" otherwise: two buses of the same line differ by their packs. */
    static String addresses(List<Integer> addresses) {
        int first = addresses.get(0);
        int last = addresses.get(addresses.size() - 1);
        boolean row = true;
        for (int i = 0; i < addresses.size(); i++) {
            row &= addresses.get(i) == first + i;
        }
        if (row) {
            return addresses.size() == 1 ? String.valueOf(first) : first + "-" + last;
        }
        return String.join(", ", addresses.stream().map(String::valueOf).toList());
    }
}
