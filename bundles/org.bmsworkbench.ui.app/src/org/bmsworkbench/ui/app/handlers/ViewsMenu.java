package org.bmsworkbench.ui.app.handlers;

import java.util.Comparator;
import java.util.List;

import org.bmsworkbench.ui.app.AppIds;
import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * The View menu's list of views: every part descriptor tagged {@value AppIds#TAG_VIEW}, so a plug-in's
 * view appears here without any change to this bundle.
 */
public class ViewsMenu {

    @AboutToShow
    public void aboutToShow(List<MMenuElement> items, MApplication app, EModelService models) {
        MCommand showView = app.getCommands().stream()
                .filter(c -> AppIds.COMMAND_SHOW_VIEW.equals(c.getElementId())).findFirst().orElse(null);
        if (showView == null) {
            return;
        }
        app.getDescriptors().stream().filter(d -> d.getTags().contains(AppIds.TAG_VIEW))
                .sorted(Comparator.comparing(ViewsMenu::label, String.CASE_INSENSITIVE_ORDER)).forEach(d -> {
                    MHandledMenuItem item = models.createModelElement(MHandledMenuItem.class);
                    item.setElementId("org.bmsworkbench.menuitem.showView." + d.getElementId());
                    item.setLabel(label(d));
                    item.setIconURI(d.getIconURI());
                    item.setCommand(showView);
                    MParameter parameter = models.createModelElement(MParameter.class);
                    parameter.setName(AppIds.PARAM_PART_ID);
                    parameter.setValue(d.getElementId());
                    item.getParameters().add(parameter);
                    items.add(item);
                });
    }

    private static String label(MPartDescriptor descriptor) {
        String label = descriptor.getLocalizedLabel();
        return label == null || label.isEmpty() ? descriptor.getElementId() : label;
    }
}
