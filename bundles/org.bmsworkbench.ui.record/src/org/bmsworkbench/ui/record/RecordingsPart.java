package org.bmsworkbench.ui.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.record.store.SessionSummary;
import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.record.model.SessionList;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/**
 * Part that hosts {@link RecordingsView}: the session files of the recording folder. The folder is listed (which
 * reads every file) off the display thread when the part is created, on Refresh, after a delete and when the
 * recorder starts another file; in between, the recorder's status (refreshed at most once a second) keeps the
 * current session's line up to date.
 */
public class RecordingsPart extends AbstractPart<RecordingsView, Messages> {

    private static final int REFRESH_MILLIS = 1000;

    private final RecordingService recorder;
    private final ExportLauncher exports;
    private final ECommandService commands;
    private final EHandlerService handlers;

    /** The replay bundle's File > Open recording command and its file parameter (a command id, no dependency). */
    static final String REPLAY_COMMAND = "org.bmsworkbench.ui.replay.command.open";
    static final String REPLAY_FILE = "org.bmsworkbench.ui.replay.command.open.file";
    private volatile List<SessionSummary> sessions = List.of();
    private volatile String listError = "";
    private volatile boolean listing;
    private String listedFile;
    private final ZoneId zone = ZoneId.systemDefault();

    @Inject
    public RecordingsPart(RecordingService recorder, ExportLauncher exports, @Optional ECommandService commands,
            @Optional EHandlerService handlers) {
        super(Messages.class, REFRESH_MILLIS, 0);
        this.recorder = recorder;
        this.exports = exports;
        this.commands = commands;
        this.handlers = handlers;
    }

    @Override
    protected RecordingsView createView(Composite parent, Messages messages) {
        return new RecordingsView(parent, messages, new RecordingsView.Actions() {
            @Override
            public void export(SessionSummary session) {
                if (session != null) {
                    exports.open(parent.getShell(), session.file());
                }
            }

            @Override
            public void delete(SessionSummary session) {
                deleteSession(parent, session);
            }

            @Override
            public void openFolder() {
                Path folder = recorder.settings().folder();
                if (!Files.isDirectory(folder) || !Program.launch(folder.toString())) {
                    MessageDialog.openError(parent.getShell(), messages().recordings_openFolder.replace("&", ""),
                            Messages.format(messages().recordings_openFailed, folder));
                }
            }

            @Override
            public void refresh() {
                list();
            }

            @Override
            public boolean canReplay() {
                return commands != null && handlers != null && commands.getCommand(REPLAY_COMMAND) != null
                        && commands.getCommand(REPLAY_COMMAND).isDefined();
            }

            @Override
            public void replay(SessionSummary session) {
                if (session != null && canReplay()) {
                    handlers.executeHandler(commands.createCommand(REPLAY_COMMAND,
                            Map.of(REPLAY_FILE, session.file().toString())));
                }
            }
        });
    }

    @Override
    protected void relabel(RecordingsView view, Messages messages) {
        view.setMessages(messages);
    }

    @Inject
    @Optional
    public void onRecording(@EventTopic(BmsTopics.RECORDING_STATE) RecordingStatus status) {
        requestRefresh();
    }

    @Override
    protected void refresh(RecordingsView view) {
        RecordingStatus status = recorder.status();
        java.util.Optional<Path> current = recorder.currentFile();
        String file = current.map(Path::toString).orElse("");
        if (!Objects.equals(file, listedFile)) {
            listedFile = file;
            list();
        }
        Messages m = messages();
        List<SessionList.Line> lines = SessionList.lines(sessions, current, status, zone);
        long bytes = lines.stream().mapToLong(l -> l.summary().bytes()).sum();
        String summary = !listError.isEmpty() ? Messages.format(m.recordings_listFailed, listError)
                : lines.isEmpty() ? m.recordings_empty
                        : Messages.format(m.recordings_summary, lines.size(), SessionList.size(bytes));
        view.show(Messages.format(m.recordings_folder, recorder.settings().folder()), summary, lines);
    }

    /** Lists the folder in a system job, then refreshes. */
    private void list() {
        if (listing) {
            return;
        }
        listing = true;
        Job job = Job.create("list recordings", (IProgressMonitor monitor) -> {
            try {
                List<SessionSummary> all = recorder.sessions();
                sessions = all.stream().filter(s -> !Files.isDirectory(s.file())).toList();
                listError = all.stream().filter(s -> Files.isDirectory(s.file())).map(SessionSummary::error)
                        .findFirst().orElse("");
            } finally {
                listing = false;
                requestRefresh();
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void deleteSession(Composite parent, SessionSummary session) {
        Messages m = messages();
        SessionList.delete(session, recorder, new SessionList.Prompt() {
            @Override
            public boolean confirmDelete(SessionSummary s) {
                return MessageDialog.openConfirm(parent.getShell(), m.recordings_deleteTitle,
                        Messages.format(m.recordings_deleteConfirm, s.file().getFileName(),
                                String.format("%,d", s.rows()), SessionList.size(s.bytes())));
            }

            @Override
            public void refusedCurrent(SessionSummary s) {
                MessageDialog.openInformation(parent.getShell(), m.recordings_deleteTitle,
                        Messages.format(m.recordings_deleteRefused, s.file().getFileName()));
            }

            @Override
            public void failed(SessionSummary s, IOException error) {
                ILog.of(RecordingsPart.class).warn("cannot delete " + s.file(), error);
                MessageDialog.openError(parent.getShell(), m.recordings_deleteTitle,
                        Messages.format(m.recordings_deleteFailed, s.file().getFileName(), error.getMessage()));
            }
        });
        list();
    }
}
