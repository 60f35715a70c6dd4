package org.bmsworkbench.ui.replay;

import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.replay.ReplayService;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Inject;

/** File > Open recording: asks for a session file, replays it and shows the Replay view. */
public class OpenRecordingHandler {

    /** The Replay view's part descriptor id. */
    public static final String PART_ID = "org.bmsworkbench.ui.replay.replay";

    @Inject
    @Translation
    Messages messages;

    @Execute
    public void execute(Shell shell, ReplayService replays, RecordingService recording, EPartService parts) {
        if (ReplayPart.open(shell, replays, recording, messages)) {
            parts.showPart(PART_ID, PartState.ACTIVATE);
        }
    }
}
