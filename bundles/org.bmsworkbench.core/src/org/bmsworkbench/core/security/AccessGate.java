package org.bmsworkbench.core.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.bmsworkbench.events.AccessState;
import org.bmsworkbench.events.BmsTopics;

/**
 * The password gate in front of control, parameter writes, system configuration and firmware upgrade. Code that
 * sends any of these checks {@link #isUnlocked()} (UI code: {@code AccessPrompt.ensureUnlocked} in
 * {@code org.bmsworkbench.ui.security}) immediately before it queues the command, and refuses to send otherwise.
 * <p>
 * The gate locks itself after {@link #inactivityTimeout()} without {@link #touch()}. Every change of
 * {@link AccessState} is posted on {@link BmsTopics#ACCESS_CHANGED}. Implementations are thread-safe. Callers wipe
 * the password arrays they pass in; the gate does not keep them.
 */
public interface AccessGate {

    /** Lock after this long without activity unless set otherwise. */
    Duration DEFAULT_INACTIVITY_TIMEOUT = Duration.ofMinutes(5);

    /** This many wrong passwords in a row ... */
    int MAX_FAILURES = 5;

    /** ... and no password is checked for this long. */
    Duration LOCKOUT = Duration.ofSeconds(30);

    /**
     * Unlocks when {@code password} is right; a wrong one keeps the gate as it is and counts towards the lockout.
     *
     * @return whether the password was right
     * @throws AccessRefusedException {@code LOCKED_OUT} (nothing was checked) or {@code PASSWORD_FILE_DAMAGED}
     */
    boolean unlock(char[] password) throws AccessRefusedException;

    /** Locks at once. */
    void lock();

    /** Whether protected commands may be sent now. Locks first if the inactivity timeout has passed. */
    boolean isUnlocked();

    /** Activity: restarts the inactivity timeout while unlocked; does nothing while locked. */
    void touch();

    /**
     * Replaces the password; does not change whether the gate is unlocked. A wrong current password counts
     * towards the lockout.
     *
     * @throws AccessRefusedException with the reason and a message for people; the password is then unchanged
     */
    void changePassword(char[] currentPassword, char[] newPassword) throws AccessRefusedException;

    /** Whether the factory password is still the password, which anyone with the manual knows. */
    boolean isDefaultPassword();

    /**
     * How many more wrong passwords (at unlock or at a password change) are taken before the {@link #LOCKOUT}:
     * {@link #MAX_FAILURES} after a right password and after a lockout, 1 when the next wrong one starts it.
     */
    int failuresLeft();

    /** How long until a password is checked again after too many wrong ones; empty when not locked out. */
    Optional<Duration> lockoutRemaining();

    Duration inactivityTimeout();

    /** Sets the inactivity timeout (positive); applies at once to the current unlocked period. */
    void setInactivityTimeout(Duration timeout);

    /** The current state, as it would be posted. */
    AccessState state();

    /** Where the password hash is kept, for messages. */
    Path passwordFile();
}
