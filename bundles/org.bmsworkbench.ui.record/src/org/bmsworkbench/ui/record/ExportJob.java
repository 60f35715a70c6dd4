package org.bmsworkbench.ui.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.bmsworkbench.export.CsvStyle;
import org.bmsworkbench.export.ExportFormat;
import org.bmsworkbench.export.ExportMonitor;
import org.bmsworkbench.export.ExportRequest;
import org.bmsworkbench.export.ExportResult;
import org.bmsworkbench.export.Exporter;
import org.bmsworkbench.ui.record.model.ExportForm;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * An export as a job: progress in rows (shown by the status line's progress area, with Cancel), cancellation
 * checked by the exporter, which leaves no half-written file under the final name. The outcome is given to
 * {@code done} (on the job's thread).
 */
public final class ExportJob extends Job {

    /** Told how the export ended: the result, or the error ({@code null} result and error: cancelled). */
    public interface Done {
        void ended(ExportJob job, ExportResult result, Exception error);
    }

    private static final int TICKS = 1000;

    private final ExportRequest request;
    private final Locale locale;
    private final Done done;

    public ExportJob(String name, Path session, ExportForm.Choice choice, Locale locale, Done done) {
        super(name);
        this.request = new ExportRequest(session, choice.out(), choice.csv() ? ExportFormat.CSV : ExportFormat.XLSX,
                choice.european() ? CsvStyle.EUROPEAN : CsvStyle.STANDARD, choice.packIds(), choice.from(),
                choice.to(), 0, 0);
        this.locale = locale;
        this.done = done;
        setUser(true);
    }

    public ExportRequest request() {
        return request;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), TICKS);
        int[] reported = { 0 };
        ExportMonitor m = new ExportMonitor() {
            @Override
            public void progress(long rowsDone, long rowsTotal) {
                if (rowsTotal > 0) {
                    int ticks = (int) Math.min(TICKS, rowsDone * TICKS / rowsTotal);
                    if (ticks > reported[0]) {
                        monitor.worked(ticks - reported[0]);
                        reported[0] = ticks;
                    }
                }
                monitor.subTask(String.format("%,d / %,d", rowsDone, rowsTotal));
            }

            @Override
            public boolean cancelled() {
                return monitor.isCanceled();
            }
        };
        try {
            ExportResult result = Exporter.export(request, m, locale);
            done.ended(this, result, null);
            return Status.OK_STATUS;
        } catch (CancellationException e) {
            done.ended(this, null, null);
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            done.ended(this, null, e);
            // said to the user by done; the job ends quietly so that no second dialog appears
            return Status.OK_STATUS;
        } finally {
            monitor.done();
        }
    }
}
