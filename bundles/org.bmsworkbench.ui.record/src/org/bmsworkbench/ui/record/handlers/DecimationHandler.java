package org.bmsworkbench.ui.record.handlers;

import java.io.IOException;

import org.bmsworkbench.record.Decimation;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.ui.record.Messages;
import org.bmsworkbench.ui.record.RecordingItems;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Recording &gt; Decimation: every poll, or one snapshot per 1, 5, 10 or 60 s per pack (radio items). */
public class DecimationHandler {

    @CanExecute
    public boolean canExecute(@Optional RecordingService recorder,
            @Optional @Named(RecordingItems.PARAM_DECIMATION) String value) {
        return recorder != null && decimation(value) != null;
    }

    @Execute
    public void execute(RecordingService recorder, @Named(RecordingItems.PARAM_DECIMATION) String value,
            @Translation Messages messages, Shell shell, MApplication app, EModelService models,
            IEventBroker broker) {
        Decimation d = decimation(value);
        if (d != null && d != recorder.settings().decimation()) {
            try {
                recorder.apply(recorder.settings().withDecimation(d));
            } catch (IOException e) {
                ILog.of(DecimationHandler.class).error("cannot save the recording settings", e);
                MessageDialog.openError(shell, messages.settings_title,
                        Messages.format(messages.settings_saveFailed, e.getMessage()));
            }
        }
        RecordingItems.sync(app, models, broker, recorder);
    }

    private static Decimation decimation(String value) {
        for (Decimation d : Decimation.values()) {
            if (d.name().equals(value)) {
                return d;
            }
        }
        return null;
    }
}
