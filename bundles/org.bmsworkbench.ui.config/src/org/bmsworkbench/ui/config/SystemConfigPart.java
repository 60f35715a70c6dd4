package org.bmsworkbench.ui.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.bmsworkbench.config.PackCommands;
import org.bmsworkbench.config.SetupWrites;
import org.bmsworkbench.config.SystemInfo;
import org.bmsworkbench.config.SystemReader;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.control.Judgement;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.control.WriteService;
import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.PackView;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.LiveChanged;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.common.BusLabels;
import org.bmsworkbench.ui.config.model.ConfigForm;
import org.bmsworkbench.ui.config.model.PageWrite;
import org.bmsworkbench.ui.security.AccessPrompt;
import org.bmsworkbench.ui.security.DialogPrompts;
import org.bmsworkbench.ui.security.WritePrompts;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/**
 * Part hosting {@link SystemConfigView} for the selected pack: the manual's System Configuration page. Reads are
 * bus commands that change nothing; every write (clock, capacity, texts, record interval, record erasure,
 * hibernation, calibration, firmware) goes through the {@link WriteService}: the form's check, the guard's
 * judgement, the password, a confirmation with Cancel as its default, then the guarded command and its read-back.
 */
public class SystemConfigPart extends AbstractPart<SystemConfigView, Messages> implements SystemConfigView.Actions {

    private static final int REFRESH_MILLIS = 100;
    private static final int TICK_MILLIS = 1000;
    private static final String DATA_RECORD_PART = "org.bmsworkbench.ui.records.data";
    private static final String ALARM_RECORD_PART = "org.bmsworkbench.ui.records.alarm";

    private final PackSelection selection;
    private final BusStateRegistry registry;
    private final LiveData live;
    private final ConnectionService connection;
    private final WriteService writes;
    private final AccessPrompt access;
    private final UISynchronize sync;
    @Inject
    @Optional
    private WritePrompts prompts;
    @Inject
    @Optional
    private EPartService parts;

    // display thread only
    private SelectedPack shown;
    private SystemInfo info;
    private boolean busy;
    private boolean autoRead;
    private Supplier<String> lastMessage = () -> "";
    private boolean lastProblem;

    @Inject
    public SystemConfigPart(PackSelection selection, BusStateRegistry registry, LiveData live,
            ConnectionService connection, WriteService writes, AccessPrompt access, UISynchronize sync) {
        super(Messages.class, REFRESH_MILLIS, TICK_MILLIS);
        this.selection = selection;
        this.registry = registry;
        this.live = live;
        this.connection = connection;
        this.writes = writes;
        this.access = access;
        this.sync = sync;
    }

    @Override
    protected SystemConfigView createView(Composite parent, Messages messages) {
        if (prompts == null) {
            prompts = new DialogPrompts(access);
        }
        return new SystemConfigView(parent, messages, this);
    }

    @Override
    protected void relabel(SystemConfigView view, Messages messages) {
        view.setMessages(messages);
        writableFor = null; // the reason a write is greyed out is worded again
        view.showMessage(lastMessage.get(), lastProblem);
    }

    @Inject
    @Optional
    public void onSelected(@EventTopic(BmsTopics.PACK_SELECTED) SelectedPack selected) {
        requestRefresh();
    }

    @Inject
    @Optional
    public void onOverview(@EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        // a bus opened, closed or reopened with another protocol: whether the page can write is judged again
        writableFor = null;
        requestRefresh();
    }

    @Inject
    @Optional
    public void onLive(@EventTopic(BmsTopics.LIVE_CHANGED) LiveChanged changed) {
        requestRefresh();
    }

    @Override
    protected void refresh(SystemConfigView view) {
        SelectedPack selected = selection.current().orElse(null);
        if (!SelectedPack.samePack(selected, shown) && !busy) {
            shown = selected;
            info = null;
            view.clear();
            autoRead = selected != null;
            say(() -> shown == null ? "" : messages().not_read, false);
        }
        if (shown == null) {
            view.showHeader(messages().title_none);
            view.setEnabled(false, false, java.util.Set.of(), null);
            view.showLive(null);
            return;
        }
        PackLinkState state = linkState();
        view.showHeader(Messages.format(messages().title_pack, shown.address(), busLabel(), stateText(state)));
        view.showLive(target().latest());
        boolean online = state == PackLinkState.ONLINE;
        if (!SelectedPack.samePack(shown, writableFor)) {
            judgeWritable(shown);
            writableFor = shown;
        }
        view.setEnabled(online && !busy, online && !busy, writable, whyNot);
        if (autoRead && online && !busy) {
            autoRead = false;
            read();
        }
    }

    /**
     * Which writes of this page can reach the pack: a protocol may have a clock and no device setup, a read-only
     * vendor protocol has none, and a replayed recording has no pack behind it; the other buttons are greyed out,
     * saying why, rather than asking for a password only to refuse.
     */
    private void judgeWritable(SelectedPack s) {
        java.util.Set<PageWrite> can = java.util.EnumSet.noneOf(PageWrite.class);
        String why = null;
        for (Map.Entry<PageWrite, PackWrite<?>> e : PageWrite.samples(s.busId(), s.address(),
                connection.protocolOf(s.busId())).entrySet()) {
            Refusal r = writes.judge(e.getValue()).refusal().orElse(null);
            if (r != null && r.standing()) {
                why = Outcomes.refusal(messages(), r, Double.NaN, "");
            } else {
                can.add(e.getKey());
            }
        }
        if (can.size() < PageWrite.values().length && why == null) {
            why = messages().refused_UNSUPPORTED;
        }
        writable = can;
        whyNot = why;
    }

    /** The pack {@link #writable} was judged for, judged when the pack or the buses change, not at every refresh. */
    private volatile SelectedPack writableFor;
    private java.util.Set<PageWrite> writable = java.util.Set.of();
    private String whyNot;

    private PackLinkState linkState() {
        for (BusView bus : registry.overview(Instant.now()).buses()) {
            if (bus.busId().equals(shown.busId())) {
                for (PackView p : bus.packs()) {
                    if (p.address() == shown.address()) {
                        return p.effectiveState();
                    }
                }
            }
        }
        return PackLinkState.OFFLINE;
    }

    private List<Integer> packsOfBus() {
        List<Integer> result = new ArrayList<>();
        for (BusView bus : registry.overview(Instant.now()).buses()) {
            if (bus.busId().equals(shown.busId())) {
                bus.packs().forEach(p -> result.add(p.address()));
            }
        }
        return result;
    }

    private String busLabel() {
        for (BusView bus : registry.overview(Instant.now()).buses()) {
            if (bus.busId().equals(shown.busId())) {
                return BusLabels.of(bus.busId(), bus.status(), messages().bus_simulated, null);
            }
        }
        return shown.busId();
    }

    /** What a read could not get, in the user's language; the pack's own words stay as it said them. */
    private String gaps(SystemInfo info) {
        List<String> parts = new ArrayList<>();
        for (SystemInfo.Gap g : info.unavailable()) {
            String pattern = switch (g.part()) {
                case CLOCK -> messages().gap_CLOCK;
                case SYSTEM_CONFIGURATION -> messages().gap_SYSTEM_CONFIGURATION;
                case IDENTITY -> messages().gap_IDENTITY;
                case DATA_RECORD_COUNT -> messages().gap_DATA_RECORD_COUNT;
                case ALARM_RECORD_COUNT -> messages().gap_ALARM_RECORD_COUNT;
            };
            parts.add(Messages.format(pattern, g.detail()));
        }
        return String.join(messages().gap_separator, parts);
    }

    private String stateText(PackLinkState s) {
        return switch (s) {
            case ONLINE -> messages().state_ONLINE;
            case STALE -> messages().state_STALE;
            case OFFLINE -> messages().state_OFFLINE;
            case HIBERNATING -> messages().state_HIBERNATING;
        };
    }

    private PackTarget target() {
        return new PackTarget(shown.busId(), shown.address(), busLabel(), writes, connection, live, prompts, sync);
    }

    /** Shows a message that is made again from the current strings after a language switch. */
    private void say(Supplier<String> text, boolean problem) {
        lastMessage = text;
        lastProblem = problem;
        SystemConfigView v = view();
        if (v != null && !v.isDisposed()) {
            v.showMessage(text.get(), problem);
        }
    }

    private void setBusy(boolean b) {
        busy = b;
        requestRefresh();
    }

    /** Runs {@code action} on the display thread if the same pack is still shown and the view alive. */
    private void later(SelectedPack pack, Runnable action) {
        sync.asyncExec(() -> {
            SystemConfigView v = view();
            if (v != null && !v.isDisposed() && SelectedPack.samePack(pack, shown)) {
                action.run();
            }
        });
    }

    // --- actions ------------------------------------------------------------------------------------------------

    @Override
    public void read() {
        if (shown == null || busy) {
            return;
        }
        SelectedPack pack = shown;
        setBusy(true);
        say(() -> Messages.format(messages().reading, pack.address()), false);
        CompletableFuture<SystemInfo> f;
        try {
            f = connection.submit(pack.busId(), SystemReader.read(pack.address(), Clock.systemDefaultZone())).result();
        } catch (IllegalArgumentException | IllegalStateException e) {
            setBusy(false);
            say(() -> Messages.format(messages().read_failed, pack.address(), e.getMessage()), true);
            return;
        }
        f.whenComplete((result, error) -> later(pack, () -> {
            setBusy(false);
            if (error != null) {
                Throwable c = error.getCause() != null ? error.getCause() : error;
                say(() -> Messages.format(messages().read_failed, pack.address(), c.getMessage()), true);
                return;
            }
            info = result;
            view().show(result);
            if (!result.unavailable().isEmpty()) {
                say(() -> Messages.format(messages().unsupported, pack.address(), gaps(result)), true);
            } else {
                say(() -> Messages.format(messages().read_done, pack.address()), false);
            }
        }));
    }

    /**
     * The questions before a write: the guard's judgement now, the password, the confirmation. False when the
     * write must not go; the reason is shown and a cancel is put on record.
     */
    private boolean mayWrite(PackWrite<?> write, String question) {
        Judgement j = writes.judge(write);
        String refused = Outcomes.refused(messages(), j);
        if (refused != null) {
            say(() -> refused, true);
            return false;
        }
        if (!prompts.unlocked(view().getShell())) {
            say(() -> messages().locked, true);
            return false;
        }
        if (!prompts.confirm(view().getShell(), Messages.format(messages().confirm_title, write.address()), question,
                messages().confirm_send, messages().confirm_cancel)) {
            String said = Outcomes.cancelled(messages(), writes, write);
                say(() -> said, false);
            return false;
        }
        return true;
    }

    /** Submits writes one after the other, shows each outcome, and reads the pack again at the end. */
    private void submitAll(List<PackWrite<?>> list, boolean reread) {
        SelectedPack pack = shown;
        setBusy(true);
        say(() -> Messages.format(messages().writing, pack.address()), false);
        CompletableFuture<List<WriteOutcome<?>>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (PackWrite<?> w : list) {
            chain = chain.thenCompose(done -> writes.submit(w).thenApply(o -> {
                done.add(o);
                return done;
            }));
        }
        chain.whenComplete((outcomes, error) -> later(pack, () -> {
            setBusy(false);
            if (error != null) {
                say(() -> Messages.format(messages().outcome_FAILED, error.getMessage()), true);
                return;
            }
            boolean good = outcomes.stream().allMatch(Outcomes::good);
            say(() -> String.join("\n", outcomes.stream().map(o -> Outcomes.text(messages(), o)).toList()), !good);
            if (reread) {
                read();
            }
        }));
    }

    @Override
    public void setClock(LocalDateTime time, boolean allPacks) {
        if (shown == null || busy) {
            return;
        }
        boolean pcTime = time == null;
        LocalDateTime asked = pcTime ? LocalDateTime.now().withNano(0) : time;
        String when = asked.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        if (pcTime) {
            when = Messages.format(messages().clock_pcTime, when);
        }
        List<Integer> addresses = allPacks ? packsOfBus() : List.of(shown.address());
        PackWrite<LocalDateTime> first = PackWrite.clock(shown.busId(), shown.address(), asked);
        String question = allPacks
                ? Messages.format(messages().confirm_clockAll, busLabel(), addresses.size(), when)
                : Messages.format(messages().confirm_clock, shown.address(), busLabel(), when);
        if (!mayWrite(first, question)) {
            return;
        }
        SelectedPack pack = shown;
        setBusy(true);
        say(() -> Messages.format(messages().writing, pack.address()), false);
        // each pack its own command and its own result; the time is taken again for each, so none is set late: the
        // PC's own time, or the picked time counted from the confirmation
        long offsetMillis = pcTime ? 0 : java.time.Duration.between(LocalDateTime.now(), time).toMillis();
        List<String> lines = new ArrayList<>();
        boolean[] allGood = { true };
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int address : addresses) {
            chain = chain.thenCompose(v -> writes.submit(PackWrite.clock(pack.busId(), address,
                    LocalDateTime.now().plusNanos(offsetMillis * 1_000_000).withNano(0))).thenAccept(o -> {
                        synchronized (lines) {
                            lines.add(Messages.format(messages().clock_result, address, Outcomes.text(messages(), o)));
                            allGood[0] &= Outcomes.good(o);
                        }
                    }));
        }
        chain.whenComplete((v, error) -> later(pack, () -> {
            setBusy(false);
            view().showClockResults(String.join("\n", lines));
            say(() -> String.join("\n", lines), !allGood[0]);
            read();
        }));
    }

    @Override
    public void setCapacity(String design, String full, String residual, String cycles) {
        if (shown == null || busy) {
            return;
        }
        ParameterDefinition d = info == null ? null : info.design();
        Object designEntry = d == null ? null : ConfigForm.parameter("design", design, d.minimum(), d.maximum(),
                info.designAh());
        if (designEntry instanceof ConfigForm.Issue issue) {
            say(() -> issueText(issue), true);
            return;
        }
        ConfigForm.CapacityEntry e = ConfigForm.capacity(full, residual, cycles, info == null ? null : info.capacity());
        boolean capacityChanged = e.ok() || e.issue().problem() != ConfigForm.Problem.NOTHING_CHANGED;
        if (!e.ok() && (capacityChanged || designEntry == null)) {
            say(() -> issueText(e.issue()), true);
            return;
        }
        List<String> lines = new ArrayList<>();
        List<PackWrite<?>> list = new ArrayList<>();
        if (designEntry instanceof Double v) {
            lines.add(change(messages().capacity_design, fmt(info.designAh()), fmt(v)));
            ParameterSet before = ParameterSet.of(List.of(d)).withReadValue(d.key(), info.designAh());
            list.add(PackWrite.parameters(shown.busId(), shown.address(), ParameterSet.of(List.of(d)).with(d.key(), v),
                    before));
        }
        if (!capacityChanged) {
            if (mayWrite(list.get(0), Messages.format(messages().confirm_capacity, shown.address(), busLabel(),
                    String.join("\n", lines)))) {
                submitAll(list, true);
            }
            return;
        }
        if (e.fullAh() != null) {
            lines.add(change(messages().capacity_full, info == null || info.capacity() == null ? "?"
                    : fmt(info.capacity().fullAh()), fmt(e.fullAh())));
        }
        if (e.residualAh() != null) {
            lines.add(change(messages().capacity_residual, info == null || info.capacity() == null ? "?"
                    : fmt(info.capacity().residualAh()), fmt(e.residualAh())));
        }
        if (e.cycles() != null) {
            lines.add(change(messages().capacity_cycles, info == null || info.capacity() == null ? "?"
                    : Integer.toString(info.capacity().cycles()), Integer.toString(e.cycles())));
        }
        list.add(SetupWrites.capacity(shown.busId(), shown.address(), e.fullAh(), e.residualAh(), e.cycles()));
        if (mayWrite(list.get(list.size() - 1), Messages.format(messages().confirm_capacity, shown.address(), busLabel(),
                String.join("\n", lines)))) {
            submitAll(list, true);
        }
    }

    private String change(String what, String before, String after) {
        return Messages.format(messages().change_line, what, before, after);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private String issueText(ConfigForm.Issue i) {
        String field = switch (i.field()) {
            case "design" -> messages().capacity_design;
            case "full" -> messages().capacity_full;
            case "residual" -> messages().capacity_residual;
            case "cycles" -> messages().capacity_cycles;
            case "interval" -> messages().storage_interval;
            default -> view().textLabel(i.field());
        };
        String pattern = switch (i.problem()) {
            case NOT_A_NUMBER -> messages().problem_NOT_A_NUMBER;
            case FULL_RANGE -> messages().problem_FULL_RANGE;
            case RESIDUAL_RANGE -> messages().problem_RESIDUAL_RANGE;
            case RESIDUAL_ABOVE_FULL -> messages().problem_RESIDUAL_ABOVE_FULL;
            case CYCLES_RANGE -> messages().problem_CYCLES_RANGE;
            case NOTHING_CHANGED -> messages().problem_NOTHING_CHANGED;
            case TOO_LONG -> messages().problem_TOO_LONG;
            case NOT_ASCII -> messages().problem_NOT_ASCII;
            case INTERVAL_RANGE -> messages().problem_INTERVAL_RANGE;
            case OUT_OF_RANGE -> messages().problem_OUT_OF_RANGE;
        };
        return Messages.format(pattern, field, i.detail());
    }

    @Override
    public void writeTexts(Map<String, String> texts) {
        if (shown == null || busy) {
            return;
        }
        if (texts.isEmpty()) {
            say(() -> messages().problem_NOTHING_CHANGED, true);
            return;
        }
        for (Map.Entry<String, String> t : texts.entrySet()) {
            ConfigForm.Issue issue = ConfigForm.text(t.getKey(), t.getValue());
            if (issue != null) {
                say(() -> issueText(issue), true);
                return;
            }
        }
        List<PackWrite<?>> list = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            String before = info == null ? "" : info.identity().get(t.getKey());
            list.add(SetupWrites.text(shown.busId(), shown.address(), t.getKey(), t.getValue(), before));
            lines.add(change(view().textLabel(t.getKey()), "\"" + before + "\"", "\"" + t.getValue() + "\""));
        }
        if (mayWrite(list.get(0), Messages.format(messages().confirm_texts, shown.address(), busLabel(),
                String.join("\n", lines)))) {
            submitAll(list, true);
        }
    }

    @Override
    public void setInterval(String minutes) {
        if (shown == null || busy) {
            return;
        }
        ParameterDefinition d = info == null ? null : info.interval();
        if (d == null) {
            say(() -> messages().not_read, true);
            return;
        }
        Object parsed = ConfigForm.interval(minutes, d.minimum(), d.maximum());
        if (parsed instanceof ConfigForm.Issue issue) {
            say(() -> issueText(issue), true);
            return;
        }
        double v = (Double) parsed;
        ParameterSet before = ParameterSet.of(List.of(d)).withReadValue(d.key(), info.intervalMinutes());
        PackWrite<?> w = PackWrite.parameters(shown.busId(), shown.address(), ParameterSet.of(List.of(d))
                .with(d.key(), v), before);
        if (mayWrite(w, Messages.format(messages().confirm_interval, shown.address(), ConfigForm.format(v)))) {
            submitAll(List.of(w), true);
        }
    }

    @Override
    public void deleteRecords(Command kind) {
        if (shown == null || busy) {
            return;
        }
        long count = info == null ? -1 : kind == Command.HISTORY ? info.dataRecords() : info.alarmRecords();
        PackWrite<?> w = SetupWrites.deleteRecords(shown.busId(), shown.address(), kind, count);
        String refused = Outcomes.refused(messages(), writes.judge(w));
        if (refused != null) {
            say(() -> refused, true);
            return;
        }
        DeleteRecordsDialog.Choice choice = new DeleteRecordsDialog(view().getShell(), messages(), kind,
                shown.address(), busLabel(), count).ask();
        switch (choice) {
            case READ_FIRST -> {
                if (parts != null) {
                    parts.showPart(kind == Command.HISTORY ? DATA_RECORD_PART : ALARM_RECORD_PART, PartState.ACTIVATE);
                }
                say(() -> messages().delete_opened, false);
            }
            case DELETE -> {
                if (!prompts.unlocked(view().getShell())) {
                    say(() -> messages().locked, true);
                    return;
                }
                submitAll(List.of(w), true);
            }
            case CANCEL -> {
                String said = Outcomes.cancelled(messages(), writes, w);
                    say(() -> said, false);
            }
        }
    }

    @Override
    public void calibrate() {
        if (shown == null || busy) {
            return;
        }
        CalibrationWizard wizard = new CalibrationWizard(target(), messages());
        WizardDialog dialog = new WizardDialog(view().getShell(), wizard);
        dialog.setPageSize(560, 300);
        dialog.open();
        read();
    }

    @Override
    public void hibernate() {
        if (shown == null || busy) {
            return;
        }
        PackWrite<?> w = SetupWrites.hibernate(shown.busId(), shown.address());
        String refused = Outcomes.refused(messages(), writes.judge(w));
        if (refused != null) {
            say(() -> refused, true);
            return;
        }
        if (!new HibernateDialog(view().getShell(), messages(), shown.address(), busLabel()).confirmed()) {
            String said = Outcomes.cancelled(messages(), writes, w);
                say(() -> said, false);
            return;
        }
        if (!prompts.unlocked(view().getShell())) {
            say(() -> messages().locked, true);
            return;
        }
        submitAll(List.of(w), false);
    }

    @Override
    public void wake() {
        if (shown == null || busy) {
            return;
        }
        SelectedPack pack = shown;
        setBusy(true);
        say(() -> Messages.format(messages().wake_sent, pack.address()), false);
        CompletableFuture<Boolean> f;
        try {
            f = connection.submit(pack.busId(), PackCommands.wake(pack.address())).result();
        } catch (IllegalArgumentException | IllegalStateException e) {
            setBusy(false);
            say(() -> Messages.format(messages().wake_failed, pack.address(), e.getMessage()), true);
            return;
        }
        f.whenComplete((answered, error) -> later(pack, () -> {
            setBusy(false);
            if (error != null) {
                Throwable c = error.getCause() != null ? error.getCause() : error;
                say(() -> Messages.format(messages().wake_failed, pack.address(), c.getMessage()), true);
            } else if (answered) {
                say(() -> Messages.format(messages().wake_done, pack.address()), false);
            } else {
                say(() -> Messages.format(messages().wake_silent, pack.address(), "-"), true);
            }
        }));
    }

    @Override
    public void firmware() {
        if (shown == null || busy) {
            return;
        }
        new FirmwareDialog(view().getShell(), target(), messages()).open();
        read();
    }

    // --- for tests ----------------------------------------------------------------------------------------------

    public boolean busy() {
        return busy;
    }

    public SystemInfo info() {
        return info;
    }
}
