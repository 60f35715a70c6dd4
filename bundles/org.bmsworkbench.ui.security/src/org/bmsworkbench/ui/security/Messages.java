package org.bmsworkbench.ui.security;

import java.text.MessageFormat;
import java.time.Duration;

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

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }

    /** The lockout message for the time left, rounded up so that it never says 0 s while locked. */
    public String lockedOut(Duration left) {
        return format(refused_lockedOut, left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
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
