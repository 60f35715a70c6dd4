package org.bmsworkbench.ui.connection;

import java.util.Optional;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** What the Connection menu's handlers share: they act through the Connection view, shown first, so its form and message are seen. */
final class BusMenuHandlers {

    /** The Connection view's part descriptor id (fragment.e4xmi). */
    static final String PART_ID = "org.bmsworkbench.ui.connection.part";

    /** The parameter of the open-recent command: the bus's spec. */
    static final String PARAM_SPEC = "org.bmsworkbench.ui.connection.command.openRecent.spec";

    private BusMenuHandlers() {
    }

    /** Shows the Connection view (creating it if it was closed) and gives its part. */
    static Optional<ConnectionPart> show(EPartService parts) {
        MPart part = parts.showPart(PART_ID, PartState.ACTIVATE);
        return part != null && part.getObject() instanceof ConnectionPart c && c.view() != null ? Optional.of(c)
                : Optional.empty();
    }
}
