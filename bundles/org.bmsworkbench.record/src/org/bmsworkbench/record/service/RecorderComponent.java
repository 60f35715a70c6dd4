package org.bmsworkbench.record.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bmsworkbench.core.BuildInfo;
import org.bmsworkbench.core.Workspace;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.store.DeviceRecordRows;
import org.bmsworkbench.record.store.SessionFiles;
import org.bmsworkbench.record.store.SessionReader;
import org.bmsworkbench.record.store.SessionSummary;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The workbench's session recorder: a DS component that records every bus event from the start into
 * {@code <workspace>/recordings} (see {@link SessionRecorder}) and posts its state on
 * {@link BmsTopics#RECORDING_STATE}.
 */
@Component(immediate = true, service = { RecordingService.class, EventHandler.class },
        property = { EventConstants.EVENT_TOPIC + "=" + BmsTopics.BUS_STATE,
                EventConstants.EVENT_TOPIC + "=" + BmsTopics.PACK_ALL,
                EventConstants.EVENT_TOPIC + "=" + BmsTopics.COMMAND_PROGRESS })
public final class RecorderComponent implements RecordingService, EventHandler {

    /** Name of the settings file in the workspace's {@code .metadata} folder. */
    public static final String SETTINGS_FILE = "recording.properties";

    /** Queue length: a few seconds of 16 packs polled as fast as the line allows, and their events. */
    static final int CAPACITY = 8192;

    private final EventAdmin eventAdmin;
    private final Path workspace;
    private final SettingsStore store;
    private volatile RecordingSettings settings;
    private final SessionRecorder recorder;

    @Activate
    public RecorderComponent(@Reference EventAdmin eventAdmin, BundleContext context) {
        this.eventAdmin = eventAdmin;
        String area = context.getProperty("osgi.instance.area");
        this.workspace = Workspace.root(area);
        this.store = new SettingsStore(Workspace.metadata(area).resolve(SETTINGS_FILE),
                RecordingSettings.defaults(workspace));
        this.settings = store.load();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("application", "BMS Workbench");
        info.put("version", BuildInfo.fromOsgiVersion(context.getBundle().getVersion().toString()).version());
        info.put("host", hostName());
        this.recorder = new SessionRecorder(() -> settings, info, this::post, Clock.systemUTC(), CAPACITY, 0).start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        recorder.close();
    }

    @Override
    public void handleEvent(Event event) {
        recorder.accept(event.getProperty(EventProperties.DATA));
    }

    private void post(RecordingStatus status) {
        eventAdmin.postEvent(new Event(BmsTopics.RECORDING_STATE, EventProperties.of(status)));
    }

    @Override
    public RecordingStatus status() {
        return recorder.status();
    }

    @Override
    public Optional<Path> currentFile() {
        return Optional.ofNullable(recorder.currentFile());
    }

    @Override
    public RecordingSettings settings() {
        return settings;
    }

    @Override
    public void apply(RecordingSettings next) throws IOException {
        store.save(next);
        settings = next;
    }

    @Override
    public void pause() {
        recorder.pause();
    }

    @Override
    public void resume() {
        recorder.resume();
    }

    @Override
    public void newSession() {
        recorder.newSession();
    }

    @Override
    public boolean keepDeviceRecords(List<DeviceRecordRows.Row> rows) {
        return recorder.keepDeviceRecords(rows);
    }

    @Override
    public Path exportsFolder() {
        return workspace.resolve("exports");
    }

    @Override
    public List<SessionSummary> sessions() {
        return summaries(settings.folder());
    }

    /** The summaries of the session files in a folder, newest first; an unreadable file says why. */
    public static List<SessionSummary> summaries(Path folder) {
        List<SessionSummary> list = new ArrayList<>();
        List<Path> files;
        try {
            files = Retainer.sessions(folder);
        } catch (IOException e) {
            list.add(new SessionSummary(folder, null, null, List.of(), 0, 0, 0, e.getMessage()));
            return list;
        }
        for (Path f : files) {
            try (SessionReader r = SessionReader.open(f)) {
                list.add(r.summary());
            } catch (SQLException e) {
                list.add(new SessionSummary(f, null, null, List.of(), 0, 0, SessionFiles.size(f), e.getMessage()));
            }
        }
        return list;
    }

    @Override
    public void delete(Path session) throws IOException {
        Path current = recorder.currentFile();
        if (current != null && Files.isSameFile(current, session)) {
            throw new IOException(session.getFileName() + " is being recorded; start a new session first");
        }
        Retainer.delete(session);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
