package org.bmsworkbench.ui.monitor;

import java.time.Instant;
import java.util.Locale;

import org.bmsworkbench.connection.CommandHandle;
import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.Overview;
import org.bmsworkbench.core.bus.PackView;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.core.security.AuditEntry;
import org.bmsworkbench.core.security.AuditLog;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.LiveChanged;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.ui.common.FrameThrottle;
import org.bmsworkbench.ui.security.AccessPrompt;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Part hosting {@link RealtimeView} for the selected pack. Snapshot events arrive off the display thread and
 * only ask the {@link FrameThrottle} for a refresh, which reads the latest values from {@link LiveData}: a
 * burst of snapshots costs one paint per frame, and none while the part is hidden. Control-test buttons go
 * through the interlocks, the password and a confirmation before a command is queued; the outcome is read
 * back from the pack's next answer and written to the audit log.
 */
public class RealtimePart {

    /** Ages and staleness advance even when no event arrives. */
    private static final int TICK_MILLIS = 1000;

    private final LiveData live;
    private final PackSelection selection;
    private final BusStateRegistry registry;
    private final ConnectionService connection;
    private final AccessGate gate;
    private final AuditLog audit;
    private final AccessPrompt access;
    private final UISynchronize sync;
    private Messages messages;
    private RealtimeView view;
    private FrameThrottle throttle;
    private ControlPrompts prompts;
    private volatile SelectedPack shown;
    private PendingCheck pending;

    /** A control action sent, waiting for an answer of the pack that shows its effect. */
    private record PendingCheck(ControlAction action, PackFlag flag, boolean expectOn, Instant sentAt) {
    }

    @Inject
    public RealtimePart(LiveData live, PackSelection selection, BusStateRegistry registry, ConnectionService connection,
            AccessGate gate, AuditLog audit, AccessPrompt access, UISynchronize sync) {
        this.live = live;
        this.selection = selection;
        this.registry = registry;
        this.connection = connection;
        this.gate = gate;
        this.audit = audit;
        this.access = access;
        this.sync = sync;
    }

    @Inject
    public void setMessages(@Translation Messages messages) {
        this.messages = messages;
        if (view != null && !view.isDisposed()) {
            view.setMessages(messages);
            throttle.request();
        }
    }

    @PostConstruct
    public void create(Composite parent) {
        prompts = new DialogPrompts(access);
        view = new RealtimeView(parent, messages, this::control);
        throttle = new FrameThrottle(view, this::refresh);
        refresh();
        throttle.repeatEvery(TICK_MILLIS);
    }

    @Inject
    @Optional
    public void onSnapshot(@EventTopic(BmsTopics.LIVE_CHANGED) LiveChanged data) {
        SelectedPack s = shown;
        if (throttle != null && (s == null || (s.busId().equals(data.busId()) && s.address() == data.address()))) {
            throttle.request();
        }
    }

    @Inject
    @Optional
    public void onSelected(@EventTopic(BmsTopics.PACK_SELECTED) SelectedPack selected) {
        if (throttle != null) {
            throttle.request();
        }
    }

    @Inject
    @Optional
    public void onOverview(@EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        if (throttle != null) {
            throttle.request();
        }
    }

    private void refresh() {
        if (view == null || view.isDisposed()) {
            return;
        }
        java.util.Optional<SelectedPack> selected = selection.current();
        shown = selected.orElse(null);
        if (selected.isEmpty()) {
            view.showNothing();
            return;
        }
        SelectedPack s = selected.get();
        Instant now = Instant.now();
        PackSnapshot snapshot = live.latest(s.busId(), s.address()).map(PackData::snapshot).orElse(null);
        view.show(s.address(), snapshot, linkState(s, now), title(s, now), now);
        checkPending(snapshot);
    }

    private PackLinkState linkState(SelectedPack s, Instant now) {
        Overview overview = registry.overview(now);
        for (BusView bus : overview.buses()) {
            if (bus.busId().equals(s.busId())) {
                for (PackView p : bus.packs()) {
                    if (p.address() == s.address()) {
                        return p.effectiveState();
                    }
                }
            }
        }
        return PackLinkState.OFFLINE;
    }

    private String title(SelectedPack s, Instant now) {
        for (BusView bus : registry.overview(now).buses()) {
            if (bus.busId().equals(s.busId())) {
                return bus.busId() + " (" + bus.status().label() + ")";
            }
        }
        return s.busId();
    }

    // --- control test ------------------------------------------------------------------------------------------

    /** For UI tests: answers the password and confirmation questions without dialogs. */
    public void setPrompts(ControlPrompts prompts) {
        this.prompts = prompts;
    }

    private void control(ControlAction action) {
        SelectedPack s = shown;
        if (s == null) {
            view.showTestResult(messages.refused_NO_DATA, true);
            return;
        }
        Instant now = Instant.now();
        PackSnapshot snapshot = live.latest(s.busId(), s.address()).map(PackData::snapshot).orElse(null);
        java.util.Optional<ControlInterlocks.Refusal> refusal = ControlInterlocks.check(snapshot, linkState(s, now),
                action);
        if (refusal.isPresent()) {
            double amps = snapshot == null ? 0 : snapshot.find(Quantity.CURRENT).orElse(0);
            view.showTestResult(Messages.format(refusalText(refusal.get()), String.format(Locale.ROOT, "%.1f", amps)),
                    true);
            return;
        }
        String what = actionText(action);
        if (!prompts.unlocked(view.getShell())) {
            view.showTestResult(messages.test_hint, true);
            return;
        }
        if (!prompts.confirm(view.getShell(), messages.confirm_title,
                Messages.format(messages.confirm_text, what, s.address(), s.busId()))) {
            return;
        }
        // the gate may have locked itself while the confirmation was open
        if (!gate.isUnlocked()) {
            view.showTestResult(messages.test_hint, true);
            return;
        }
        gate.touch();
        CommandHandle<Reply> handle;
        try {
            handle = connection.submit(s.busId(), Commands.control(s.address(), action));
        } catch (IllegalArgumentException | IllegalStateException e) {
            view.showTestResult(Messages.format(messages.result_failed, what, e.getMessage()), true);
            audit(s, action, snapshot, AuditEntry.Result.FAILED, e.getMessage());
            return;
        }
        view.showTestResult(Messages.format(messages.result_sent, what), false);
        PackFlag flag = flagOf(action);
        handle.result().whenComplete((reply, error) -> sync.asyncExec(() -> {
            if (view.isDisposed()) {
                return;
            }
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                view.showTestResult(Messages.format(messages.result_failed, what, cause.getMessage()), true);
                audit(s, action, snapshot, AuditEntry.Result.FAILED, cause.getMessage());
            } else {
                audit(s, action, snapshot, AuditEntry.Result.SENT, "");
                pending = new PendingCheck(action, flag, action.name().endsWith("_ON"), Instant.now());
                throttle.request();
            }
        }));
    }

    /** Every control command that went out is on record; a record that cannot be written is said, not hidden. */
    private void audit(SelectedPack s, ControlAction action, PackSnapshot snapshot, AuditEntry.Result result,
            String detail) {
        try {
            audit.record(AuditEntry.of(Instant.now(), s.busId(), s.address(), action.name(), before(snapshot, action),
                    after(action), result, detail));
        } catch (java.io.IOException e) {
            view.showTestResult(Messages.format(messages.audit_failed, e.getMessage()), true);
        }
    }

    /** Reads the effect of the last control action back from the pack's answers that came after it. */
    private void checkPending(PackSnapshot snapshot) {
        PendingCheck p = pending;
        if (p == null || snapshot == null || !snapshot.time().isAfter(p.sentAt())) {
            return;
        }
        pending = null;
        boolean on = snapshot.hasFlag(p.flag());
        String state = messages.flag(p.flag()) + " " + (on ? messages.on : messages.off);
        view.showTestResult(Messages.format(on == p.expectOn() ? messages.result_confirmed : messages.result_failed,
                actionText(p.action()), state), on != p.expectOn());
    }

    static PackFlag flagOf(ControlAction action) {
        return switch (action) {
            case CFET_ON, CFET_OFF -> PackFlag.CFET_ON;
            case DFET_ON, DFET_OFF -> PackFlag.DFET_ON;
            case CHARGE_LIMIT_ON, CHARGE_LIMIT_OFF -> PackFlag.CHARGE_CURRENT_LIMIT_ON;
            default -> throw new IllegalArgumentException(action + " is not a control-test action");
        };
    }

    private static String before(PackSnapshot snapshot, ControlAction action) {
        if (snapshot == null) {
            return "unknown";
        }
        return snapshot.hasFlag(flagOf(action)) ? "on" : "off";
    }

    private static String after(ControlAction action) {
        return action.name().endsWith("_ON") ? "on" : "off";
    }

    private String refusalText(ControlInterlocks.Refusal r) {
        return switch (r) {
            case DISCHARGING -> messages.refused_DISCHARGING;
            case CHARGING -> messages.refused_CHARGING;
            case NOT_CURRENT -> messages.refused_NOT_CURRENT;
            case NO_DATA -> messages.refused_NO_DATA;
        };
    }

    private String actionText(ControlAction a) {
        return switch (a) {
            case CFET_ON -> messages.action_CFET_ON;
            case CFET_OFF -> messages.action_CFET_OFF;
            case DFET_ON -> messages.action_DFET_ON;
            case DFET_OFF -> messages.action_DFET_OFF;
            case CHARGE_LIMIT_ON -> messages.action_CHARGE_LIMIT_ON;
            case CHARGE_LIMIT_OFF -> messages.action_CHARGE_LIMIT_OFF;
            default -> a.name();
        };
    }

    /** The widget, for tests. */
    public RealtimeView view() {
        return view;
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (view != null && !view.isDisposed()) {
            view.dispose();
        }
    }
}
