package org.bmsworkbench.core.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Why the password gate refused to unlock or to change the password. The message is English and complete;
 * user interfaces translate by {@link #reason()} and fill in {@link #retryAfter()} or {@link #file()}.
 */
public final class AccessRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal. */
    public enum Reason {
        /** The (current) password given is wrong; counts towards the lockout. */
        WRONG_PASSWORD,
        /** Too many wrong passwords: no password is checked until {@link AccessRefusedException#retryAfter()} passes. */
        LOCKED_OUT,
        /** The password file cannot be read or is not in the expected format; nothing can be unlocked. */
        PASSWORD_FILE_DAMAGED,
        /** The new password has fewer than {@link PasswordVault#MIN_LENGTH} characters. */
        TOO_SHORT,
        /** The new password is the factory password. */
        SAME_AS_FACTORY,
        /** The new password could not be written; the old one stays. */
        STORAGE_FAILED
    }

    private final Reason reason;
    private final Duration retryAfter;
    private final Path file;

    public AccessRefusedException(Reason reason, String message, Duration retryAfter, Path file, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#LOCKED_OUT}: how long until a password is checked again; otherwise zero. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The password file concerned, or {@code null} when the refusal is not about the file. */
    public Path file() {
        return file;
    }

    /** The lockout duration rounded up to whole seconds, as people are told it (never "0 s" while locked). */
    public long retryAfterSeconds() {
        return roundUpSeconds(retryAfter);
    }

    static long roundUpSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
