package org.bmsworkbench.ui.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status line's progress area with a real job of the job manager: shown while it runs, cancelled by Cancel. */
class JobsControlTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private PartHarness harness;

    @BeforeEach
    void setUp() {
        harness = new PartHarness();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void showsARunningJobWithItsProgressAndCancelsIt() throws Exception {
        JobsControl control = harness.make(JobsControl.class);
        assertFalse(control.view().showsJob(), "nothing while no job runs");
        CountDownLatch halfway = new CountDownLatch(1);
        Job job = new Job("Exporting test.xlsx") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(getName(), 100);
                monitor.worked(50);
                halfway.countDown();
                while (!monitor.isCanceled()) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Status.CANCEL_STATUS;
                    }
                }
                return Status.CANCEL_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
        assertTrue(halfway.await(10, TimeUnit.SECONDS));
        assertTrue(harness.spinUntil(() -> control.view().showsJob(), WAIT), "the running job is shown");
        assertTrue(control.view().nameText().startsWith("Exporting test.xlsx"), control.view().nameText());
        control.view().cancelButton().notifyListeners(SWT.Selection, new Event());
        assertTrue(job.join(10_000, null), "the job ends when cancelled");
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        assertTrue(harness.spinUntil(() -> !control.view().showsJob(), WAIT), "the area empties when it ends");
    }

    @Test
    void systemJobsAreNotShown() throws Exception {
        JobsControl control = harness.make(JobsControl.class);
        Job job = Job.create("list recordings", (IProgressMonitor m) -> Status.OK_STATUS);
        job.setSystem(true);
        job.schedule();
        job.join(10_000, null);
        harness.spinFor(Duration.ofMillis(100));
        assertFalse(control.view().showsJob());
    }
}
