package org.bmsworkbench.core.security;

import org.bmsworkbench.core.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.events.AccessState;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.EventProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The workbench's {@link AccessGate}: an {@link AccessControl} whose password file is
 * {@code <workspace>/.metadata/}{@value #FILE_NAME}, whose changes are posted on {@link BmsTopics#ACCESS_CHANGED},
 * and which a timer locks when the inactivity timeout passes, so listeners hear of it without anyone asking.
 */
@Component(service = AccessGate.class)
public final class AccessGateService implements AccessGate {

    /** Name of the password file in the workspace's {@code .metadata} folder. */
    public static final String FILE_NAME = "bmsw-access";

    private static final System.Logger LOG = System.getLogger(AccessGateService.class.getName());

    private final EventAdmin eventAdmin;
    private final AuditLog audit;
    private final AccessControl control;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> pendingCheck;

    @Activate
    public AccessGateService(@Reference EventAdmin eventAdmin, @Reference AuditLog audit, BundleContext context) {
        this(eventAdmin, audit, new PasswordVault(Workspace.metadata(context.getProperty("osgi.instance.area"))
                .resolve(FILE_NAME)), Clock.systemUTC());
    }

    /** For tests: a given vault and clock. */
    public AccessGateService(EventAdmin eventAdmin, AuditLog audit, PasswordVault vault, Clock clock) {
        this.eventAdmin = eventAdmin;
        this.audit = audit;
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bmsw-access-timer");
            thread.setDaemon(true);
            return thread;
        });
        control = new AccessControl(vault, clock, this::changed);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    /** Called with the control's lock held, so events leave in the order of the changes. */
    private void changed(AccessState state) {
        eventAdmin.postEvent(new Event(BmsTopics.ACCESS_CHANGED, EventProperties.of(state)));
        if (state.unlocked()) {
            scheduleCheck(control.inactivityTimeout());
        }
    }

    private synchronized void scheduleCheck(Duration delay) {
        if (timer.isShutdown()) {
            return;
        }
        if (pendingCheck != null) {
            pendingCheck.cancel(false);
        }
        // A touch moves the deadline; the check then finds time left and schedules itself again.
        pendingCheck = timer.schedule(this::check, Math.max(delay.toMillis(), 0) + 10, TimeUnit.MILLISECONDS);
    }

    private void check() {
        control.checkInactivity().ifPresent(this::scheduleCheck);
    }

    @Override
    public boolean unlock(char[] password) throws AccessRefusedException {
        try {
            boolean ok = control.unlock(password);
            if (!ok) {
                refused("unlock", "wrong password" + lockoutText());
            }
            return ok;
        } catch (AccessRefusedException e) {
            refused("unlock", e.getMessage());
            throw e;
        }
    }

    private String lockoutText() {
        return control.lockoutRemaining().map(d -> "; locked out for " + (d.toMillis() + 999) / 1000 + " s").orElse("");
    }

    /** Wrong passwords and lockouts are on record with the writes they guard. */
    private void refused(String what, String why) {
        try {
            audit.record(AuditEntry.of(java.time.Instant.now(), "", 0, "password:" + what, "", "",
                    AuditEntry.Result.REFUSED, why));
        } catch (java.io.IOException e) {
            // the unlock answer must still reach the person; the missing line is in the workbench log
            LOG.log(System.Logger.Level.ERROR, "cannot write the audit log " + audit.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void lock() {
        control.lock();
    }

    @Override
    public boolean isUnlocked() {
        return control.isUnlocked();
    }

    @Override
    public void touch() {
        control.touch();
    }

    @Override
    public void changePassword(char[] currentPassword, char[] newPassword) throws AccessRefusedException {
        try {
            control.changePassword(currentPassword, newPassword);
        } catch (AccessRefusedException e) {
            refused("change", e.getMessage() + lockoutText());
            throw e;
        }
    }

    @Override
    public boolean isDefaultPassword() {
        return control.isDefaultPassword();
    }

    @Override
    public int failuresLeft() {
        return control.failuresLeft();
    }

    @Override
    public Optional<Duration> lockoutRemaining() {
        return control.lockoutRemaining();
    }

    @Override
    public Duration inactivityTimeout() {
        return control.inactivityTimeout();
    }

    @Override
    public void setInactivityTimeout(Duration timeout) {
        control.setInactivityTimeout(timeout);
        check();
    }

    @Override
    public AccessState state() {
        return control.state();
    }

    @Override
    public Path passwordFile() {
        return control.passwordFile();
    }
}
