package org.bmsworkbench.ui.record.handlers;

import org.bmsworkbench.record.RecordingService;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Recording &gt; New Session: ends the current session file; the next recorded value starts a new one. */
public class NewSessionHandler {

    @CanExecute
    public boolean canExecute(@Optional RecordingService recorder) {
        return recorder != null && recorder.currentFile().isPresent();
    }

    @Execute
    public void execute(RecordingService recorder) {
        recorder.newSession();
    }
}
