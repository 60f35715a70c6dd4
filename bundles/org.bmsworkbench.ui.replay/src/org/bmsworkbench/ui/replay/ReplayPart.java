package org.bmsworkbench.ui.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.replay.ReplayEngine;
import org.bmsworkbench.replay.ReplayService;
import org.bmsworkbench.ui.common.AbstractPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Inject;

/**
 * Part that hosts {@link ReplayView}: the controls of the newest replay (the {@link ReplayService}'s engine), its
 * position refreshed five times a second. The replay itself runs on its own thread whether this part is open or not.
 */
public class ReplayPart extends AbstractPart<ReplayView, Messages> {

    private static final int REFRESH_MILLIS = 200;

    private final ReplayService replays;
    private final RecordingService recording;

    @Inject
    public ReplayPart(ReplayService replays, RecordingService recording) {
        super(Messages.class, REFRESH_MILLIS, REFRESH_MILLIS);
        this.replays = replays;
        this.recording = recording;
    }

    @Override
    protected ReplayView createView(Composite parent, Messages messages) {
        ReplayView v = new ReplayView(parent, messages);
        v.openButton().addListener(SWT.Selection, e -> open(v.getShell(), replays, recording, v.messages()));
        v.playButton().addListener(SWT.Selection, e -> current().ifPresent(en -> {
            if (en.state().playing()) {
                en.pause();
            } else {
                en.setSpeed(v.chosenSpeed());
                en.play();
            }
            requestRefresh();
        }));
        v.stepButton().addListener(SWT.Selection, e -> current().ifPresent(en -> {
            en.step();
            requestRefresh();
        }));
        v.speedCombo().addListener(SWT.Selection, e -> current().ifPresent(en -> en.setSpeed(v.chosenSpeed())));
        v.slider().addListener(SWT.Selection, e -> current().ifPresent(en -> en.seek(v.sliderTime(en.state()))));
        v.closeButton().addListener(SWT.Selection, e -> {
            newest().ifPresent(r -> replays.close(r.id()));
            requestRefresh();
        });
        return v;
    }

    @Override
    protected void relabel(ReplayView view, Messages messages) {
        view.setMessages(messages);
    }

    private Optional<ReplayService.Replay> newest() {
        List<ReplayService.Replay> all = replays.replays();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private Optional<ReplayEngine> current() {
        return newest().flatMap(r -> replays.engine(r.id()));
    }

    @Override
    protected void refresh(ReplayView view) {
        Optional<ReplayService.Replay> r = newest();
        view.show(r.map(x -> x.file().getFileName().toString()).orElse(null), r.map(ReplayService.Replay::state)
                .orElse(null));
    }

    /**
     * Asks for a session file (in the recording folder) and replays it; a file that cannot be replayed is named
     * with the reason. Shared by the view's Open button and File > Open recording.
     *
     * @return whether a replay started
     */
    static boolean open(Shell shell, ReplayService replays, RecordingService recording, Messages messages) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(messages.replay_open_title);
        dialog.setFilterExtensions(new String[] { "*.sqlite", "*" });
        dialog.setFilterPath(recording.settings().folder().toString());
        String file = dialog.open();
        return file != null && open(shell, replays, Path.of(file), messages);
    }

    /** Replays a session file; one that cannot be replayed is named with the reason. */
    static boolean open(Shell shell, ReplayService replays, Path file, Messages messages) {
        try {
            replays.open(file);
            return true;
        } catch (java.io.IOException e) {
            MessageBox box = new MessageBox(shell, SWT.ICON_ERROR | SWT.OK);
            box.setText(messages.replay_open_title);
            box.setMessage(Messages.format(messages.replay_open_failed, e.getMessage()));
            box.open();
            return false;
        }
    }
}
