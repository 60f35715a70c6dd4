package org.bmsworkbench.core.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.bmsworkbench.core.security.AccessRefusedException.Reason;
import org.bmsworkbench.events.AccessState;

/**
 * The {@link AccessGate} logic without OSGi: a {@link PasswordVault}, a clock and a listener for state changes.
 * Nothing here runs by itself; time is read from the clock on every call, so an expired unlock is never reported as
 * unlocked even when no timer has fired. {@link #checkInactivity()} lets a timer lock and announce it promptly.
 */
public final class AccessControl implements AccessGate {

    private final PasswordVault vault;
    private final Clock clock;
    private final Consumer<AccessState> listener;

    private Duration timeout = DEFAULT_INACTIVITY_TIMEOUT;
    private boolean unlocked;
    private Instant lastActivity;
    private Instant since;
    private boolean announcedDefault;
    private int failures;
    private Instant lockedOutUntil;

    /**
     * @param listener told every change of the state (unlocked or the default-password flag), while this object's
     *                 lock is held so that changes arrive in order; it must not block
     */
    public AccessControl(PasswordVault vault, Clock clock, Consumer<AccessState> listener) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        since = clock.instant();
        announcedDefault = vault.isDefault();
    }

    @Override
    public synchronized boolean unlock(char[] password) throws AccessRefusedException {
        Instant now = clock.instant();
        expireIfIdle(now);
        refuseWhileLockedOut(now);
        if (!vault.verify(password)) {
            failed(now);
            return false;
        }
        failures = 0;
        lastActivity = now;
        if (!unlocked) {
            unlocked = true;
            changed(now);
        }
        return true;
    }

    @Override
    public synchronized void lock() {
        Instant now = clock.instant();
        if (unlocked) {
            unlocked = false;
            changed(now);
        }
    }

    @Override
    public synchronized boolean isUnlocked() {
        expireIfIdle(clock.instant());
        return unlocked;
    }

    @Override
    public synchronized void touch() {
        Instant now = clock.instant();
        expireIfIdle(now);
        if (unlocked) {
            lastActivity = now;
        }
    }

    /**
     * Locks (and announces it) if the inactivity timeout has passed.
     *
     * @return while still unlocked, how long until it locks without further activity; empty when locked
     */
    public synchronized Optional<Duration> checkInactivity() {
        Instant now = clock.instant();
        expireIfIdle(now);
        return unlocked ? Optional.of(Duration.between(now, lastActivity.plus(timeout))) : Optional.empty();
    }

    @Override
    public synchronized void changePassword(char[] currentPassword, char[] newPassword) throws AccessRefusedException {
        Instant now = clock.instant();
        expireIfIdle(now);
        refuseWhileLockedOut(now);
        try {
            vault.change(currentPassword, newPassword);
        } catch (AccessRefusedException e) {
            if (e.reason() == Reason.WRONG_PASSWORD) {
                // Otherwise changing the password would be a way to try passwords without the lockout.
                failed(now);
            }
            throw e;
        }
        failures = 0;
        if (unlocked) {
            lastActivity = now;
        }
        if (announcedDefault != vault.isDefault()) {
            changed(now);
        }
    }

    @Override
    public boolean isDefaultPassword() {
        return vault.isDefault();
    }

    @Override
    public synchronized int failuresLeft() {
        return MAX_FAILURES - failures;
    }

    @Override
    public synchronized Optional<Duration> lockoutRemaining() {
        Instant now = clock.instant();
        if (lockedOutUntil == null || !now.isBefore(lockedOutUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, lockedOutUntil));
    }

    @Override
    public synchronized Duration inactivityTimeout() {
        return timeout;
    }

    @Override
    public synchronized void setInactivityTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the inactivity timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        expireIfIdle(clock.instant());
    }

    @Override
    public synchronized AccessState state() {
        expireIfIdle(clock.instant());
        return new AccessState(unlocked, vault.isDefault(), since);
    }

    @Override
    public Path passwordFile() {
        return vault.file();
    }

    private void expireIfIdle(Instant now) {
        if (unlocked && !now.isBefore(lastActivity.plus(timeout))) {
            unlocked = false;
            // The lock began when the timeout ran out, however late it is noticed.
            changed(lastActivity.plus(timeout));
        }
    }

    private void refuseWhileLockedOut(Instant now) throws AccessRefusedException {
        if (lockedOutUntil == null) {
            return;
        }
        if (now.isBefore(lockedOutUntil)) {
            Duration left = Duration.between(now, lockedOutUntil);
            throw new AccessRefusedException(Reason.LOCKED_OUT, "Too many wrong passwords. Try again in "
                    + AccessRefusedException.roundUpSeconds(left) + " s.", left, null, null);
        }
        lockedOutUntil = null;
    }

    private void failed(Instant now) {
        failures++;
        if (failures >= MAX_FAILURES) {
            failures = 0;
            lockedOutUntil = now.plus(LOCKOUT);
        }
    }

    private void changed(Instant time) {
        since = time;
        announcedDefault = vault.isDefault();
        listener.accept(new AccessState(unlocked, announcedDefault, time));
    }
}
