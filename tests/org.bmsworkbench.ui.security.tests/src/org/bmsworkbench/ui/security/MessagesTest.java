package org.bmsworkbench.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every string exists in English and Chinese, and every {@code %key} of the fragment has a translation. */
class MessagesTest {

    @Test
    void everyFieldIsTranslated() throws IllegalAccessException {
        Messages en = DialogHarness.messages(Locale.ENGLISH);
        Messages zh = DialogHarness.messages(Locale.CHINESE);
        for (Field field : Messages.class.getFields()) {
            if (field.getType() != String.class || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String english = (String) field.get(en);
            String chinese = (String) field.get(zh);
            assertNotNull(english, field.getName());
            assertFalse(english.isBlank(), field.getName());
            assertNotNull(chinese, field.getName());
            assertTrue(chinese.chars().anyMatch(c -> c > 0x2e80), field.getName() + " is Chinese: " + chinese);
        }
    }

    @Test
    void bothFilesHaveTheSameKeys() {
        Properties en = DialogHarness.load(new Properties(), "/OSGI-INF/l10n/bundle.properties");
        Properties zh = DialogHarness.load(new Properties(), "/OSGI-INF/l10n/bundle_zh.properties");
        assertEquals(en.stringPropertyNames(), zh.stringPropertyNames());
    }

    @Test
    void theFragmentLabelsAreTranslated() throws IOException {
        Properties en = DialogHarness.load(new Properties(), "/OSGI-INF/l10n/bundle.properties");
        Properties zh = DialogHarness.load(new Properties(), "/OSGI-INF/l10n/bundle_zh.properties");
        String fragment;
        try (InputStream in = Messages.class.getResourceAsStream("/fragment.e4xmi")) {
            assertNotNull(in, "fragment.e4xmi is in the bundle");
            fragment = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher keys = Pattern.compile("\"%([\\w.]+)\"").matcher(fragment);
        int count = 0;
        while (keys.find()) {
            count++;
            assertNotNull(en.getProperty(keys.group(1)), keys.group(1));
            assertNotEquals(en.getProperty(keys.group(1)), zh.getProperty(keys.group(1)), keys.group(1));
        }
        assertTrue(count >= 6, "menu items and commands use %keys");
    }
}
