package org.bmsworkbench.parameters;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The sheet's messages in the workbench's language ({@code texts.properties}, {@code texts_zh.properties}). */
final class SheetTexts {

    private static final String BUNDLE = "org.bmsworkbench.parameters.texts";

    private SheetTexts() {
    }

    static String format(String language, String key, Object... args) {
        Locale locale = language != null && language.startsWith("zh") ? Locale.CHINESE : Locale.ROOT;
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, SheetTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(texts.getString(key), Locale.ROOT).format(args);
    }
}
