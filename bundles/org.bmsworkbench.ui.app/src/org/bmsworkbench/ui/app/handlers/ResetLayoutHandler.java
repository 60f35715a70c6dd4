package org.bmsworkbench.ui.app.handlers;

import org.bmsworkbench.ui.app.DefaultLayout;
import org.bmsworkbench.ui.app.Messages;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** View &gt; Reset Layout: puts every view back where the default layout has it. */
public class ResetLayoutHandler {

    @Execute
    public void execute(MApplication app, MWindow window, EModelService models, EPartService parts,
            @Named("activeShell") Shell shell, @Translation Messages messages) {
        try {
            DefaultLayout.reset(app, window, models, parts);
        } catch (IllegalStateException e) {
            ILog.of(ResetLayoutHandler.class).error("Reset Layout failed", e);
            MessageDialog.openError(shell, messages.resetLayout_title, Messages.format(messages.resetLayout_failed,
                    e.getMessage()));
        }
    }
}
