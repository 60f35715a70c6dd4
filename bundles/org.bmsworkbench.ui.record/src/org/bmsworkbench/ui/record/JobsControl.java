package org.bmsworkbench.ui.record;

import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.record.model.JobProgress;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The status line's progress area (pure e4 has no progress view): the running user jobs (exports) with a progress
 * bar and Cancel. It becomes the job manager's progress provider; each change of a job's progress only requests a
 * refresh, so a busy job repaints the area at most once per frame.
 */
public class JobsControl extends AbstractPart<JobsView, Messages> {

    private final JobProgress progress = new JobProgress(this::requestRefresh);

    @Inject
    public JobsControl() {
        super(Messages.class);
    }

    @Override
    protected JobsView createView(Composite parent, Messages messages) {
        progress.install(Job.getJobManager());
        return new JobsView(parent, messages);
    }

    @Override
    protected void refresh(JobsView view) {
        view.show(progress.entries());
    }

    @Override
    protected void relabel(JobsView view, Messages messages) {
        view.setMessages(messages);
    }

    @PreDestroy
    public void uninstall() {
        progress.uninstall();
    }
}
