package org.bmsworkbench.ui.app;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;

/**
 * The Connection menu is for buses (Open, Close, Refresh ports, recent buses from {@code ui.connection}) and what acts
 * on packs (Control test from {@code ui.monitor}). The View menu already lists every view, so a show-view item a view
 * bundle contributes here only repeats it: it is taken out of the Connection menu when the model is assembled.
 */
public final class ConnectionMenu {

    private ConnectionMenu() {
    }

    /** @return the element ids of the show-view items taken out */
    public static List<String> dropViewItems(MApplication app) {
        List<String> dropped = new ArrayList<>();
        for (MWindow window : app.getChildren()) {
            MMenu main = window.getMainMenu();
            if (main == null) {
                continue;
            }
            for (MMenuElement e : main.getChildren()) {
                if (e instanceof MMenu menu && AppIds.MENU_CONNECTION.equals(menu.getElementId())) {
                    menu.getChildren().removeIf(item -> {
                        boolean view = item instanceof MHandledMenuItem h && h.getCommand() != null
                                && AppIds.COMMAND_SHOW_VIEW.equals(h.getCommand().getElementId());
                        if (view) {
                            dropped.add(item.getElementId());
                        }
                        return view;
                    });
                }
            }
        }
        return dropped;
    }
}
