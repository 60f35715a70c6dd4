package org.bmsworkbench.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.bmsworkbench.core.security.AccessRefusedException;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real change-password dialog in a Shell, opened without blocking and driven through its widgets. */
class ChangePasswordDialogTest {

    @TempDir
    Path dir;

    private DialogHarness harness;
    private ChangePasswordDialog dialog;

    @BeforeEach
    void setUp() {
        harness = new DialogHarness(dir);
        dialog = new ChangePasswordDialog(harness.shell, harness.gate, harness.messages);
        dialog.setBlockOnOpen(false);
        dialog.open();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private void submit(String current, String fresh, String confirm) {
        Text[] fields = dialog.fields();
        fields[0].setText(current);
        fields[1].setText(fresh);
        fields[2].setText(confirm);
        DialogHarness.press(dialog.button(IDialogConstants.OK_ID));
    }

    private boolean isOpen() {
        return dialog.getShell() != null && !dialog.getShell().isDisposed();
    }

    @Test
    void refusesAMismatchedConfirmation() {
        submit(DialogHarness.FACTORY, DialogHarness.NEW_PASSWORD, DialogHarness.NEW_PASSWORD + "x");
        assertTrue(isOpen());
        assertEquals("The new password and its confirmation differ.", dialog.errorText());
        assertEquals("", dialog.fields()[2].getText(), "the confirmation is to be typed again");
        assertTrue(harness.gate.isDefaultPassword(), "nothing was changed");
    }

    @Test
    void refusesAWrongCurrentPassword() {
        submit("AF000000", DialogHarness.NEW_PASSWORD, DialogHarness.NEW_PASSWORD);
        assertTrue(isOpen());
        assertEquals("The current password is wrong.", dialog.errorText());
        assertTrue(harness.gate.isDefaultPassword());
    }

    @Test
    void refusesAShortOrFactoryNewPassword() {
        submit(DialogHarness.FACTORY, "Short-7", "Short-7");
        assertEquals("The new password must have at least 8 characters.", dialog.errorText());
        submit(DialogHarness.FACTORY, DialogHarness.FACTORY, DialogHarness.FACTORY);
        assertEquals("The new password must not be the factory password.", dialog.errorText());
        assertTrue(isOpen());
        assertTrue(harness.gate.isDefaultPassword());
    }

    @Test
    void changesThePasswordAndCloses() throws AccessRefusedException {
        submit(DialogHarness.FACTORY, DialogHarness.NEW_PASSWORD, DialogHarness.NEW_PASSWORD);
        assertFalse(isOpen());
        assertEquals(Window.OK, dialog.getReturnCode());
        assertFalse(harness.gate.isDefaultPassword());
        assertFalse(harness.gate.isUnlocked(), "a change does not unlock");
        assertFalse(harness.gate.unlock(DialogHarness.FACTORY.toCharArray()));
        assertTrue(harness.gate.unlock(DialogHarness.NEW_PASSWORD.toCharArray()));
    }
}
