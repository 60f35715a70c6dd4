package org.bmsworkbench.ui.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import org.bmsworkbench.core.security.AccessRefusedException;
import org.bmsworkbench.core.security.PasswordVault;

/**
 * User-facing strings of the password gate ({@code OSGI-INF/l10n/bundle*.properties}), injected with
 * {@code @Translation} and re-injected when the language is switched.
 */
public class Messages {

    public String unlock_title;
    public String unlock_message;
    public String unlock_password;
    public String unlock_button;
    public String unlock_changeButton;
    public String unlock_factoryHint;
    public String unlock_changed;
    public String unlock_wrong;
    public String unlock_triesLeft;
    public String refused_lockedOut;
    public String refused_wrongCurrent;
    public String refused_tooShort;
    public String refused_factory;
    public String refused_damaged;
    public String refused_storage;
    public String change_title;
    public String change_message;
    public String change_current;
    public String change_new;
    public String change_confirm;
    public String change_mismatch;
    public String change_done;
    public String button_ok;
    public String button_cancel;

    /**
     * The strings for {@code locale} read straight from the bundle's properties files, for code that runs without
     * e4's {@code @Translation} (which is what the workbench uses).
     */
    public static Messages load(Locale locale) {
        Properties strings = new Properties();
        read(strings, "/OSGI-INF/l10n/bundle.properties", true);
        read(strings, "/OSGI-INF/l10n/bundle_" + locale.getLanguage() + ".properties", false);
        Messages messages = new Messages();
        for (Field field : Messages.class.getFields()) {
            if (field.getType() == String.class && !Modifier.isStatic(field.getModifiers())) {
                try {
                    field.set(messages, strings.getProperty(field.getName(), field.getName()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("the fields of Messages must be public", e);
                }
            }
        }
        return messages;
    }

    private static void read(Properties into, String resource, boolean required) {
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException(resource + " is missing from the bundle");
                }
                return;
            }
            into.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }

    /** The lockout message for the time left, rounded up so that it never says 0 s while locked. */
    public String lockedOut(Duration left) {
        return format(refused_lockedOut, left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
    }

    /** How many wrong passwords are left before a lockout of {@code lockout}. */
    public String triesLeft(int left, Duration lockout) {
        return format(unlock_triesLeft, left, lockout.toSeconds());
    }

    /** A wrong password, and the tries left before the lockout. */
    public String wrongPassword(int left, Duration lockout) {
        return format(unlock_wrong, left, lockout.toSeconds());
    }

    /** What to tell the user about a refusal, in the current language. */
    public String refusal(AccessRefusedException e) {
        return switch (e.reason()) {
            case WRONG_PASSWORD -> refused_wrongCurrent;
            case LOCKED_OUT -> lockedOut(e.retryAfter());
            case PASSWORD_FILE_DAMAGED -> format(refused_damaged, String.valueOf(e.file()));
            case TOO_SHORT -> format(refused_tooShort, PasswordVault.MIN_LENGTH);
            case SAME_AS_FACTORY -> refused_factory;
            case STORAGE_FAILED -> format(refused_storage, String.valueOf(e.file()),
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        };
    }
}
