package org.bmsworkbench.ui.record;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.Overview;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.record.HistorySources;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.record.model.SessionPages;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Part that hosts {@link RealtimeDataView}: the recorded snapshots of each pack of the selected pack's bus. The
 * recorder's status (at most twice a second), bus and selection changes only request a refresh; the refresh takes
 * the row counts from the status, reads the pack list from the session file only when a pack or the file is new,
 * and lets the tables read the rows they paint.
 */
public class RealtimeDataPart extends AbstractPart<RealtimeDataView, Messages> {

    private final RecordingService recorder;
    private final PackSelection selection;
    private final BusStateRegistry registry;
    private final ExportLauncher exports;
    private final HistorySources replays;
    private final SessionPages pages = new SessionPages();
    private List<RecordedPack> sessionPacks = List.of();
    private String openError = "";
    private java.util.Optional<SelectedPack> shownSelection = java.util.Optional.empty();

    @Inject
    public RealtimeDataPart(RecordingService recorder, PackSelection selection, BusStateRegistry registry,
            ExportLauncher exports, @Optional HistorySources replays) {
        super(Messages.class);
        this.recorder = recorder;
        this.selection = selection;
        this.registry = registry;
        this.exports = exports;
        this.replays = replays;
    }

    @Override
    protected RealtimeDataView createView(Composite parent, Messages messages) {
        return new RealtimeDataView(parent, messages, pages, ZoneId.systemDefault(),
                (pack, all) -> exports.open(parent.getShell(), pages.file(), pack, all));
    }

    @Override
    protected void relabel(RealtimeDataView view, Messages messages) {
        view.setMessages(messages);
    }

    @Inject
    @Optional
    public void onRecording(@EventTopic(BmsTopics.RECORDING_STATE) RecordingStatus status) {
        requestRefresh();
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
    protected void refresh(RealtimeDataView view) {
        Messages m = messages();
        RecordingStatus status = recorder.status();
        java.util.Optional<SelectedPack> selected = selection.current();
        String shownBus = busToShow(selected, registry.overview(Instant.now()));
        // a replay bus is not recorded again: its rows are those of the file it plays, up to where it is
        java.util.Optional<HistorySources.History> replay = replays == null || !BusStatus.isReplayBus(shownBus)
                ? java.util.Optional.empty() : replays.history(shownBus);
        Path file = replay.map(HistorySources.History::file).orElse(recorder.currentFile().orElse(null));
        String busId = replay.map(HistorySources.History::fileBusId).orElse(shownBus);
        boolean packsStale = false;
        try {
            if (pages.open(file)) {
                sessionPacks = List.of();
                packsStale = true;
            }
            if (file != null) {
                openError = "";
            }
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).equals(openError)) {
                // once per problem, not at every status while it lasts
                ILog.of(RealtimeDataPart.class).warn("cannot read the session file " + file, e);
            }
            openError = String.valueOf(e.getMessage());
            sessionPacks = List.of();
        }
        if (file == null) {
            view.show(new RealtimeDataView.Content(m.data_title, m.data_noSession, List.of(), new long[0]));
            return;
        }
        if (sessionPacks.isEmpty()) {
            packsStale = true; // nothing read yet, or the last read failed
        }
        if (busId != null && !packsStale) {
            for (String key : status.rows().keySet()) {
                if (key.startsWith(busId + "#") && sessionPacks.stream()
                        .noneMatch(p -> RecordingStatus.packKey(p.busId(), p.address()).equals(key))) {
                    packsStale = true;
                    break;
                }
            }
        }
        if (packsStale && openError.isEmpty()) {
            try {
                sessionPacks = pages.packs();
            } catch (SQLException e) {
                ILog.of(RealtimeDataPart.class).warn("cannot read the packs of " + file, e);
                openError = e.getMessage();
            }
        }
        List<RecordedPack> packs = new ArrayList<>();
        for (RecordedPack p : sessionPacks) {
            if (p.busId().equals(busId)) {
                packs.add(p);
            }
        }
        long[] counts = new long[packs.size()];
        for (int i = 0; i < counts.length; i++) {
            RecordedPack p = packs.get(i);
            counts[i] = Math.max(p.rows(), status.rows(p.busId(), p.address()));
            if (replay.isPresent()) {
                try {
                    counts[i] = pages.rowsUntil(p.id(), Instant.ofEpochMilli(replay.get().until()));
                } catch (SQLException e) {
                    openError = e.getMessage();
                }
            }
        }
        String busLabel = packs.isEmpty() || packs.get(0).busLabel().isBlank() ? (busId == null ? "" : busId)
                : packs.get(0).busLabel();
        if (BusStatus.SIMULATED_LABEL.equals(busLabel)) {
            busLabel = m.bus_simulated;
        }
        String title = replay.isPresent() ? Messages.format(m.data_replay, busLabel, file.getFileName())
                : Messages.format(m.data_summary, busLabel, file.getFileName(), m.state(status));
        String empty = !openError.isEmpty() ? Messages.format(m.data_readFailed, openError)
                : busId == null ? m.data_noBus : Messages.format(m.data_noPacks, busLabel);
        view.show(new RealtimeDataView.Content(title, empty, packs, counts));
        if (!Objects.equals(selected, shownSelection)) {
            shownSelection = selected;
            selected.flatMap(s -> packs.stream().filter(p -> p.address() == s.address()).findFirst())
                    .ifPresent(p -> view.select(p.id()));
        }
    }

    /** The selected pack's bus; without a selection the first bus with packs. */
    static String busToShow(java.util.Optional<SelectedPack> selected, Overview overview) {
        if (selected.isPresent()) {
            return selected.get().busId();
        }
        for (BusView bus : overview.buses()) {
            if (!bus.packs().isEmpty()) {
                return bus.busId();
            }
        }
        return null;
    }

    @PreDestroy
    public void closeSession() {
        try {
            pages.close();
        } catch (SQLException e) {
            // the reader only read: closing it cannot lose anything, so the part goes away regardless
            ILog.of(RealtimeDataPart.class).warn("cannot close the session reader", e);
        }
    }
}
