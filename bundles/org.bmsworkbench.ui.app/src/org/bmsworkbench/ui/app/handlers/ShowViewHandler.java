package org.bmsworkbench.ui.app.handlers;

import org.bmsworkbench.ui.app.AppIds;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import jakarta.inject.Named;

/** Opens (or brings to front) the view whose part id is the command parameter. */
public class ShowViewHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(AppIds.PARAM_PART_ID) String partId, MApplication app) {
        return partId != null && app.getDescriptors().stream().anyMatch(d -> partId.equals(d.getElementId()));
    }

    @Execute
    public void execute(@Named(AppIds.PARAM_PART_ID) String partId, EPartService parts) {
        parts.showPart(partId, PartState.ACTIVATE);
    }
}
