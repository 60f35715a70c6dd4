package org.bmsworkbench.ui.record.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.IJobManager;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;

/**
 * The running jobs people should see (not {@link Job#isSystem() system} jobs) with their progress, for a progress
 * area: the job manager's progress provider makes a recording monitor for each job, a job listener drops a job when
 * it ends. Callable from any thread; {@code changed} is called (on the job's thread) after each change and must
 * only schedule a repaint.
 */
public final class JobProgress extends ProgressProvider {

    /**
     * What a job is doing.
     *
     * @param job      the job (to cancel it)
     * @param name     its name
     * @param task     the subtask, or {@code ""}
     * @param fraction 0..1, or -1 when unknown
     */
    public record Entry(Job job, String name, String task, double fraction, boolean cancelling) {
    }

    private final class Monitor extends NullProgressMonitor {
        private final Job job;
        private final long order = sequence.incrementAndGet();
        private volatile String task = "";
        private volatile double total = IProgressMonitor.UNKNOWN;
        private volatile double worked;

        Monitor(Job job) {
            this.job = job;
        }

        @Override
        public void beginTask(String name, int totalWork) {
            total = totalWork;
            worked = 0;
            if (name != null && !name.isEmpty() && !name.equals(job.getName())) {
                task = name;
            }
            changed.run();
        }

        @Override
        public void internalWorked(double work) {
            worked += work;
            changed.run();
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        @Override
        public void subTask(String name) {
            task = name == null ? "" : name;
            changed.run();
        }

        @Override
        public void setTaskName(String name) {
            subTask(name);
        }

        @Override
        public void setCanceled(boolean cancelled) {
            super.setCanceled(cancelled);
            changed.run();
        }

        Entry entry() {
            double t = total;
            double fraction = t <= 0 ? -1 : Math.min(1, worked / t);
            return new Entry(job, job.getName(), task, fraction, isCanceled());
        }
    }

    private final Map<Job, Monitor> running = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Runnable changed;
    private final IJobChangeListener listener = new JobChangeAdapter() {
        @Override
        public void done(IJobChangeEvent event) {
            if (running.remove(event.getJob()) != null) {
                changed.run();
            }
        }
    };
    private IJobManager manager;

    public JobProgress(Runnable changed) {
        this.changed = changed;
    }

    /** Becomes the job manager's progress provider and follows its jobs. */
    public void install(IJobManager jobs) {
        manager = jobs;
        jobs.addJobChangeListener(listener);
        jobs.setProgressProvider(this);
    }

    /** Stops following the job manager's jobs. */
    public void uninstall() {
        if (manager != null) {
            manager.removeJobChangeListener(listener);
            manager.setProgressProvider(null);
            manager = null;
        }
        running.clear();
    }

    @Override
    public IProgressMonitor createMonitor(Job job) {
        if (job.isSystem()) {
            return new NullProgressMonitor();
        }
        Monitor m = new Monitor(job);
        running.put(job, m);
        changed.run();
        return m;
    }

    /** The jobs running now, oldest first. */
    public List<Entry> entries() {
        List<Monitor> monitors = new ArrayList<>(running.values());
        monitors.sort(Comparator.comparingLong(m -> m.order));
        List<Entry> list = new ArrayList<>(monitors.size());
        for (Monitor m : monitors) {
            list.add(m.entry());
        }
        return list;
    }
}
