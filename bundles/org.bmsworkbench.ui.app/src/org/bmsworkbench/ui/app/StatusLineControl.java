package org.bmsworkbench.ui.app;

import java.time.Instant;

import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.Overview;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.common.FrameThrottle;
import org.bmsworkbench.ui.common.StateColors;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.inject.Inject;

/**
 * The status line at the bottom of the window: how many buses are open and how many packs answer.
 * It reads the {@link BusStateRegistry} so it is right from the first paint, and again on every change.
 */
public class StatusLineControl extends AbstractPart<Composite, Messages> {

    /** How often ages are re-derived so an unannounced silence still turns a pack stale. */
    private static final int TICK_MILLIS = 1000;

    private final BusStateRegistry registry;
    private Label busLabel;
    private Label packLabel;
    private Label recordingLabel;
    private volatile RecordingStatus recording;

    @Inject
    public StatusLineControl(BusStateRegistry registry) {
        super(Messages.class, FrameThrottle.FRAME_MILLIS, TICK_MILLIS);
        this.registry = registry;
    }

    @Override
    protected Composite createView(Composite parent, Messages messages) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setData("org.eclipse.e4.ui.css.id", "org-bmsworkbench-statusline");
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 2;
        layout.marginWidth = 6;
        layout.horizontalSpacing = 16;
        root.setLayout(layout);
        busLabel = new Label(root, SWT.NONE);
        busLabel.setData("org.bmsworkbench.test.id", "status.buses");
        packLabel = new Label(root, SWT.NONE);
        packLabel.setData("org.bmsworkbench.test.id", "status.packs");
        packLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        recordingLabel = new Label(root, SWT.NONE);
        recordingLabel.setData("org.bmsworkbench.test.id", "status.recording");
        return root;
    }

    @Override
    protected void relabel(Composite root, Messages messages) {
        // Every text is set by refresh, which follows.
    }

    @Inject
    @Optional
    public void onOverviewChanged(@EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        requestRefresh();
    }

    @Inject
    @Optional
    public void onRecordingState(@EventTopic(BmsTopics.RECORDING_STATE) RecordingStatus status) {
        recording = status;
        requestRefresh();
    }

    @Override
    protected void refresh(Composite root) {
        Messages messages = messages();
        Overview overview = registry.overview(Instant.now());
        if (overview.buses().isEmpty()) {
            busLabel.setText(messages.status_noBus);
            busLabel.setForeground(StateColors.OFFLINE);
            packLabel.setText("");
        } else {
            busLabel.setText(Messages.format(messages.status_buses, overview.openBuses(), overview.buses().size()));
            busLabel.setForeground(overview.openBuses() == overview.buses().size() ? StateColors.ONLINE
                    : StateColors.STALE);
            int online = overview.packs(PackLinkState.ONLINE);
            int stale = overview.packs(PackLinkState.STALE);
            int offline = overview.packs(PackLinkState.OFFLINE);
            boolean simulated = overview.buses().stream()
                    .anyMatch(b -> b.status().isSimulated() && b.status().state() != BusState.CLOSED);
            int hibernating = overview.packs(PackLinkState.HIBERNATING);
            packLabel.setText(Messages.format(messages.status_packs, online, stale, offline)
                    + (hibernating > 0 ? "   " + Messages.format(messages.status_hibernating, hibernating) : "")
                    + (simulated ? "    " + messages.status_simulated : ""));
            packLabel.setForeground(offline + stale == 0 ? StateColors.ONLINE : StateColors.STALE);
        }
        showRecording(messages);
        root.setToolTipText(messages.status_tooltip);
        // The texts change width; the trim bar around us must be laid out again, not only this composite.
        root.requestLayout();
    }

    private void showRecording(Messages messages) {
        RecordingStatus r = recording;
        if (r == null || r.state() == RecordingStatus.State.OFF) {
            recordingLabel.setText(messages.status_recordingOff);
            recordingLabel.setForeground(StateColors.OFFLINE);
            recordingLabel.setToolTipText(r == null ? "" : r.file());
            return;
        }
        String text;
        if (r.state() == RecordingStatus.State.FAILED) {
            text = r.detail();
        } else {
            String figures = RecordingFigures.duration(r.duration()) + "   " + RecordingFigures.bytes(r.bytes());
            text = Messages.format(r.state() == RecordingStatus.State.PAUSED ? messages.status_recordingPaused
                    : messages.status_recording, figures);
            if (r.skipped() > 0) {
                text += "   " + Messages.format(messages.status_recordingSkipped, r.skipped());
            }
        }
        if (r.lowDisk()) {
            text += "   " + Messages.format(messages.status_lowDisk, RecordingFigures.bytes(r.freeBytes()));
        }
        recordingLabel.setText(text.strip());
        recordingLabel.setToolTipText(r.file());
        recordingLabel.setForeground(r.state() == RecordingStatus.State.FAILED || r.lowDisk() ? StateColors.OFFLINE
                : r.state() == RecordingStatus.State.PAUSED || r.skipped() > 0 ? StateColors.STALE
                        : StateColors.ONLINE);
    }

    /** The text shown, for tests and accessibility. */
    public String text() {
        return (busLabel.getText() + " " + packLabel.getText() + " " + recordingLabel.getText()).trim();
    }
}
