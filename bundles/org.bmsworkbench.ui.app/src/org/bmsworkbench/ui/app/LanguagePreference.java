package org.bmsworkbench.ui.app;

import java.util.Locale;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.osgi.service.prefs.BackingStoreException;

/** The user's language choice, kept in the instance preferences so it survives a restart. */
public final class LanguagePreference {

    private static final String NODE = "org.bmsworkbench.ui.app";
    private static final String KEY = "language";

    /** Languages the product is translated to. */
    public static final String[] SUPPORTED = { "en", "zh" };

    private LanguagePreference() {
    }

    /** The stored language tag, or {@code null} when the user never chose one. */
    public static String load() {
        String tag = InstanceScope.INSTANCE.getNode(NODE).get(KEY, null);
        return isSupported(tag) ? tag : null;
    }

    public static void store(String tag) {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NODE);
        node.put(KEY, tag);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // The language still changes for this session; only remembering it failed.
            ILog.of(LanguagePreference.class).error("Could not save the language preference", e);
        }
    }

    public static boolean isSupported(String tag) {
        for (String s : SUPPORTED) {
            if (s.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Checks the Tools &gt; Language radio item of {@code locale}'s language. */
    public static void markSelected(MApplication app, EModelService models, Locale locale) {
        MMenu menu = models.findElements(app, AppIds.MENU_LANGUAGE, MMenu.class, null,
                EModelService.ANYWHERE | EModelService.IN_MAIN_MENU).stream().findFirst().orElse(null);
        if (menu == null) {
            return;
        }
        String language = isSupported(locale.getLanguage()) ? locale.getLanguage() : "en";
        for (MMenuElement element : menu.getChildren()) {
            if (element instanceof MHandledMenuItem item) {
                item.setSelected(item.getParameters().stream().map(MParameter::getValue)
                        .anyMatch(language::equals));
            }
        }
    }
}
