package org.bmsworkbench.export;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.Schema;
import org.bmsworkbench.record.store.SessionReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The Real-time Data page's automatic saving: every {@code autoSaveRows} new rows of a pack go to
 * {@code <exports>/<session>-PackNo.01-<fromSeq>-<toSeq>.xlsx}. Decisions and exports run on one background
 * thread of its own, never on EventAdmin's; a failed save is logged and the next one is tried all the same.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + BmsTopics.RECORDING_STATE)
public final class AutoSaver implements EventHandler {

    private static final System.Logger LOG = System.getLogger(AutoSaver.class.getName());

    private final RecordingService recording;
    private final AutoSavePlan plan = new AutoSavePlan();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bmsw-auto-save");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public AutoSaver(@Reference RecordingService recording) {
        this.recording = recording;
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(EventProperties.DATA) instanceof RecordingStatus status)) {
            return;
        }
        try {
            worker.execute(() -> consider(status));
        } catch (RejectedExecutionException e) {
            // deactivated meanwhile: the workbench is stopping, and the rows stay in the recording
            LOG.log(Level.DEBUG, "automatic save not started: stopping");
        }
    }

    private void consider(RecordingStatus status) {
        List<AutoSavePlan.Save> due = plan.update(status.file(), status.rows(), recording.settings().autoSaveRows());
        for (AutoSavePlan.Save save : due) {
            try {
                Path out = save(save, status.rows(), recording.exportsFolder());
                LOG.log(Level.INFO, "saved rows {0}-{1} of {2} to {3}", save.fromSeq(), save.toSeq(), save.packKey(),
                        out);
            } catch (IOException | SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "automatic save of rows " + save.fromSeq() + "-" + save.toSeq() + " of "
                        + save.packKey() + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Writes one automatic file and returns it. */
    static Path save(AutoSavePlan.Save save, Map<String, Long> rows, Path exports) throws IOException, SQLException {
        Path session = Path.of(save.session());
        long packId = -1;
        try (SessionReader reader = SessionReader.open(session)) {
            for (RecordedPack p : reader.packs()) {
                if (p.busId().equals(save.busId()) && p.address() == save.address()) {
                    packId = p.id();
                }
            }
        }
        if (packId < 0) {
            throw new IOException(session.getFileName() + " has no pack " + save.packKey());
        }
        Files.createDirectories(exports);
        Path out = exports.resolve(fileName(save, rows));
        Exporter.export(new ExportRequest(session, out, ExportFormat.XLSX, CsvStyle.STANDARD, Set.of(packId), null,
                null, save.fromSeq(), save.toSeq()), ExportMonitor.NONE);
        return out;
    }

    /**
     * {@code <session>-PackNo.01-<fromSeq>-<toSeq>.xlsx}; the bus id goes in front of PackNo when another bus of the
     * session has a pack at the same address.
     */
    static String fileName(AutoSavePlan.Save save, Map<String, Long> rows) {
        String session = Path.of(save.session()).getFileName().toString();
        if (session.endsWith(Schema.EXTENSION)) {
            session = session.substring(0, session.length() - Schema.EXTENSION.length());
        }
        String pack = String.format("PackNo.%02d", save.address());
        for (String key : rows.keySet()) {
            if (!key.equals(save.packKey()) && key.endsWith("#" + save.address())) {
                pack = save.busId().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + pack;
                break;
            }
        }
        return session + "-" + pack + "-" + save.fromSeq() + "-" + save.toSeq() + ".xlsx";
    }

    @Deactivate
    void deactivate() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "an automatic save was still running after 30 s; it is interrupted");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            // the framework is stopping us in a hurry: interrupt the save (its temporary file is removed) and go
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
