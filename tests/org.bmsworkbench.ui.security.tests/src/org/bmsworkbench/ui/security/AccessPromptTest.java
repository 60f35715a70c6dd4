package org.bmsworkbench.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.bmsworkbench.core.security.AccessRefusedException;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate other views pass before they send anything protected, with the real, modal unlock dialog. */
class AccessPromptTest {

    @TempDir
    Path dir;

    private DialogHarness harness;

    @BeforeEach
    void setUp() {
        harness = new DialogHarness(dir);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private boolean ensureUnlocked() {
        return AccessPrompt.ensureUnlocked(harness.shell, harness.gate, harness.messages);
    }

    @Test
    void returnsAtOnceWithoutADialogWhileUnlockedAndCountsAsActivity() throws AccessRefusedException {
        assertTrue(harness.gate.unlock(DialogHarness.FACTORY.toCharArray()));
        harness.clock.advance(Duration.ofMinutes(4));
        // A dialog here would block until the safety net closed it, and the answer would then be false.
        assertTrue(ensureUnlocked());
        assertFalse(harness.closedStray());
        harness.clock.advance(Duration.ofMinutes(4));
        assertTrue(harness.gate.isUnlocked(), "the prompt restarted the inactivity timeout");
    }

    @Test
    void asksWhileLockedAndGoesOnOnceTheRightPasswordIsGiven() {
        // The factory password: the change is offered once it has unlocked, and may be put off.
        harness.whenOpen(ChangePasswordDialog.class, change -> DialogHarness.press(
                change.button(IDialogConstants.CANCEL_ID)));
        harness.whenOpen(UnlockDialog.class, dialog -> {
            dialog.passwordField().setText("wrong-password");
            DialogHarness.press(dialog.button(IDialogConstants.OK_ID));
            dialog.passwordField().setText(DialogHarness.FACTORY);
            DialogHarness.press(dialog.button(IDialogConstants.OK_ID));
        });
        assertTrue(ensureUnlocked());
        assertFalse(harness.closedStray());
        assertTrue(harness.gate.isUnlocked());
    }

    @Test
    void saysNoWhenTheUserCancels() {
        harness.whenOpen(UnlockDialog.class, dialog -> DialogHarness.press(dialog.button(IDialogConstants.CANCEL_ID)));
        assertFalse(ensureUnlocked());
        assertFalse(harness.closedStray());
        assertFalse(harness.gate.isUnlocked());
    }

    @Test
    void asksAgainAfterTheInactivityTimeout() throws AccessRefusedException {
        assertTrue(harness.gate.unlock(DialogHarness.FACTORY.toCharArray()));
        harness.clock.advance(harness.gate.inactivityTimeout());
        harness.whenOpen(UnlockDialog.class, dialog -> DialogHarness.press(dialog.button(IDialogConstants.CANCEL_ID)));
        assertFalse(ensureUnlocked());
        assertFalse(harness.closedStray());
    }

    @Test
    void withoutMessagesItSpeaksTheWorkbenchLanguage() throws AccessRefusedException {
        AccessPrompt.languageChanged(Messages.load(Locale.CHINESE));
        try {
            String[] title = new String[1];
            harness.whenOpen(UnlockDialog.class, dialog -> {
                title[0] = dialog.getShell().getText();
                DialogHarness.press(dialog.button(IDialogConstants.CANCEL_ID));
            });
            assertFalse(AccessPrompt.ensureUnlocked(harness.shell, harness.gate));
            assertEquals("\u89e3\u9501", title[0]);
            assertTrue(harness.gate.unlock(DialogHarness.FACTORY.toCharArray()));
            assertTrue(AccessPrompt.ensureUnlocked(harness.shell, harness.gate));
            assertFalse(harness.closedStray());
        } finally {
            AccessPrompt.languageChanged(null);
        }
    }

    @Test
    void anyInputInTheWorkbenchCountsAsActivity() throws AccessRefusedException {
        SecurityAddon addon = new SecurityAddon();
        addon.start(harness.gate);
        try {
            assertTrue(harness.gate.unlock(DialogHarness.FACTORY.toCharArray()));
            harness.clock.advance(Duration.ofMinutes(4));
            harness.shell.notifyListeners(SWT.KeyDown, new Event());
            harness.clock.advance(Duration.ofMinutes(4));
            assertTrue(harness.gate.isUnlocked(), "the key press restarted the inactivity timeout");
        } finally {
            addon.stop();
        }
        harness.clock.advance(Duration.ofMinutes(5));
        assertFalse(harness.gate.isUnlocked());
    }

    @Test
    void theMenuLocksAndOffersOnlyWhatApplies() throws AccessRefusedException {
        UnlockHandler unlock = new UnlockHandler();
        LockHandler lock = new LockHandler();
        assertTrue(unlock.canExecute(harness.gate));
        assertFalse(lock.canExecute(harness.gate));
        assertTrue(harness.gate.unlock(DialogHarness.FACTORY.toCharArray()));
        assertFalse(unlock.canExecute(harness.gate));
        assertTrue(lock.canExecute(harness.gate));
        lock.execute(harness.gate);
        assertFalse(harness.gate.isUnlocked());
        assertFalse(unlock.canExecute(null), "no gate service, no menu");
        assertFalse(new ChangePasswordHandler().canExecute(null));
    }
}
