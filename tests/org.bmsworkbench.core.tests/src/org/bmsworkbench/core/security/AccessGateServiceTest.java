package org.bmsworkbench.core.security;

import org.bmsworkbench.core.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.events.AccessState;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.EventProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class AccessGateServiceTest {

    @TempDir
    Path dir;

    /** Hands posted events to the test thread. */
    private static final class QueueEventAdmin implements EventAdmin {
        final BlockingQueue<Event> posted = new LinkedBlockingQueue<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            posted.add(event);
        }
    }

    @Test
    void postsChangesAndLocksByItselfWhenIdle() throws Exception {
        QueueEventAdmin admin = new QueueEventAdmin();
        AccessGateService gate = new AccessGateService(admin, new AuditLogFile(dir.resolve("audit.log")),
                new PasswordVault(dir.resolve("bmsw-access"), 1_000), Clock.systemUTC());
        try {
            gate.setInactivityTimeout(Duration.ofMillis(150));
            assertTrue(gate.unlock(PasswordVault.FACTORY_PASSWORD.toCharArray()));
            AccessState unlocked = next(admin);
            assertTrue(unlocked.unlocked());
            assertTrue(unlocked.defaultPassword());
            AccessState locked = next(admin);
            assertFalse(locked.unlocked(), "the timer locked it without anyone asking");
            assertFalse(gate.isUnlocked());
        } finally {
            gate.deactivate();
        }
    }

    @Test
    void wrongPasswordsAndTheLockoutAreAudited() throws Exception {
        AuditLogFile audit = new AuditLogFile(dir.resolve("audit.log"));
        AccessGateService gate = new AccessGateService(new QueueEventAdmin(), audit,
                new PasswordVault(dir.resolve("bmsw-access"), 1_000), Clock.systemUTC());
        try {
            for (int i = 0; i < AccessGate.MAX_FAILURES; i++) {
                assertFalse(gate.unlock("wrong".toCharArray()));
            }
            org.junit.jupiter.api.Assertions.assertThrows(AccessRefusedException.class,
                    () -> gate.unlock(PasswordVault.FACTORY_PASSWORD.toCharArray()));
            java.util.List<String> lines = java.nio.file.Files.readAllLines(audit.file());
            assertEquals(1 + AccessGate.MAX_FAILURES + 1, lines.size(), lines::toString);
            assertTrue(lines.get(1).contains("\tpassword:unlock\t") && lines.get(1).contains("\tREFUSED\twrong password\t"),
                    lines.get(1));
            assertTrue(lines.get(AccessGate.MAX_FAILURES).contains("locked out for 30 s"), lines.toString());
            assertTrue(lines.get(AccessGate.MAX_FAILURES + 1).contains("\tREFUSED\t"), lines.toString());
            assertTrue(AuditChain.verify(audit.file()).intact());
        } finally {
            gate.deactivate();
        }
    }

    @Test
    void theWorkspaceHoldsTheFiles() {
        Path folder = Workspace.metadata(dir.toUri().toString());
        assertEquals(dir.resolve(".metadata"), folder);
        Path spaced = Workspace.metadata("file:" + dir + "/my workspace/");
        assertEquals(dir.resolve("my workspace").resolve(".metadata"), spaced);
        for (String none : new String[] { null, "", "http://example.org/ws/" }) {
            assertEquals(Path.of(System.getProperty("user.home"), ".bmsworkbench"), Workspace.metadata(none));
        }
    }

    private static AccessState next(QueueEventAdmin admin) throws InterruptedException {
        Event event = admin.posted.poll(5, TimeUnit.SECONDS);
        assertEquals(BmsTopics.ACCESS_CHANGED, event == null ? null : event.getTopic());
        return (AccessState) event.getProperty(EventProperties.DATA);
    }
}
