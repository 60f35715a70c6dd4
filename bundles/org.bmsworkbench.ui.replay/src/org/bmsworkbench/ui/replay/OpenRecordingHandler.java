package org.bmsworkbench.ui.replay;

import java.nio.file.Path;

import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.replay.ReplayService;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Inject;
import jakarta.inject.Named;

/** File > Open recording: asks for a session file, replays it and shows the Replay view. */
public class OpenRecordingHandler {

    /** The Replay view's part descriptor id. */
    public static final String PART_ID = "org.bmsworkbench.ui.replay.replay";

    @Inject
    @Translation
    Messages messages;

    /** The command's optional parameter: the session file to replay (the Recordings view's Replay button). */
    public static final String FILE_PARAMETER = "org.bmsworkbench.ui.replay.command.open.file";

    @Execute
    public void execute(Shell shell, ReplayService replays, RecordingService recording, EPartService parts,
            @Optional @Named(FILE_PARAMETER) String file) {
        if (file == null ? ReplayPart.open(shell, replays, recording, messages)
                : ReplayPart.open(shell, replays, Path.of(file), messages)) {
            parts.showPart(PART_ID, PartState.ACTIVATE);
        }
    }
}
