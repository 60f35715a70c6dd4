package org.bmsworkbench.ui.parameters;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.bmsworkbench.ui.security.DialogPrompts;
import org.bmsworkbench.ui.security.WritePrompts;
import org.bmsworkbench.control.Judgement;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.control.WriteService;
import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.PackView;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.parameters.Change;
import org.bmsworkbench.parameters.ImportReport;
import org.bmsworkbench.parameters.PackIdentity;
import org.bmsworkbench.parameters.ParameterFile;
import org.bmsworkbench.parameters.ParameterFileException;
import org.bmsworkbench.parameters.ParameterFiles;
import org.bmsworkbench.parameters.ParameterService;
import org.bmsworkbench.parameters.ParameterSheet;
import org.bmsworkbench.parameters.ReadBackDifference;
import org.bmsworkbench.parameters.SheetProblem;
import org.bmsworkbench.parameters.Support;
import org.bmsworkbench.parameters.WriteResult;
import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.parameters.model.ParameterPage;
import org.bmsworkbench.ui.security.AccessPrompt;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/**
 * Part hosting {@link ParametersView} for the selected pack: the manual's Parameter Information page. Reads are bus
 * commands whose results come back on the bus thread and are applied on the display thread; every write goes
 * through the {@link ParameterService} and with it the guarded path: the sheet's check first (problems on their
 * rows, Write refused), then the password, then a confirmation listing every change {@code old → new} with
 * Cancel as its default, then the write and the read-back, whose differences are marked and listed.
 */
public class ParametersPart extends AbstractPart<ParametersView, Messages> {

    /** The pack state in the header follows the registry; no need to repaint faster. */
    private static final int REFRESH_MILLIS = 100;
    private static final int TICK_MILLIS = 1000;

    private final PackSelection selection;
    private final BusStateRegistry registry;
    private final LiveData live;
    private final ParameterService service;
    private final WriteService writes;
    private final AccessPrompt access;
    private final UISynchronize sync;
    private final ParameterPage page = new ParameterPage();
    /** The password and confirmation questions; dialogs unless the context holds others. */
    @Inject
    @Optional
    private WritePrompts prompts;

    /** The pack whose sheet is shown, {@code null} when none. Display thread only. */
    private SelectedPack shown;
    private ParameterSheet sheet;
    private Support readSupport = new Support(false, "");
    private Support writeSupport = new Support(false, "");
    private Support restoreSupport = new Support(false, "");
    private String sheetProblem = "";
    private boolean busy;
    private boolean everRead;
    /** Incremented whenever another pack is shown, so that a late result of the old pack is dropped. */
    private int generation;

    @Inject
    public ParametersPart(PackSelection selection, BusStateRegistry registry, LiveData live, ParameterService service,
            WriteService writes, AccessPrompt access, UISynchronize sync) {
        super(Messages.class, REFRESH_MILLIS, TICK_MILLIS);
        this.selection = selection;
        this.registry = registry;
        this.live = live;
        this.service = service;
        this.writes = writes;
        this.access = access;
        this.sync = sync;
    }

    @Override
    protected ParametersView createView(Composite parent, Messages messages) {
        if (prompts == null) {
            prompts = new DialogPrompts(access);
        }
        page.setLanguage(messages.language);
        return new ParametersView(parent, messages, page, new Actions());
    }

    @Override
    protected void relabel(ParametersView view, Messages messages) {
        page.setLanguage(messages.language);
        view.setMessages(messages);
        showSheetState(view);
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
        requestRefresh();
    }

    @Override
    protected void refresh(ParametersView view) {
        SelectedPack s = selection.current().orElse(null);
        if (!SelectedPack.samePack(s, shown)) {
            load(view, s);
        }
        view.showHeader(headerText(), noticeText());
        enableActions(view);
    }

    /** A fresh sheet for another pack (nothing read yet). */
    private void load(ParametersView view, SelectedPack s) {
        generation++;
        shown = s;
        sheet = null;
        busy = false;
        everRead = false;
        sheetProblem = "";
        readSupport = new Support(false, "");
        writeSupport = new Support(false, "");
        restoreSupport = new Support(false, "");
        if (s != null) {
            try {
                readSupport = service.readSupport(s.busId());
                writeSupport = service.writeSupport(s.busId());
                restoreSupport = service.restoreDefaultsSupport(s.busId());
                if (readSupport.supported()) {
                    sheet = service.newSheet(s.busId());
                }
            } catch (IllegalArgumentException e) {
                sheetProblem = e.getMessage();
            }
        }
        page.show(sheet, sheet != null && writeSupport.supported());
        view.setBusy(false);
        view.setChecks(false, false);
        view.showPage();
        say(() -> "", false);
        showSheetState(view);
    }

    private String headerText() {
        if (shown == null) {
            return messages().header_none;
        }
        return Messages.format(messages().header_pack, shown.address(), shown.busId(), stateText(linkState()));
    }

    private String stateText(PackLinkState state) {
        return switch (state) {
            case ONLINE -> messages().state_ONLINE;
            case STALE -> messages().state_STALE;
            case OFFLINE -> messages().state_OFFLINE;
            case HIBERNATING -> messages().state_HIBERNATING;
        };
    }

    private String noticeText() {
        if (shown == null) {
            return "";
        }
        if (!sheetProblem.isEmpty()) {
            return Messages.format(messages().no_page, sheetProblem);
        }
        if (!readSupport.supported()) {
            return Messages.format(messages().no_page, readSupport.reason());
        }
        List<String> lines = new ArrayList<>();
        if (!writeSupport.supported()) {
            lines.add(Messages.format(messages().read_only, writeSupport.reason()));
        }
        if (!everRead) {
            lines.add(Messages.format(messages().not_read));
        }
        return String.join("\n", lines);
    }

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

    /** The addresses of the packs of the shown pack's bus, in bus order. */
    List<Integer> packsOfBus() {
        List<Integer> result = new ArrayList<>();
        if (shown != null) {
            for (BusView bus : registry.overview(Instant.now()).buses()) {
                if (bus.busId().equals(shown.busId())) {
                    bus.packs().forEach(p -> result.add(p.address()));
                }
            }
        }
        return result;
    }

    private void enableActions(ParametersView view) {
        boolean hasSheet = sheet != null;
        boolean online = shown != null && linkState() != PackLinkState.OFFLINE;
        boolean canWrite = hasSheet && writeSupport.supported() && !busy && everRead && online;
        view.enable(hasSheet && !busy && online, canWrite, hasSheet && everRead, packsOfBus().size() > 1,
                restoreSupport.supported() ? "" : restoreSupport.reason());
    }

    /** The marks, the first problem or the changes, and the short-circuit current. */
    private void showSheetState(ParametersView view) {
        if (sheet == null) {
            view.showScp("");
            return;
        }
        java.util.OptionalDouble mv = page.scpMillivolts();
        java.util.OptionalDouble amps = page.scpAmps();
        if (sheet.has(ParameterSheet.SCP_VOLTAGE)) {
            view.showScp(mv.isPresent() && amps.isPresent()
                    ? Messages.format(messages().scp, number(mv.getAsDouble()), String.format(Locale.ROOT, "%.1f", amps.getAsDouble()))
                    : messages().scp_unknown);
        } else {
            view.showScp("");
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** After an edit: the problems (first one in the message line) or the list of changes. */
    private void showEdits(ParametersView view) {
        List<SheetProblem> problems = sheet.check();
        view.showPage();
        showSheetState(view);
        if (!problems.isEmpty()) {
            say(() -> problemText(problems), true);
            return;
        }
        List<Change> changes = sheet.changes();
        say(() -> changes.isEmpty() ? "" : Messages.format(messages().changes, changes.size(),
                String.join("; ", changes.stream().map(this::changeText).toList())), false);
    }

    private String problemText(List<SheetProblem> problems) {
        return problems.size() == 1 ? Messages.format(messages().problem_one, problems.get(0).message())
                : Messages.format(messages().problem_many, problems.get(0).message(), problems.size() - 1);
    }

    /** {@code Cell high voltage alarm: 3.550 V → 3.600 V} with the label in the workbench's language. */
    String changeText(Change c) {
        String label = sheet.has(c.key()) ? sheet.row(c.key()).definition().label(page.language()) : c.label();
        return label + ": " + (c.oldValue().isEmpty() ? "?" : c.oldValue()) + " \u2192 " + c.newValue();
    }

    private static String causeOf(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c.getCause() != null && c.getMessage() == null)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private String refusalText(Refusal r, String detail) {
        return switch (r) {
            case NO_DATA -> messages().refused_NO_DATA;
            case REPLAY -> messages().refused_REPLAY;
            case UNSUPPORTED -> messages().refused_UNSUPPORTED;
            case NOT_CURRENT -> messages().refused_NOT_CURRENT;
            case BUS_NOT_OPEN -> messages().refused_BUS_NOT_OPEN;
            case LOCKED -> messages().refused_LOCKED;
            default -> detail.isEmpty() ? r.name() : detail;
        };
    }

    /** The message shown last, again in the new language after a switch. */
    private java.util.function.Supplier<String> lastMessage = () -> "";
    private boolean lastProblem;

    /** Shows a message whose text is made again from the current strings after a language switch. */
    private void say(java.util.function.Supplier<String> text, boolean problem) {
        lastMessage = text;
        lastProblem = problem;
        view().showMessage(text.get(), problem);
    }

    /** Runs {@code action} on the display thread if the same pack is still shown and the view alive. */
    private void later(int forGeneration, Runnable action) {
        sync.asyncExec(() -> {
            ParametersView v = view();
            if (v != null && !v.isDisposed() && forGeneration == generation) {
                action.run();
            }
        });
    }

    // --- actions ------------------------------------------------------------------------------------------------

    /** Read: the whole page of the pack, with progress; the table shows the device values. */
    public void read() {
        ParametersView view = view();
        if (sheet == null || busy || shown == null) {
            return;
        }
        SelectedPack s = shown;
        int g = generation;
        busy = true;
        view.setBusy(true);
        enableActions(view);
        say(() -> Messages.format(messages().reading, s.address()), false);
        service.read(s.busId(), s.address()).whenComplete((values, error) -> later(g, () -> {
            busy = false;
            view.setBusy(false);
            if (error != null) {
                say(() -> Messages.format(messages().read_failed, causeOf(error)), true);
            } else {
                sheet.loadDevice(values);
                everRead = true;
                page.show(sheet, editable());
                view.showPage();
                showSheetState(view);
                say(() -> Messages.format(messages().read_done, values.values().size(), s.address()), false);
            }
            view.showHeader(headerText(), noticeText());
            enableActions(view);
        }));
    }

    /** Write: check, password, confirmation of every change, guarded write, read-back. */
    public void write() {
        ParametersView view = view();
        if (sheet == null || busy || shown == null) {
            return;
        }
        SelectedPack s = shown;
        if (!writeSupport.supported()) {
            say(() -> Messages.format(messages().read_only, writeSupport.reason()), true);
            return;
        }
        String question;
        String title;
        int count;
        if (sheet.restoreDefaults()) {
            if (!restoreSupport.supported()) {
                say(() -> Messages.format(messages().write_refused, restoreSupport.reason()), true);
                return;
            }
            title = messages().confirm_restore_title;
            question = Messages.format(messages().confirm_restore, s.address(), s.busId());
            count = 0;
        } else {
            List<SheetProblem> problems = sheet.check();
            view.showPage();
            if (!problems.isEmpty()) {
                say(() -> problemText(problems), true);
                return;
            }
            List<Change> changes = sheet.changes();
            if (changes.isEmpty()) {
                say(() -> messages().write_nothing, true);
                return;
            }
            title = messages().confirm_title;
            count = changes.size();
            question = Messages.format(messages().confirm_text, count, s.address(), s.busId(),
                    String.join("\n", changes.stream().map(this::changeText).toList()));
        }
        java.util.Optional<Judgement> judgement = service.judge(s.busId(), s.address(), sheet);
        if (judgement.isPresent() && judgement.get().refusal().isPresent()) {
            say(() -> Messages.format(messages().write_refused, refusalText(judgement.get().refusal().get(), "")), true);
            return;
        }
        if (!prompts.unlocked(view.getShell())) {
            say(() -> messages().write_locked, true);
            return;
        }
        if (!prompts.confirm(view.getShell(), title, question, messages().confirm_send, messages().confirm_cancel)) {
            try {
                writes.cancelled(service.plan(s.busId(), s.address(), sheet));
                say(() -> messages().cancelled, false);
            } catch (IOException | IllegalStateException e) {
                say(() -> messages().cancelled + " " + e.getMessage(), true);
            }
            return;
        }
        int g = generation;
        busy = true;
        view.setBusy(true);
        enableActions(view);
        say(() -> Messages.format(messages().writing, s.address()), false);
        boolean restoring = sheet.restoreDefaults();
        service.write(s.busId(), s.address(), sheet).thenAccept(result -> later(g, () -> {
            busy = false;
            view.setBusy(false);
            showResult(view, result, restoring);
            enableActions(view);
        }));
    }

    /** Whether the Value column may be edited: a writable page, and not while Write would restore the defaults. */
    private boolean editable() {
        return sheet != null && writeSupport.supported() && !sheet.restoreDefaults();
    }

    private void showResult(ParametersView view, WriteResult result, boolean restoring) {
        result.applyTo(sheet);
        if (restoring) {
            // a restore is one action, not a mode: the next Write sends the table again only if ticked again
            sheet.setRestoreDefaults(false);
            view.setChecks(sheet.writeAll(), false);
        }
        if (restoring && result.page() == null && result.kind() == WriteResult.Kind.WRITTEN) {
            // a restore reads nothing back itself: show the factory set as the board now has it
            say(() -> messages().restored, false);
            read();
            return;
        }
        page.show(sheet, editable());
        view.showPage();
        showSheetState(view);
        switch (result.kind()) {
            case WRITTEN -> say(() -> restoring ? messages().restored : messages().write_done, false);
            case DIFFERS_AFTER_WRITE -> say(() -> Messages.format(messages().write_differs, result.differences().size(),
                    String.join("\n", result.differences().stream().map(this::differenceText).toList())), true);
            case REFUSED -> say(() -> Messages.format(messages().write_refused, result.refusal() == null ? result.message()
                    : refusalText(result.refusal(), result.message())), true);
            case FAILED -> say(() -> Messages.format(messages().write_failed, result.message()), true);
        }
    }

    private String differenceText(ReadBackDifference d) {
        String label = sheet.has(d.key()) ? sheet.row(d.key()).definition().label(page.language()) : d.label();
        return label + ": " + d.written() + " \u2192 " + d.readBack();
    }

    public void revert() {
        if (sheet != null) {
            sheet.revert();
            page.show(sheet, editable());
            showEdits(view());
        }
    }

    /** What the pack is, as far as the live values say (for files). */
    private PackIdentity identity() {
        PackSnapshot snapshot = live.latest(shown.busId(), shown.address()).map(PackData::snapshot).orElse(null);
        return snapshot == null ? PackIdentity.UNKNOWN
                : new PackIdentity("", "", snapshot.cellCount(), snapshot.temperatureCount());
    }

    /** Import: fills the Value column from a file; nothing is sent until Write. */
    public void importFrom(Path file) {
        ParametersView view = view();
        if (sheet == null) {
            return;
        }
        ParameterFile parsed;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parsed = ParameterFiles.read(in);
        } catch (IOException | ParameterFileException e) {
            say(() -> Messages.format(messages().import_failed, file.getFileName(), e.getMessage()), true);
            return;
        }
        ImportReport report = ParameterFiles.importInto(sheet, parsed, service.protocol(shown.busId()).id(),
                identity().cellCount());
        page.show(sheet, editable());
        if (!report.applied()) {
            view.showPage();
            say(() -> Messages.format(messages().import_refused, String.join("\n", report.problems())), true);
            return;
        }
        showEdits(view);
        List<SheetProblem> problems = sheet.check();
        say(() -> {
            String done = Messages.format(messages().import_done, report.entered(), file.getFileName());
            String rest = problems.isEmpty() ? String.join("\n", report.problems()) : problemText(problems);
            return rest.isEmpty() ? done : Messages.format(messages().import_listed, done, rest);
        }, !report.problems().isEmpty() || !problems.isEmpty());
    }

    /** Export: the table's values as a parameter file (JSON, docs/parameter-files.md). */
    public void exportTo(Path file) {
        ParametersView view = view();
        if (sheet == null) {
            return;
        }
        ParameterFile f = ParameterFiles.export(sheet, service.protocol(shown.busId()).id(), identity(), Instant.now());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ParameterFiles.write(f, out);
            say(() -> Messages.format(messages().export_done, file), false);
        } catch (IOException e) {
            say(() -> Messages.format(messages().export_failed, file.getFileName(), e.getMessage()), true);
        }
    }

    /** Report: the table as an Excel workbook for people. */
    public void reportTo(Path file) {
        ParametersView view = view();
        if (sheet == null) {
            return;
        }
        try {
            ParameterReport.write(file, page, messages(), Messages.format(messages().header_pack, shown.address(),
                    shown.busId(), service.protocol(shown.busId()).displayName()));
            say(() -> Messages.format(messages().export_done, file), false);
        } catch (IOException e) {
            say(() -> Messages.format(messages().export_failed, file.getFileName(), e.getMessage()), true);
        }
    }

    /** The page of another pack of the bus, for Compare (completes on the bus thread). */
    CompletableFuture<ParameterSet> readOther(int address) {
        return service.read(shown.busId(), address);
    }

    ParameterSheet sheet() {
        return sheet;
    }

    ParameterPage page() {
        return page;
    }

    private final class Actions implements ParametersView.Actions {
        @Override
        public void read() {
            ParametersPart.this.read();
        }

        @Override
        public void write() {
            ParametersPart.this.write();
        }

        @Override
        public void revert() {
            ParametersPart.this.revert();
        }

        @Override
        public void importFile() {
            view().askOpen(messages().file_json, "json").ifPresent(ParametersPart.this::importFrom);
        }

        @Override
        public void exportFile() {
            view().askSave(messages().file_json, "json", "parameters-pack" + shown.address() + ".json")
                    .ifPresent(ParametersPart.this::exportTo);
        }

        @Override
        public void report() {
            view().askSave(messages().file_xlsx, "xlsx", "parameters-pack" + shown.address() + ".xlsx")
                    .ifPresent(ParametersPart.this::reportTo);
        }

        @Override
        public void compare() {
            if (sheet != null && shown != null) {
                new CompareDialog(view().getShell(), messages(), ParametersPart.this, shown.address(), sync).open();
            }
        }

        @Override
        public void apply() {
            if (sheet == null || shown == null) {
                return;
            }
            List<SheetProblem> problems = sheet.check();
            if (!problems.isEmpty()) {
                view().showPage();
                say(() -> problemText(problems), true);
                return;
            }
            if (!prompts.unlocked(view().getShell())) {
                say(() -> messages().write_locked, true);
                return;
            }
            new ApplyDialog(view().getShell(), messages(), service, prompts, shown.busId(), shown.address(),
                    packsOfBus(), sheet.enteredValues(), sheet.writeAll(), sync).open();
        }

        @Override
        public void writeAll(boolean on) {
            if (sheet != null) {
                sheet.setWriteAll(on);
                showEdits(view());
            }
        }

        @Override
        public void restoreDefaults(boolean on) {
            if (sheet != null) {
                sheet.setRestoreDefaults(on);
                page.setEditable(editable());
                view().showPage();
            }
        }

        @Override
        public void edited() {
            showEdits(view());
        }
    }

    /** For tests: the prompts in use. */
    WritePrompts prompts() {
        return Objects.requireNonNull(prompts);
    }
}
