package org.bmsworkbench.ui.record;

import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.record.Decimation;
import org.bmsworkbench.record.RecordingService;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/** Ids of this bundle's model elements, and the check marks of the Recording menu and tool item. */
public final class RecordingItems {

    public static final String MENU_PAUSE = "org.bmsworkbench.ui.record.menuitem.pause";
    public static final String TOOL_PAUSE = "org.bmsworkbench.ui.record.toolitem.pause";
    public static final String MENU_DECIMATION_PREFIX = "org.bmsworkbench.ui.record.menuitem.decimation.";
    public static final String PARAM_DECIMATION = "org.bmsworkbench.ui.record.command.decimation.value";
    public static final String PART_DATA = "org.bmsworkbench.ui.record.data";
    public static final String PART_RECORDINGS = "org.bmsworkbench.ui.record.recordings";

    private RecordingItems() {
    }

    /**
     * Checks Pause Recording (menu and tool item) while the recorder is paused and the radio item of the current
     * decimation, then asks e4 to re-evaluate the enablement of items (display thread).
     */
    public static void sync(MApplication app, EModelService models, IEventBroker broker, RecordingService recorder) {
        if (recorder == null) {
            return;
        }
        boolean paused = recorder.status().state() == RecordingStatus.State.PAUSED;
        for (String id : new String[] { MENU_PAUSE, TOOL_PAUSE }) {
            for (MItem item : find(app, models, id)) {
                if (item.isSelected() != paused) {
                    item.setSelected(paused);
                }
            }
        }
        Decimation current = recorder.settings().decimation();
        for (Decimation d : Decimation.values()) {
            for (MItem item : find(app, models, MENU_DECIMATION_PREFIX + d.name())) {
                if (item.isSelected() != (d == current)) {
                    item.setSelected(d == current);
                }
            }
        }
        if (broker != null) {
            broker.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
        }
    }

    private static java.util.List<MItem> find(MApplication app, EModelService models, String id) {
        return models.findElements(app, id, MItem.class, null,
                EModelService.ANYWHERE | EModelService.IN_MAIN_MENU | EModelService.IN_TRIM);
    }
}
