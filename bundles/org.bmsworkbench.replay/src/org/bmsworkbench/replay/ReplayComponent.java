package org.bmsworkbench.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.record.HistorySources;
import org.bmsworkbench.record.store.RecordedPack;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The workbench's replays: a DS component that runs a {@link ReplayEngine} per opened file, publishing through
 * EventAdmin, and tells the trend views where a replay bus's history is ({@link HistorySources}: the file, up to the
 * replay's position). Opening a replay selects its first pack, unless the pack selector is locked.
 */
@Component(service = { ReplayService.class, HistorySources.class })
public final class ReplayComponent implements ReplayService, HistorySources {

    private final EventAdmin eventAdmin;
    private final PackSelection selection;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<String, ReplayEngine> engines = new LinkedHashMap<>();

    @Activate
    public ReplayComponent(@Reference EventAdmin eventAdmin, @Reference PackSelection selection) {
        this.eventAdmin = eventAdmin;
        this.selection = selection;
    }

    @Deactivate
    void deactivate() {
        for (String id : List.copyOf(ids())) {
            close(id);
        }
    }

    @Override
    public Replay open(Path file) throws IOException {
        ReplayFile replayFile;
        try {
            replayFile = ReplayFile.open(file);
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (String bus : ReplayEngine.recordedBuses(replayFile)) {
            ids.put(bus, BusStatus.REPLAY_ID_PREFIX + nextId.getAndIncrement());
        }
        ReplayEngine engine = new ReplayEngine(replayFile, ids,
                (topic, payload) -> eventAdmin.postEvent(new Event(topic, EventProperties.of(payload))),
                ReplayEngine.Ticker.SYSTEM);
        String id = ids.values().iterator().next();
        synchronized (engines) {
            engines.put(id, engine);
        }
        engine.start();
        engine.play();
        RecordedPack first = replayFile.packs().get(0);
        selection.select(ids.get(first.busId()), first.address());
        return replay(id).orElseThrow();
    }

    private List<String> ids() {
        synchronized (engines) {
            return new ArrayList<>(engines.keySet());
        }
    }

    @Override
    public List<Replay> replays() {
        List<Replay> list = new ArrayList<>();
        for (String id : ids()) {
            replay(id).ifPresent(list::add);
        }
        return list;
    }

    @Override
    public Optional<Replay> replay(String id) {
        return engine(id).map(e -> new Replay(id, e.file().file(), List.copyOf(e.replayIds().values()), e.state()));
    }

    @Override
    public Optional<ReplayEngine> engine(String id) {
        synchronized (engines) {
            return Optional.ofNullable(engines.get(id));
        }
    }

    @Override
    public void close(String id) {
        ReplayEngine e;
        synchronized (engines) {
            e = engines.remove(id);
        }
        if (e != null) {
            try {
                e.close();
            } catch (SQLException ex) {
                // the buses are closed already; only the file's handle could not be released
                System.getLogger(ReplayComponent.class.getName()).log(System.Logger.Level.WARNING,
                        "closing " + e.file().file(), ex);
            }
        }
    }

    @Override
    public Optional<History> history(String busId) {
        synchronized (engines) {
            for (ReplayEngine e : engines.values()) {
                for (Map.Entry<String, String> m : e.replayIds().entrySet()) {
                    if (m.getValue().equals(busId)) {
                        return Optional.of(new History(e.file().file(), m.getKey(),
                                e.state().position().toEpochMilli()));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
