package org.bmsworkbench.ui.record.handlers;

import java.io.IOException;

import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.ui.record.Messages;
import org.bmsworkbench.ui.record.SettingsDialog;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** Recording &gt; Recording Settings: the folder, the retention and the automatic Excel save. */
public class SettingsHandler {

    @CanExecute
    public boolean canExecute(@Optional RecordingService recorder) {
        return recorder != null;
    }

    @Execute
    public void execute(RecordingService recorder, @Translation Messages messages, Shell shell) {
        SettingsDialog dialog = new SettingsDialog(shell, messages, recorder.settings());
        if (dialog.open() != Window.OK || dialog.settings() == null) {
            return;
        }
        try {
            recorder.apply(dialog.settings());
        } catch (IOException e) {
            ILog.of(SettingsHandler.class).error("cannot save the recording settings", e);
            MessageDialog.openError(shell, messages.settings_title,
                    Messages.format(messages.settings_saveFailed, e.getMessage()));
        }
    }
}
