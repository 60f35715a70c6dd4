package org.bmsworkbench.ui.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.bmsworkbench.export.ExportResult;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.SessionReader;
import org.bmsworkbench.ui.record.model.ExportForm;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Opens the Data Export dialog for a session and runs the export the user chose as an {@link ExportJob}; says
 * how it ended. Used by the Real-time Data page's context menu and by the Recordings view.
 */
@Creatable
public class ExportLauncher {

    private final RecordingService recorder;

    @Inject
    @Translation
    Messages messages;

    @Inject
    @Optional
    @Named(TranslationService.LOCALE)
    Locale locale;

    @Inject
    public ExportLauncher(RecordingService recorder) {
        this.recorder = recorder;
    }

    /** The dialog for a session whose packs are read from its file (the Recordings view). */
    public void open(Shell shell, Path session) {
        if (session == null) {
            MessageDialog.openInformation(shell, messages.export_title, messages.export_noSession);
            return;
        }
        List<RecordedPack> packs;
        try (SessionReader reader = SessionReader.open(session)) {
            packs = reader.packs();
        } catch (SQLException e) {
            ILog.of(ExportLauncher.class).warn("cannot read the packs of " + session, e);
            MessageDialog.openError(shell, messages.export_title,
                    Messages.format(messages.data_readFailed, e.getMessage()));
            return;
        }
        open(shell, session, null, packs);
    }

    /**
     * The dialog for a session.
     *
     * @param pack the pack the user is looking at, {@code null} for none
     */
    public void open(Shell shell, Path session, RecordedPack pack, List<RecordedPack> packs) {
        if (session == null || packs.isEmpty()) {
            MessageDialog.openInformation(shell, messages.export_title, messages.export_noSession);
            return;
        }
        Path folder = recorder.exportsFolder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            // the dialog then says that the folder is missing, and the user can choose another
            ILog.of(ExportLauncher.class).warn("cannot create the exports folder " + folder, e);
        }
        String stem = session.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String name = stem + "-" + (pack == null ? "all" : pack.packName()) + ".xlsx";
        ExportDialog dialog = new ExportDialog(shell, messages, session, pack, packs,
                folder.resolve(name).toString(), ZoneId.systemDefault());
        if (dialog.open() != Window.OK || dialog.choice() == null) {
            return;
        }
        Messages m = messages;
        Display display = shell.getDisplay();
        ExportJob job = new ExportJob(Messages.format(m.export_job, dialog.choice().out().getFileName()), session,
                dialog.choice(), locale == null ? Locale.getDefault() : locale,
                (j, result, error) -> report(display, m, j, result, error));
        job.schedule();
    }

    private static void report(Display display, Messages m, ExportJob job, ExportResult result, Exception error) {
        if (result == null && error == null) {
            return; // cancelled by the user, who knows
        }
        if (error != null) {
            ILog.of(ExportLauncher.class).error("export of " + job.request().recording() + " failed", error);
        }
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            Shell shell = display.getActiveShell();
            if (error != null) {
                MessageDialog.openError(shell, m.export_doneTitle, Messages.format(m.export_failed,
                        job.request().out().getFileName(), error.getMessage()));
            } else {
                String files = result.files().size() == 1 ? result.files().get(0).toString()
                        : result.files().get(0).getParent().toString();
                MessageDialog.openInformation(shell, m.export_doneTitle,
                        Messages.format(m.export_done, String.format("%,d", result.rows()), files));
            }
        });
    }
}
