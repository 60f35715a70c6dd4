package org.bmsworkbench.ui.record;

import java.util.concurrent.atomic.AtomicBoolean;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.record.RecordingService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

import jakarta.inject.Inject;

/**
 * Keeps the Recording menu's and the toolbar's Pause check mark, the decimation radio items and the enablement of
 * the recording commands in step with the recorder: one hop to the display thread per status (at most two a
 * second), none while one is pending.
 */
public class RecordingAddon {

    @Inject
    MApplication app;

    @Inject
    EModelService models;

    @Inject
    IEventBroker broker;

    @Inject
    UISynchronize sync;

    @Inject
    @Optional
    RecordingService recorder;

    private final AtomicBoolean pending = new AtomicBoolean();

    @Inject
    @Optional
    public void onRecording(@EventTopic(BmsTopics.RECORDING_STATE) RecordingStatus status) {
        schedule();
    }

    @Inject
    @Optional
    public void onStarted(@EventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Object started) {
        schedule();
    }

    private void schedule() {
        if (sync != null && pending.compareAndSet(false, true)) {
            sync.asyncExec(() -> {
                pending.set(false);
                RecordingItems.sync(app, models, broker, recorder);
            });
        }
    }
}
