package org.bmsworkbench.ui.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.ui.security.WritePrompts;
import org.eclipse.swt.widgets.Shell;

/**
 * The questions before a write, answered as a test says and counted; a part takes them from its context instead of
 * opening modal dialogs. With a gate, "unlocked" types the factory password into it, as a person would.
 */
public final class ScriptedPrompts implements WritePrompts {

    public volatile boolean unlocked;
    public volatile boolean confirm;
    public volatile String question = "";
    /** What happens in the world while the confirmation is open. */
    public volatile Runnable whileConfirming = () -> { };
    public volatile AccessGate gate;
    public final AtomicInteger asked = new AtomicInteger();

    public void set(boolean unlocked, boolean confirm) {
        this.unlocked = unlocked;
        this.confirm = confirm;
        asked.set(0);
        question = "";
    }

    @Override
    public boolean unlocked(Shell shell) {
        asked.incrementAndGet();
        if (!unlocked || gate == null) {
            return unlocked;
        }
        try {
            return gate.isUnlocked() || gate.unlock("AF123456".toCharArray());
        } catch (Exception e) {
            throw new AssertionError("the factory password did not unlock: " + e, e);
        }
    }

    @Override
    public boolean confirm(Shell shell, String title, String question, String send, String cancel) {
        asked.incrementAndGet();
        this.question = question;
        whileConfirming.run();
        return confirm;
    }
}
