package org.bmsworkbench.ui.security;

import org.bmsworkbench.core.security.AccessGate;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The workbench side of the gate. It defines "activity" for the inactivity lock: any key press, click or wheel turn
 * anywhere in the workbench, so the protected functions lock when the operator has left the bench, not merely when
 * no write was sent for a while. It also hands {@link AccessPrompt} the strings of the current language.
 */
public class SecurityAddon {

    /** Input comes in bursts; telling the gate once a second is enough for a timeout of minutes. */
    private static final long TOUCH_INTERVAL_NANOS = 1_000_000_000L;
    private static final int[] INPUT = { SWT.KeyDown, SWT.MouseDown, SWT.MouseWheel };

    private Display display;
    private Listener listener;

    /** e4 calls this again after every language switch. */
    @Inject
    public void setMessages(@Translation Messages messages) {
        AccessPrompt.languageChanged(messages);
    }

    @PostConstruct
    public void start(@Optional AccessGate gate) {
        display = Display.getCurrent();
        if (gate == null || display == null) {
            // Without a gate there is nothing to keep unlocked; without a display there is no input to watch.
            return;
        }
        long[] last = { System.nanoTime() - TOUCH_INTERVAL_NANOS };
        listener = event -> {
            long now = System.nanoTime();
            if (now - last[0] >= TOUCH_INTERVAL_NANOS) {
                last[0] = now;
                gate.touch();
            }
        };
        for (int type : INPUT) {
            display.addFilter(type, listener);
        }
    }

    @PreDestroy
    public void stop() {
        if (listener != null && !display.isDisposed()) {
            for (int type : INPUT) {
                display.removeFilter(type, listener);
            }
        }
    }
}
