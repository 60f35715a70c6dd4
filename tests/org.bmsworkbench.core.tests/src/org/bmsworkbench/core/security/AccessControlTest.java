package org.bmsworkbench.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bmsworkbench.core.security.AccessRefusedException.Reason;
import org.bmsworkbench.events.AccessState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessControlTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final char[] FACTORY = PasswordVault.FACTORY_PASSWORD.toCharArray();
    private static final String NEW = "Pack-Room-7731";

    @TempDir
    Path dir;

    private MutableClock clock;
    private List<AccessState> states;
    private AccessControl gate;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        states = new ArrayList<>();
        gate = new AccessControl(new PasswordVault(dir.resolve("bmsw-access"), 1_000), clock, states::add);
    }

    @Test
    void startsLockedWithTheFactoryPassword() {
        assertFalse(gate.isUnlocked());
        assertTrue(gate.isDefaultPassword());
        assertEquals(new AccessState(false, true, T0), gate.state());
        assertTrue(states.isEmpty());
    }

    @Test
    void aWrongPasswordKeepsItLockedAndTheRightOneUnlocks() throws AccessRefusedException {
        assertFalse(gate.unlock("AF12345".toCharArray()));
        assertFalse(gate.isUnlocked());
        assertTrue(states.isEmpty(), "nothing changed, nothing announced");
        assertTrue(gate.unlock(FACTORY));
        assertTrue(gate.isUnlocked());
        assertEquals(List.of(new AccessState(true, true, T0)), states);
        gate.lock();
        assertFalse(gate.isUnlocked());
        assertEquals(new AccessState(false, true, T0), states.get(1));
    }

    @Test
    void locksAfterInactivityAndTouchPostponesIt() throws AccessRefusedException {
        assertTrue(gate.unlock(FACTORY));
        clock.advance(Duration.ofMinutes(4));
        gate.touch();
        clock.advance(Duration.ofMinutes(4));
        assertTrue(gate.isUnlocked(), "the touch restarted the five minutes");
        assertEquals(Optional.of(Duration.ofMinutes(1)), gate.checkInactivity());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), gate.checkInactivity());
        assertFalse(gate.isUnlocked());
        assertEquals(new AccessState(false, true, T0.plus(Duration.ofMinutes(9))), states.get(states.size() - 1),
                "the lock is dated when the timeout ran out");
        gate.touch();
        assertFalse(gate.isUnlocked(), "a touch does not unlock");
    }

    @Test
    void anExpiredUnlockIsLockedEvenWhenNoTimerRan() throws AccessRefusedException {
        gate.setInactivityTimeout(Duration.ofSeconds(30));
        assertTrue(gate.unlock(FACTORY));
        clock.advance(Duration.ofSeconds(31));
        gate.touch();
        assertFalse(gate.isUnlocked());
        assertEquals(2, states.size());
    }

    @Test
    void shorteningTheTimeoutAppliesAtOnce() throws AccessRefusedException {
        assertTrue(gate.unlock(FACTORY));
        clock.advance(Duration.ofMinutes(2));
        gate.setInactivityTimeout(Duration.ofMinutes(1));
        assertFalse(gate.isUnlocked());
        assertThrows(IllegalArgumentException.class, () -> gate.setInactivityTimeout(Duration.ZERO));
    }

    @Test
    void locksOutAfterFiveWrongPasswordsForThirtySeconds() throws AccessRefusedException {
        for (int i = 0; i < AccessGate.MAX_FAILURES; i++) {
            assertFalse(gate.unlock(("wrong-" + i).toCharArray()));
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), gate.lockoutRemaining());
        AccessRefusedException e = assertThrows(AccessRefusedException.class, () -> gate.unlock(FACTORY));
        assertEquals(Reason.LOCKED_OUT, e.reason());
        assertEquals(30, e.retryAfterSeconds());
        assertTrue(e.getMessage().contains("30 s"), e.getMessage());
        assertFalse(gate.isUnlocked(), "not even the right password is checked");

        clock.advance(Duration.ofMillis(29_500));
        e = assertThrows(AccessRefusedException.class, () -> gate.unlock(FACTORY));
        assertEquals(1, e.retryAfterSeconds(), "half a second left is told as 1 s, never 0 s");

        clock.advance(Duration.ofMillis(500));
        assertEquals(Optional.empty(), gate.lockoutRemaining());
        assertTrue(gate.unlock(FACTORY), "released after 30 s");
    }

    @Test
    void countsDownTheWrongPasswordsLeftBeforeTheLockout() throws AccessRefusedException {
        assertEquals(AccessGate.MAX_FAILURES, gate.failuresLeft());
        for (int i = 1; i < AccessGate.MAX_FAILURES; i++) {
            assertFalse(gate.unlock(("wrong-" + i).toCharArray()));
            assertEquals(AccessGate.MAX_FAILURES - i, gate.failuresLeft());
        }
        assertEquals(1, gate.failuresLeft(), "the next wrong one starts the lockout");
        assertEquals(Reason.WRONG_PASSWORD, assertThrows(AccessRefusedException.class,
                () -> gate.changePassword("guess-1234".toCharArray(), NEW.toCharArray())).reason());
        assertEquals(Optional.of(Duration.ofSeconds(30)), gate.lockoutRemaining(), "a change counts as well");
        assertEquals(AccessGate.MAX_FAILURES, gate.failuresLeft(), "after the lockout the count starts again");

        clock.advance(AccessGate.LOCKOUT);
        assertFalse(gate.unlock("wrong-again".toCharArray()));
        assertEquals(AccessGate.MAX_FAILURES - 1, gate.failuresLeft());
        assertTrue(gate.unlock(FACTORY));
        assertEquals(AccessGate.MAX_FAILURES, gate.failuresLeft(), "a right password resets it");
    }

    @Test
    void aRightPasswordResetsTheFailureCount() throws AccessRefusedException {
        for (int i = 0; i < AccessGate.MAX_FAILURES - 1; i++) {
            assertFalse(gate.unlock("wrong-pass".toCharArray()));
        }
        assertTrue(gate.unlock(FACTORY));
        gate.lock();
        for (int i = 0; i < AccessGate.MAX_FAILURES - 1; i++) {
            assertFalse(gate.unlock("wrong-pass".toCharArray()));
        }
        assertEquals(Optional.empty(), gate.lockoutRemaining());
    }

    @Test
    void wrongCurrentPasswordsInAChangeCountTowardsTheLockout() {
        for (int i = 0; i < AccessGate.MAX_FAILURES; i++) {
            assertEquals(Reason.WRONG_PASSWORD, assertThrows(AccessRefusedException.class,
                    () -> gate.changePassword("guess-1234".toCharArray(), NEW.toCharArray())).reason());
        }
        assertEquals(Reason.LOCKED_OUT, assertThrows(AccessRefusedException.class,
                () -> gate.changePassword(FACTORY, NEW.toCharArray())).reason());
        assertTrue(gate.isDefaultPassword());
    }

    @Test
    void changingThePasswordIsAnnouncedAndKeepsTheLockState() throws AccessRefusedException {
        gate.changePassword(FACTORY, NEW.toCharArray());
        assertFalse(gate.isDefaultPassword());
        assertFalse(gate.isUnlocked());
        assertEquals(List.of(new AccessState(false, false, T0)), states);
        assertFalse(gate.unlock(FACTORY));
        assertTrue(gate.unlock(NEW.toCharArray()));
        assertEquals(new AccessState(true, false, T0), states.get(1));
    }

    @Test
    void aDamagedFileNeverUnlocks() throws IOException {
        Files.writeString(gate.passwordFile(), "garbage");
        AccessRefusedException e = assertThrows(AccessRefusedException.class, () -> gate.unlock(FACTORY));
        assertEquals(Reason.PASSWORD_FILE_DAMAGED, e.reason());
        assertTrue(e.getMessage().contains(gate.passwordFile().toString()), e.getMessage());
        assertFalse(gate.isUnlocked());
        assertFalse(gate.isDefaultPassword());
    }
}
