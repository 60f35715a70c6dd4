package org.bmsworkbench.ui.app.handlers;

import java.util.Locale;

import org.bmsworkbench.ui.app.AppIds;
import org.bmsworkbench.ui.app.LanguagePreference;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.ILocaleChangeService;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Tools &gt; Language: switches every translated label and message at once, without a restart, and
 * remembers the choice for the next start.
 */
public class LanguageHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(AppIds.PARAM_LOCALE) String tag) {
        return LanguagePreference.isSupported(tag);
    }

    @Execute
    public void execute(@Named(AppIds.PARAM_LOCALE) String tag, ILocaleChangeService locales, MApplication app,
            EModelService models) {
        Locale locale = Locale.forLanguageTag(tag);
        locales.changeApplicationLocale(locale);
        // The window renderer does not re-read a window's label when only its translation changes.
        for (MWindow window : app.getChildren()) {
            if (window.getWidget() instanceof Shell shell && !shell.isDisposed()) {
                shell.setText(window.getLocalizedLabel());
            }
        }
        LanguagePreference.store(tag);
        LanguagePreference.markSelected(app, models, locale);
    }
}
