package org.bmsworkbench.ui.app;

import java.util.Locale;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Display;

/**
 * Application life cycle: applies the chosen language, remembers the default layout, sizes the main window to
 * the monitor it opens on.
 */
public class LifeCycle {

    @PostContextCreate
    public void postContextCreate(IEclipseContext context) {
        String tag = LanguagePreference.load();
        if (tag != null) {
            context.set(TranslationService.LOCALE, Locale.forLanguageTag(tag));
        }
    }

    @ProcessAdditions
    public void processAdditions(MApplication app, EModelService models, IEclipseContext context) {
        DefaultLayout.placeDefaultViews(app, models);
        DefaultLayout.captureIfMissing(app, models);
        MainWindowPlacement.apply(app, Display.getCurrent());
        Object locale = context.get(TranslationService.LOCALE);
        LanguagePreference.markSelected(app, models, locale instanceof Locale l ? l : Locale.getDefault());
    }
}
