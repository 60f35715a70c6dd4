package org.bmsworkbench.ui.monitor;

import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.WriteService;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.protocol.ControlAction;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import jakarta.inject.Named;

/**
 * The control-test actions as commands (Connection &gt; Control test): enabled only while the write service would
 * let the action go for the selected pack, the interlocks included; running one brings Real-time Monitoring
 * forward and asks there, as its buttons do.
 */
public class ControlHandler {

    /** The command's parameter: a {@link ControlAction} name, e.g. {@code DFET_OFF}. */
    public static final String PARAM_ACTION = "org.bmsworkbench.ui.monitor.command.control.action";
    static final String PART_ID = "org.bmsworkbench.ui.monitor.realtime";

    @CanExecute
    public boolean canExecute(@Optional @Named(PARAM_ACTION) String action, @Optional PackSelection selection,
            @Optional WriteService writes) {
        if (action == null || selection == null || writes == null) {
            return false;
        }
        java.util.Optional<SelectedPack> s = selection.current();
        java.util.Optional<ControlAction> a = action(action);
        return s.isPresent() && a.isPresent()
                && writes.judge(PackWrite.control(s.get().busId(), s.get().address(), a.get())).allowed();
    }

    @Execute
    public void execute(@Named(PARAM_ACTION) String action, EPartService parts) {
        MPart part = parts.showPart(PART_ID, PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof RealtimePart realtime) {
            action(action).ifPresent(realtime::control);
        }
    }

    private static java.util.Optional<ControlAction> action(String name) {
        for (ControlAction a : ControlAction.values()) {
            if (a.name().equals(name)) {
                try {
                    PackWrite.flagOf(a);
                    return java.util.Optional.of(a);
                } catch (IllegalArgumentException notATestAction) {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.empty();
    }
}
