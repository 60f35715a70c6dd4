package org.bmsworkbench.ui.monitor;

import java.time.Instant;
import java.util.Locale;

import org.bmsworkbench.control.ControlInterlocks;
import org.bmsworkbench.control.Judgement;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.control.WriteService;
import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.Overview;
import org.bmsworkbench.core.bus.PackView;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.live.PackSelection;
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
import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.common.BusLabels;
import org.bmsworkbench.ui.common.FrameThrottle;
import org.bmsworkbench.ui.security.AccessPrompt;
import org.bmsworkbench.ui.security.DialogPrompts;
import org.bmsworkbench.ui.security.WritePrompts;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/**
 * Part hosting {@link RealtimeView} for the selected pack. Snapshot events arrive off the display thread and
 * only ask the {@link FrameThrottle} for a refresh, which reads the latest values from {@link LiveData}: a
 * burst of snapshots costs one paint per frame, and none while the part is hidden. Control-test buttons only
 * ask the {@link WriteService}: it judges the interlocks, and after the password and a confirmation that shows
 * the pack's current and FET state, sends the command through the guard, which judges again on a fresh poll,
 * audits and reads back. The part shows what it answers.
 */
public class RealtimePart extends AbstractPart<RealtimeView, Messages> {

    /** Ages and staleness advance even when no event arrives. */
    private static final int TICK_MILLIS = 1000;

    private final LiveData live;
    private final PackSelection selection;
    private final BusStateRegistry registry;
    private final WriteService writes;
    private final AccessPrompt access;
    private final UISynchronize sync;
    /** The password and confirmation questions; dialogs unless the context holds others. */
    @Inject
    @Optional
    private WritePrompts prompts;
    private volatile SelectedPack shown;

    @Inject
    public RealtimePart(LiveData live, PackSelection selection, BusStateRegistry registry, WriteService writes,
            AccessPrompt access, UISynchronize sync) {
        super(Messages.class, FrameThrottle.FRAME_MILLIS, TICK_MILLIS);
        this.live = live;
        this.selection = selection;
        this.registry = registry;
        this.writes = writes;
        this.access = access;
        this.sync = sync;
    }

    @Override
    protected RealtimeView createView(Composite parent, Messages messages) {
        if (prompts == null) {
            prompts = new DialogPrompts(access);
        }
        return new RealtimeView(parent, messages, this::control);
    }

    @Override
    protected void relabel(RealtimeView view, Messages messages) {
        view.setMessages(messages);
        // the greyed-out buttons' reason is worded again in the new language
        supportedFor = null;
    }

    @Inject
    @Optional
    public void onSnapshot(@EventTopic(BmsTopics.LIVE_CHANGED) LiveChanged data) {
        SelectedPack s = shown;
        if (s == null || (s.busId().equals(data.busId()) && s.address() == data.address())) {
            requestRefresh();
        }
    }

    @Inject
    @Optional
    public void onSelected(@EventTopic(BmsTopics.PACK_SELECTED) SelectedPack selected) {
        requestRefresh();
    }

    @Inject
    @Optional
    public void onOverview(@EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        // a bus opened, closed or reopened with another protocol: which actions stand refused is judged again
        supportedFor = null;
        requestRefresh();
    }

    @Override
    protected void refresh(RealtimeView view) {
        java.util.Optional<SelectedPack> selected = selection.current();
        SelectedPack before = shown;
        shown = selected.orElse(null);
        if (before != null && (shown == null || !before.busId().equals(shown.busId())
                || before.address() != shown.address())) {
            // a result belongs to the pack it was sent to: another pack's view must not show it
            view.showTestResult("", false);
        }
        if (selected.isEmpty()) {
            view.showNothing();
            return;
        }
        SelectedPack s = selected.get();
        if (!SelectedPack.samePack(s, supportedFor)) {
            showSupported(view, s);
            supportedFor = s;
        }
        Instant now = Instant.now();
        PackSnapshot snapshot = live.latest(s.busId(), s.address()).map(PackData::snapshot).orElse(null);
        view.show(s.address(), snapshot, linkState(s, now), title(s, now), now);
    }

    /** The pack whose standing refusals the buttons show; {@code null} to judge them again at the next refresh. */
    private volatile SelectedPack supportedFor;

    /**
     * Greys out the control-test actions that are refused whatever the pack says: the bus's protocol has no frames
     * for them, or the bus replays a recording. Judged when the pack or the buses change, not at every frame.
     */
    private void showSupported(RealtimeView view, SelectedPack s) {
        java.util.Set<ControlAction> supported = java.util.EnumSet.noneOf(ControlAction.class);
        String why = null;
        for (ControlAction a : ControlAction.values()) {
            try {
                PackWrite.flagOf(a);
            } catch (IllegalArgumentException notATestAction) {
                continue;
            }
            Refusal r = writes.judge(PackWrite.control(s.busId(), s.address(), a)).refusal().orElse(null);
            if (r != null && r.standing()) {
                why = refusalText(r, Double.NaN, "");
            } else {
                supported.add(a);
            }
        }
        view.setTestSupported(supported, why);
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
                return BusLabels.of(bus.busId(), bus.status(), messages().bus_simulated, messages().bus_replay);
            }
        }
        return s.busId();
    }

    // --- control test ------------------------------------------------------------------------------------------

    /** Runs one control-test action for the pack shown, from its button or from the command. */
    public void control(ControlAction action) {
        SelectedPack s = shown;
        if (s == null) {
            view().showTestResult(messages().refused_NO_DATA, true);
            return;
        }
        PackWrite.ControlWrite write = (PackWrite.ControlWrite) PackWrite.control(s.busId(), s.address(), action);
        Judgement judgement = writes.judge(write);
        if (judgement.refusal().isPresent()) {
            view().showTestResult(refusalText(judgement.refusal().get(), judgement.current(), ""), true);
            return;
        }
        String what = actionText(action);
        if (!prompts.unlocked(view().getShell())) {
            view().showTestResult(messages().test_hint, true);
            return;
        }
        if (!prompts.confirm(view().getShell(), messages().confirm_title, Messages.format(messages().confirm_text, what,
                s.address(), s.busId(), stateText(judgement), messages().confirm_interlock_clear), messages().confirm_send,
                messages().confirm_cancel)) {
            try {
                writes.cancelled(write);
            } catch (java.io.IOException e) {
                view().showTestResult(Messages.format(messages().cancelled_not_on_record, e.getMessage()), true);
            }
            return;
        }
        view().showTestResult(Messages.format(messages().result_sent, what), false);
        writes.submit(write).thenAccept(outcome -> sync.asyncExec(() -> {
            SelectedPack now = shown;
            if (!view().isDisposed() && SelectedPack.samePack(now, s)) {
                showOutcome(write, what, outcome);
            }
        }));
    }

    private void showOutcome(PackWrite.ControlWrite write, String what, WriteOutcome<PackSnapshot> outcome) {
        String fet = fetText(write.flag());
        switch (outcome.kind()) {
            case CONFIRMED -> view().showTestResult(Messages.format(messages().result_confirmed, what, fet,
                    write.switchesOn() ? messages().on : messages().off), false);
            case NOT_CONFIRMED -> view().showTestResult(Messages.format(messages().result_not_confirmed, what, fet,
                    outcome.value().hasFlag(write.flag()) ? messages().on : messages().off), true);
            case REFUSED -> view().showTestResult(Messages.format(messages().result_refused, what,
                    refusalText(outcome.refusal(), liveCurrent(write), outcome.detail())), true);
            case FAILED -> view().showTestResult(Messages.format(messages().result_failed, what, outcome.detail()), true);
        }
    }

    /** The current of the poll the guard judged on: the bus published it before it refused. */
    private double liveCurrent(PackWrite<?> write) {
        return live.latest(write.busId(), write.address()).map(d -> d.snapshot().find(Quantity.CURRENT).orElse(Double.NaN))
                .orElse(Double.NaN);
    }

    /** What the confirmation shows of the pack now: its current and the two FETs. */
    private String stateText(Judgement j) {
        double amps = j.current();
        String direction = Double.isNaN(amps) ? messages().confirm_unknown
                : amps > ControlInterlocks.REST_AMPS ? messages().confirm_charging
                : amps < -ControlInterlocks.REST_AMPS ? messages().confirm_discharging : messages().confirm_resting;
        return Messages.format(messages().confirm_state, Double.isNaN(amps) ? "?" : String.format(Locale.ROOT, "%.1f", amps),
                direction, onOff(j.flag(PackFlag.CFET_ON)), onOff(j.flag(PackFlag.DFET_ON)));
    }

    private String onOff(java.util.Optional<Boolean> state) {
        return state.map(on -> on ? messages().on : messages().off).orElse(messages().confirm_unknown);
    }

    private String fetText(PackFlag flag) {
        return switch (flag) {
            case CFET_ON -> messages().fet_CFET_ON;
            case DFET_ON -> messages().fet_DFET_ON;
            default -> messages().fet_CHARGE_CURRENT_LIMIT_ON;
        };
    }

    /** The refusal in the user's language; {@code detail} says the rest for refusals without their own text. */
    private String refusalText(Refusal r, double amps, String detail) {
        String a = Double.isNaN(amps) ? "?" : String.format(Locale.ROOT, "%.1f", amps);
        return switch (r) {
            case DISCHARGING -> Messages.format(messages().refused_DISCHARGING, a);
            case CHARGING -> Messages.format(messages().refused_CHARGING, a);
            case NOT_CURRENT -> messages().refused_NOT_CURRENT;
            case NO_DATA -> messages().refused_NO_DATA;
            case REPLAY -> messages().refused_REPLAY;
            case UNSUPPORTED -> messages().refused_UNSUPPORTED;
            case LOCKED -> messages().test_hint;
            default -> detail;
        };
    }

    private String actionText(ControlAction a) {
        return switch (a) {
            case CFET_ON -> messages().action_CFET_ON;
            case CFET_OFF -> messages().action_CFET_OFF;
            case DFET_ON -> messages().action_DFET_ON;
            case DFET_OFF -> messages().action_DFET_OFF;
            case CHARGE_LIMIT_ON -> messages().action_CHARGE_LIMIT_ON;
            case CHARGE_LIMIT_OFF -> messages().action_CHARGE_LIMIT_OFF;
            default -> a.name();
        };
    }
}
