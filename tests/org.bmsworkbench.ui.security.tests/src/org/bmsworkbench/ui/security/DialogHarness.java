package org.bmsworkbench.ui.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.bmsworkbench.core.security.AccessControl;
import org.bmsworkbench.core.security.PasswordVault;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * A parent Shell for the real dialogs, a gate on a password file of the test's own, and the strings of the bundle.
 * Dialogs are opened without blocking, or driven from {@link Display#asyncExec} while they block; a timer closes any
 * dialog still open after {@link #SAFETY_NET}, so a test that waits for a modal dialog fails instead of hanging.
 */
final class DialogHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration SAFETY_NET = Duration.ofSeconds(20);
    static final String FACTORY = PasswordVault.FACTORY_PASSWORD;
    static final String NEW_PASSWORD = "Pack-Room-7731";

    final Display display;
    final Shell shell;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    final AccessControl gate;
    final Messages messages;
    private boolean closedStray;
    private final Runnable safetyNet = () -> closedStray |= closeDialogs();

    DialogHarness(Path dir) {
        this(dir, Locale.ENGLISH);
    }

    DialogHarness(Path dir, Locale locale) {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(500, 300);
        shell.open();
        gate = new AccessControl(new PasswordVault(dir.resolve("bmsw-access")), clock, state -> {
        });
        messages = messages(locale);
        display.timerExec((int) SAFETY_NET.toMillis(), safetyNet);
    }

    /** The bundle's strings for {@code locale}, read from its properties files. */
    static Messages messages(Locale locale) {
        return Messages.load(locale);
    }

    static Properties load(Properties into, String resource) {
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not in the bundle");
            }
            into.load(in);
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Presses a button as a click does. */
    static void press(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** The open dialog of {@code type}, or {@code null}. */
    <T extends Window> T open(Class<T> type) {
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && type.isInstance(s.getData())) {
                return type.cast(s.getData());
            }
        }
        return null;
    }

    /**
     * Runs {@code action} on the dialog of {@code type} as soon as it is open, from the event loop the modal dialog
     * runs; retries every 50 ms until then.
     */
    <T extends Window> void whenOpen(Class<T> type, Consumer<T> action) {
        display.asyncExec(new Runnable() {
            @Override
            public void run() {
                T dialog = open(type);
                if (dialog == null || dialog.getShell() == null || !dialog.getShell().isVisible()) {
                    display.timerExec(50, this);
                } else {
                    action.accept(dialog);
                }
            }
        });
    }

    /** Whether the safety net had to close a dialog nobody closed. */
    boolean closedStray() {
        return closedStray;
    }

    /** Closes every dialog still open; tells whether there was one. */
    private boolean closeDialogs() {
        boolean any = false;
        for (Shell s : display.getShells()) {
            if (s != shell && !s.isDisposed() && s.getData() instanceof Window window) {
                any = true;
                window.close();
            }
        }
        return any;
    }

    /** Runs the event loop until {@code condition} holds or {@code timeout} passes. */
    boolean spinUntil(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!display.readAndDispatch()) {
                display.timerExec(5, () -> {
                });
                display.sleep();
            }
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        display.timerExec(-1, safetyNet);
        closeDialogs();
        if (!shell.isDisposed()) {
            shell.dispose();
        }
    }

    /** A clock the test moves by hand, for the lockout. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the tests use UTC only");
        }
    }
}
