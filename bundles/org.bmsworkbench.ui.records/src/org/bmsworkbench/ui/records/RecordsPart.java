package org.bmsworkbench.ui.records;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.PackView;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.records.DeviceRecord;
import org.bmsworkbench.records.MemoryRecordStore;
import org.bmsworkbench.records.ReadProgress;
import org.bmsworkbench.records.RecordExport;
import org.bmsworkbench.records.RecordKind;
import org.bmsworkbench.records.RecordReader;
import org.bmsworkbench.records.RecordStore;
import org.bmsworkbench.records.RecordTable;
import org.bmsworkbench.records.RecordTable.TypeFilter;
import org.bmsworkbench.records.SessionRecordStore;
import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.common.BusLabels;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The part behind the Data Record and Alarm Record pages, for the selected pack. A read runs as a
 * {@link RecordReader} on the bus's command queue; its records and progress arrive off the display thread, are
 * queued here and shown by the next refresh (at most one per frame). Records are kept in the session recording
 * when one is being recorded, else in memory, so that Read new fetches only what is newer.
 */
public abstract class RecordsPart extends AbstractPart<RecordsView, Messages> implements RecordsView.Actions {

    /** Records kept when no session is being recorded, shared by both pages for the workbench's life. */
    private static final MemoryRecordStore MEMORY = new MemoryRecordStore();

    private record Batch(int pack, List<DeviceRecord> records) {
    }

    private final RecordKind kind;
    private final ConnectionService connection;
    private final PackSelection selection;
    private final BusStateRegistry registry;
    @Inject
    @Optional
    private RecordingService recording;
    private final ConcurrentLinkedQueue<Batch> arrivals = new ConcurrentLinkedQueue<>();
    private volatile ReadProgress latest;
    private volatile String note;
    private volatile Locale locale = Locale.ENGLISH;
    private volatile boolean languageChanged;
    // the display thread's
    private RecordTable table;
    private RecordReader reader;
    private SelectedPack readFor;
    private SelectedPack shownPack;
    private SessionRecordStore sessionStore;
    private boolean rowsChanged = true;
    private ReadProgress shownProgress;

    protected RecordsPart(RecordKind kind, ConnectionService connection, PackSelection selection,
            BusStateRegistry registry) {
        super(Messages.class);
        this.kind = kind;
        this.connection = connection;
        this.selection = selection;
        this.registry = registry;
    }

    @Inject
    @Optional
    public void language(@Named(TranslationService.LOCALE) Locale newLocale) {
        locale = newLocale == null ? Locale.ENGLISH : newLocale;
        languageChanged = true;
        requestRefresh();
    }

    @Override
    protected RecordsView createView(Composite parent, Messages messages) {
        table = new RecordTable(kind, locale, labels(messages));
        return new RecordsView(parent, messages, kind, this);
    }

    @Override
    protected void relabel(RecordsView view, Messages messages) {
        table.setLanguage(locale, labels(messages));
        languageChanged = true;
        view.setMessages(messages);
        ReadProgress p = latest;
        if (p != null) {
            view.showProgress(p);
        }
    }

    private static RecordTable.Labels labels(Messages m) {
        return new RecordTable.Labels() {
            @Override
            public String mode(OperatingMode mode) {
                return switch (mode) {
                    case CHARGE -> m.mode_charge;
                    case DISCHARGE -> m.mode_discharge;
                    case IDLE -> m.mode_idle;
                    case UNKNOWN -> m.mode_unknown;
                };
            }

            @Override
            public String damaged(String why) {
                return MessageFormat.format(m.note_damaged, why);
            }

            @Override
            public String clockNotSet() {
                return m.note_clockNotSet;
            }
        };
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
    protected void refresh(RecordsView view) {
        if (languageChanged) {
            languageChanged = false;
            table.setLanguage(locale, labels(messages()));
            rowsChanged = true;
        }
        Batch b;
        while ((b = arrivals.poll()) != null) {
            table.add(b.pack(), b.records());
            rowsChanged = true;
        }
        java.util.Optional<SelectedPack> selected = selection.current();
        boolean running = reader != null && !reader.finished().isDone();
        if (!running && selected.isPresent() && !SelectedPack.samePack(selected.get(), shownPack)) {
            // another pack: its board holds other records
            if (shownPack != null) {
                table.clear();
                rowsChanged = true;
            }
            shownPack = selected.get();
        }
        SelectedPack titled = running ? readFor : selected.orElse(null);
        view.showTitle(titled == null ? messages().title_none
                : MessageFormat.format(messages().title_pack, titled.address(), busLabel(titled.busId())));
        if (rowsChanged) {
            view.showRows(table);
            rowsChanged = false;
        }
        ReadProgress p = latest;
        String n = note;
        if (n != null) {
            view.showStatus(n);
            note = null;
        } else if (p != null && !p.equals(shownProgress)) {
            view.showProgress(p);
            shownProgress = p;
        } else if (p == null && view.statusText().isEmpty()) {
            view.showStatus(messages().state_idle);
        }
        view.setReading(running);
    }

    private String busLabel(String busId) {
        for (BusView bus : registry.overview(Instant.now()).buses()) {
            if (bus.busId().equals(busId)) {
                return BusLabels.of(bus.busId(), bus.status(), messages().bus_simulated, messages().bus_replay);
            }
        }
        return busId;
    }

    private boolean online(String busId, int address) {
        for (BusView bus : registry.overview(Instant.now()).buses()) {
            if (bus.busId().equals(busId)) {
                for (PackView p : bus.packs()) {
                    if (p.address() == address) {
                        return p.effectiveState() == PackLinkState.ONLINE;
                    }
                }
            }
        }
        return false;
    }

    private RecordStore store() {
        RecordingService r = recording;
        if (r == null) {
            return MEMORY;
        }
        if (sessionStore == null) {
            sessionStore = SessionRecordStore.throughRecorder(r::currentFile, r::keepDeviceRecords);
        }
        return sessionStore;
    }

    // --- the buttons -------------------------------------------------------------------------------------------------

    @Override
    public void read(boolean onlyNew) {
        if (reader != null && !reader.finished().isDone()) {
            return;
        }
        java.util.Optional<SelectedPack> selected = selection.current();
        if (selected.isEmpty()) {
            view().showStatus(messages().title_none);
            return;
        }
        SelectedPack s = selected.get();
        if (!onlyNew) {
            table.clear();
            rowsChanged = true;
        }
        readFor = s;
        shownPack = s;
        latest = null;
        int address = s.address();
        reader = new RecordReader(connection, s.busId(), address, kind, store(), () -> online(s.busId(), address),
                new RecordReader.Listener() {
                    @Override
                    public void records(List<DeviceRecord> records) {
                        arrivals.add(new Batch(address, records));
                        requestRefresh();
                    }

                    @Override
                    public void progress(ReadProgress progress) {
                        latest = progress;
                        requestRefresh();
                    }
                });
        reader.start(onlyNew ? RecordReader.Mode.NEW : RecordReader.Mode.ALL);
        view().showProgress(new ReadProgress(kind, ReadProgress.State.STARTING, 0, 0, 0, 0, -1, "", ""));
        view().setReading(true);
    }

    @Override
    public void stop() {
        if (reader != null) {
            reader.stop();
        }
    }

    @Override
    public void delete() {
        table.clear();
        rowsChanged = true;
        requestRefresh();
    }

    @Override
    public void filter(LocalDateTime from, LocalDateTime to, TypeFilter type) {
        table.filter(from, to, type);
        rowsChanged = true;
        requestRefresh();
    }

    @Override
    public void export() {
        FileDialog dialog = new FileDialog(view().getShell(), SWT.SAVE);
        dialog.setText(messages().export_title);
        dialog.setFilterExtensions(new String[] { "*.xlsx", "*.csv" });
        dialog.setFilterNames(new String[] { "Excel (*.xlsx)", "CSV (*.csv)" });
        dialog.setOverwrite(true);
        dialog.setFileName((kind == RecordKind.ALARM ? "alarm-records" : "data-records") + ".xlsx");
        String name = dialog.open();
        if (name != null) {
            export(Path.of(name));
        }
    }

    /** Writes the rows shown to {@code file} on a thread of its own; the outcome appears in the status line. */
    public Thread export(Path file) {
        RecordTable copy = table.copy();
        List<String> headers = view().headers();
        Messages m = messages();
        Thread t = new Thread(() -> {
            try {
                int rows = RecordExport.write(file, copy, headers);
                note = MessageFormat.format(m.export_done, rows, file);
            } catch (java.io.IOException | RuntimeException e) {
                note = MessageFormat.format(m.export_failed, e.getMessage() == null ? e.toString() : e.getMessage());
            }
            requestRefresh();
        }, "bmsw-records-export");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @PreDestroy
    public void endReads() {
        if (reader != null) {
            reader.stop();
        }
    }
}
