package org.bmsworkbench.ui.security;

import java.util.Locale;
import java.util.Objects;

import org.bmsworkbench.core.security.AccessGate;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Inject;

/**
 * What a view calls on the display thread immediately before it queues anything protected (control, parameter
 * writes, system configuration, firmware): {@link #ensureUnlocked(Shell)} returns {@code true} at once while the gate
 * is unlocked (and counts as activity), otherwise asks for the password; {@code false} means "do not send".
 * <p>
 * A part gets one by injection, {@code @Inject AccessPrompt access}, and its bundle imports
 * {@code org.bmsworkbench.ui.security} and {@code org.bmsworkbench.core.security}. Code without injection calls
 * {@link #ensureUnlocked(Shell, AccessGate)}.
 */
@Creatable
public final class AccessPrompt {

    /** The strings of the workbench's current language, kept by {@link SecurityAddon}. */
    private static volatile Messages current;

    private final AccessGate gate;
    private Messages messages;

    @Inject
    public AccessPrompt(AccessGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** Takes the strings of the current language; e4 calls it again after a language switch. */
    @Inject
    public void setMessages(@Translation Messages messages) {
        this.messages = messages;
    }

    /** The gate behind the prompt, e.g. to check {@link AccessGate#isUnlocked()} without asking. */
    public AccessGate gate() {
        return gate;
    }

    /** For tests: the strings injected last. */
    Messages messages() {
        return messages;
    }

    /** See {@link #ensureUnlocked(Shell, AccessGate, Messages)}. */
    public boolean ensureUnlocked(Shell shell) {
        return ensureUnlocked(shell, gate, messages);
    }

    /**
     * As {@link #ensureUnlocked(Shell, AccessGate, Messages)}, in the workbench's current language (the default
     * locale's when no workbench runs).
     */
    public static boolean ensureUnlocked(Shell shell, AccessGate gate) {
        Messages messages = current;
        return ensureUnlocked(shell, gate, messages != null ? messages : Messages.load(Locale.getDefault()));
    }

    /** Called with the strings of each language the workbench switches to. */
    static void languageChanged(Messages messages) {
        current = messages;
    }

    /**
     * Whether protected commands may be sent now: {@code true} at once while unlocked, after restarting the
     * inactivity timeout; otherwise the {@link UnlockDialog} is shown and the answer is whether it unlocked.
     * Call it on the display thread; the dialog is modal.
     */
    public static boolean ensureUnlocked(Shell shell, AccessGate gate, Messages messages) {
        if (gate.isUnlocked()) {
            gate.touch();
            return true;
        }
        return new UnlockDialog(shell, gate, messages).open() == Window.OK && gate.isUnlocked();
    }
}
