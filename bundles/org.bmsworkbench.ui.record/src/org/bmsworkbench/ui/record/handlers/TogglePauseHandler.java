package org.bmsworkbench.ui.record.handlers;

import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.ui.record.RecordingItems;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * Recording &gt; Pause Recording and the toolbar's pause button: pauses while recording, resumes while paused (or
 * after a failure, which starts a new session file). Disabled before anything was recorded.
 */
public class TogglePauseHandler {

    @CanExecute
    public boolean canExecute(@Optional RecordingService recorder) {
        return recorder != null && recorder.status().state() != RecordingStatus.State.OFF;
    }

    @Execute
    public void execute(RecordingService recorder, MApplication app, EModelService models, IEventBroker broker) {
        if (recorder.status().state() == RecordingStatus.State.RECORDING) {
            recorder.pause();
        } else {
            recorder.resume();
        }
        RecordingItems.sync(app, models, broker, recorder);
    }
}
