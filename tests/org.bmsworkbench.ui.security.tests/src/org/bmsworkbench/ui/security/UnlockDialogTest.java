package org.bmsworkbench.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.core.security.AccessRefusedException;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real unlock dialog in a Shell, opened without blocking and driven through its widgets. */
class UnlockDialogTest {

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

    private UnlockDialog openDialog() {
        UnlockDialog dialog = new UnlockDialog(harness.shell, harness.gate, harness.messages);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    private static void submit(UnlockDialog dialog, String password) {
        dialog.passwordField().setText(password);
        DialogHarness.press(dialog.button(IDialogConstants.OK_ID));
    }

    private static boolean isOpen(Window dialog) {
        return dialog.getShell() != null && !dialog.getShell().isDisposed();
    }

    @Test
    void aWrongPasswordKeepsItLockedAndShowsTheError() {
        UnlockDialog dialog = openDialog();
        assertEquals("", dialog.errorText());
        submit(dialog, "AF123457");
        assertTrue(isOpen(dialog), "the dialog stays open for another try");
        assertEquals("Wrong password. 4 tries left before a 30 s lockout.", dialog.errorText());
        assertEquals("", dialog.passwordField().getText(), "the wrong password is cleared");
        assertFalse(harness.gate.isUnlocked());
    }

    @Test
    void countsDownTheTriesLeftAndShowsThemOnOpening() {
        UnlockDialog dialog = openDialog();
        for (int i = 0; i < AccessGate.MAX_FAILURES - 2; i++) {
            submit(dialog, "wrong-" + i);
        }
        assertEquals("Wrong password. 2 tries left before a 30 s lockout.", dialog.errorText());
        submit(dialog, "wrong-again");
        assertEquals("Wrong password. 1 try left before a 30 s lockout.", dialog.errorText());
        dialog.close();
        UnlockDialog again = openDialog();
        assertEquals("1 try left before a 30 s lockout.", again.errorText(), "shown on opening");
    }

    @Test
    void theRightPasswordUnlocksAndCloses() throws AccessRefusedException {
        harness.gate.changePassword(DialogHarness.FACTORY.toCharArray(), DialogHarness.NEW_PASSWORD.toCharArray());
        UnlockDialog dialog = openDialog();
        submit(dialog, "wrong-password");
        submit(dialog, DialogHarness.NEW_PASSWORD);
        assertFalse(isOpen(dialog));
        assertEquals(Window.OK, dialog.getReturnCode());
        assertTrue(harness.gate.isUnlocked());
    }

    @Test
    void cancelLeavesItLocked() {
        UnlockDialog dialog = openDialog();
        dialog.passwordField().setText(DialogHarness.FACTORY);
        DialogHarness.press(dialog.button(IDialogConstants.CANCEL_ID));
        assertEquals(Window.CANCEL, dialog.getReturnCode());
        assertFalse(harness.gate.isUnlocked());
    }

    @Test
    void saysNothingOfTheFactoryPasswordBeforeItIsGiven() {
        UnlockDialog dialog = openDialog();
        assertTrue(harness.gate.isDefaultPassword());
        assertEquals("", dialog.hintText(), "anyone at the keyboard could read it");
        assertEquals("", dialog.errorText());
        assertFalse(dialog.getShell().getText().contains("factory"));
        submit(dialog, "wrong-password");
        assertFalse(dialog.errorText().toLowerCase(Locale.ROOT).contains("factory"), dialog.errorText());
        assertFalse(dialog.hintText().toLowerCase(Locale.ROOT).contains("factory"), dialog.hintText());
    }

    @Test
    void unlockingWithTheFactoryPasswordOffersTheChangeAtOnce() {
        String[] notice = new String[1];
        harness.whenOpen(ChangePasswordDialog.class, change -> {
            notice[0] = change.noticeText();
            Text[] fields = change.fields();
            fields[0].setText(DialogHarness.FACTORY);
            fields[1].setText(DialogHarness.NEW_PASSWORD);
            fields[2].setText(DialogHarness.NEW_PASSWORD);
            DialogHarness.press(change.button(IDialogConstants.OK_ID));
        });
        UnlockDialog dialog = openDialog();
        submit(dialog, DialogHarness.FACTORY);
        assertFalse(isOpen(dialog));
        assertEquals(Window.OK, dialog.getReturnCode());
        assertEquals(harness.messages.unlock_factoryHint, notice[0]);
        assertTrue(notice[0].contains("factory password is still in use"), notice[0]);
        assertTrue(harness.gate.isUnlocked());
        assertFalse(harness.gate.isDefaultPassword(), "changed in the dialog that was offered");
        assertFalse(harness.closedStray());
    }

    @Test
    void cancellingTheOfferedChangeKeepsItUnlockedAndAsksAgainNextTime() {
        harness.whenOpen(ChangePasswordDialog.class, change -> DialogHarness.press(
                change.button(IDialogConstants.CANCEL_ID)));
        UnlockDialog dialog = openDialog();
        submit(dialog, DialogHarness.FACTORY);
        assertTrue(harness.gate.isUnlocked());
        assertTrue(harness.gate.isDefaultPassword());
        assertFalse(harness.closedStray());
    }

    @Test
    void aChangedPasswordUnlocksWithoutTheOfferAndTheFactoryOneNoLonger() throws AccessRefusedException {
        harness.gate.changePassword(DialogHarness.FACTORY.toCharArray(), DialogHarness.NEW_PASSWORD.toCharArray());
        UnlockDialog dialog = openDialog();
        assertNotNull(dialog.button(UnlockDialog.CHANGE_PASSWORD_ID), "the change is always offered");
        assertEquals("", dialog.hintText());
        submit(dialog, DialogHarness.FACTORY);
        assertTrue(isOpen(dialog), "the factory password no longer unlocks");
        submit(dialog, DialogHarness.NEW_PASSWORD);
        assertTrue(harness.gate.isUnlocked());
        assertNull(harness.open(ChangePasswordDialog.class), "no change offered");
    }

    @Test
    void showsTheLockoutAndRefusesEvenTheRightPasswordUntilItEnds() {
        UnlockDialog dialog = openDialog();
        for (int i = 0; i < AccessGate.MAX_FAILURES; i++) {
            submit(dialog, "wrong-" + i);
        }
        assertEquals("Too many wrong passwords. Try again in 30 s.", dialog.errorText());
        harness.clock.advance(Duration.ofSeconds(12));
        submit(dialog, DialogHarness.FACTORY);
        assertEquals("Too many wrong passwords. Try again in 18 s.", dialog.errorText());
        assertFalse(harness.gate.isUnlocked());
        dialog.close();

        UnlockDialog again = openDialog();
        assertEquals("Too many wrong passwords. Try again in 18 s.", again.errorText(), "shown on opening");
        harness.clock.advance(Duration.ofSeconds(18));
        harness.whenOpen(ChangePasswordDialog.class, change -> DialogHarness.press(
                change.button(IDialogConstants.CANCEL_ID)));
        submit(again, DialogHarness.FACTORY);
        assertTrue(harness.gate.isUnlocked());
    }

    @Test
    void aDamagedPasswordFileIsNamedAndNeverUnlocks() throws IOException {
        Files.writeString(harness.gate.passwordFile(), "not a hash");
        UnlockDialog dialog = openDialog();
        assertEquals("", dialog.hintText(), "a damaged file is not the factory password");
        submit(dialog, DialogHarness.FACTORY);
        assertTrue(isOpen(dialog));
        assertTrue(dialog.errorText().contains(harness.gate.passwordFile().toString()), dialog.errorText());
        assertFalse(harness.gate.isUnlocked());
    }

    @Test
    void speaksChinese() {
        harness.close();
        harness = new DialogHarness(dir, Locale.CHINESE);
        UnlockDialog dialog = openDialog();
        assertEquals("\u89e3\u9501", dialog.getShell().getText());
        submit(dialog, "wrong-password");
        assertEquals("\u5bc6\u7801\u9519\u8bef\u3002\u8fd8\u53ef\u5c1d\u8bd5 4 \u6b21\uff0c"
                + "\u4e4b\u540e\u5c06\u9501\u5b9a 30 \u79d2\u3002", dialog.errorText());
    }
}
