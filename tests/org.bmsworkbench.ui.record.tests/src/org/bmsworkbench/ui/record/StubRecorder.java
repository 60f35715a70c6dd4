package org.bmsworkbench.ui.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.store.SessionFiles;
import org.bmsworkbench.record.store.SessionReader;
import org.bmsworkbench.record.store.SessionSummary;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * A recorder service for the part tests, registered above the real one once for all tests (e4's service context
 * keeps the service it found first): its session file is one the test writes with {@code SessionWriter}, its
 * status what the test sets (and posts on {@code RECORDING_STATE}).
 */
final class StubRecorder implements RecordingService, AutoCloseable {

    volatile Path current;
    volatile RecordingStatus status = new RecordingStatus(RecordingStatus.State.OFF, "", null, 0, Map.of(), 0, -1, "",
            Instant.now());
    volatile RecordingSettings settings;
    volatile Path exports;
    private final ServiceRegistration<RecordingService> registration;

    StubRecorder() {
        BundleContext context = FrameworkUtil.getBundle(StubRecorder.class).getBundleContext();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        registration = context.registerService(RecordingService.class, this, props);
    }

    /** A new test's folders; nothing recorded yet. */
    void reset(Path folder, Path exportsFolder) {
        settings = RecordingSettings.defaults(folder.getParent()).withFolder(folder);
        exports = exportsFolder;
        current = null;
        status = new RecordingStatus(RecordingStatus.State.OFF, "", null, 0, Map.of(), 0, -1, "", Instant.now());
    }

    RecordingStatus recording(Path file, Map<String, Long> rows) {
        current = file;
        status = new RecordingStatus(RecordingStatus.State.RECORDING, file.toString(), Instant.now().minusSeconds(60),
                1024, rows, 0, -1, "", Instant.now());
        return status;
    }

    @Override
    public RecordingStatus status() {
        return status;
    }

    @Override
    public Optional<Path> currentFile() {
        return Optional.ofNullable(current);
    }

    @Override
    public RecordingSettings settings() {
        return settings;
    }

    @Override
    public void apply(RecordingSettings next) {
        settings = next;
    }

    @Override
    public void pause() {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public void resume() {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public void newSession() {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public Path exportsFolder() {
        return exports;
    }

    @Override
    public List<SessionSummary> sessions() {
        List<SessionSummary> list = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(settings.folder())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sqlite")).sorted().toList().reversed()) {
                try (SessionReader r = SessionReader.open(f)) {
                    list.add(r.summary());
                }
            }
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return list;
    }

    @Override
    public void delete(Path session) throws IOException {
        if (current != null && Files.isSameFile(current, session)) {
            throw new IOException(session.getFileName() + " is being recorded");
        }
        Files.deleteIfExists(SessionFiles.wal(session));
        Files.deleteIfExists(SessionFiles.shm(session));
        Files.delete(session);
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
