package org.bmsworkbench.ui.record;

import java.util.List;

import org.bmsworkbench.ui.record.model.JobProgress;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * The progress area of the status line: the oldest running job's name, a progress bar and Cancel, and how many
 * more jobs run; nothing (no width) while no job runs.
 */
public final class JobsView extends Composite {

    private static final int NAME_WIDTH = 260;
    private static final int BAR_WIDTH = 140;

    private Messages messages;
    private final Label name;
    private final ProgressBar bar;
    private final Button cancel;
    private final Label more;
    private Job job;
    private boolean active;

    public JobsView(Composite parent, Messages messages) {
        super(parent, SWT.NONE);
        this.messages = messages;
        GridLayout layout = new GridLayout(4, false);
        layout.marginHeight = 0;
        layout.marginWidth = 4;
        setLayout(layout);
        name = new Label(this, SWT.NONE);
        GridData nameData = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        nameData.widthHint = NAME_WIDTH;
        name.setLayoutData(nameData);
        bar = new ProgressBar(this, SWT.SMOOTH);
        GridData barData = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        barData.widthHint = BAR_WIDTH;
        bar.setLayoutData(barData);
        bar.setMaximum(1000);
        cancel = new Button(this, SWT.PUSH);
        cancel.addListener(SWT.Selection, e -> {
            if (job != null) {
                job.cancel();
                cancel.setEnabled(false);
            }
        });
        more = new Label(this, SWT.NONE);
        setMessages(messages);
        active = true; // so that the first show hides the empty area
        show(List.of());
    }

    public void setMessages(Messages messages) {
        this.messages = messages;
        cancel.setText(messages.jobs_cancel);
        layout(true);
    }

    /** Shows the running jobs (display thread). */
    public void show(List<JobProgress.Entry> entries) {
        boolean nowActive = !entries.isEmpty();
        if (nowActive) {
            JobProgress.Entry first = entries.get(0);
            job = first.job();
            String text = first.cancelling() ? Messages.format(messages.jobs_cancelling, first.name())
                    : first.task().isEmpty() ? first.name() : first.name() + "  " + first.task();
            if (!text.equals(name.getText())) {
                name.setText(text);
                name.setToolTipText(text);
            }
            bar.setSelection(first.fraction() < 0 ? 0 : (int) Math.round(first.fraction() * 1000));
            cancel.setEnabled(!first.cancelling());
            cancel.setToolTipText(Messages.format(messages.jobs_cancelTooltip, first.name()));
            more.setText(entries.size() > 1 ? Messages.format(messages.jobs_more, entries.size() - 1) : "");
        } else {
            job = null;
        }
        if (nowActive != active) {
            active = nowActive;
            for (Control c : getChildren()) {
                c.setVisible(active);
                ((GridData) layoutData(c)).exclude = !active;
            }
            getShell().layout(new Control[] { this }, SWT.DEFER);
        } else if (active) {
            layout(true);
        }
    }

    private static Object layoutData(Control c) {
        if (!(c.getLayoutData() instanceof GridData)) {
            c.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        }
        return c.getLayoutData();
    }

    /** Whether a job is shown. */
    public boolean showsJob() {
        return active;
    }

    public String nameText() {
        return name.getText();
    }

    /** Cancels the job shown, as the Cancel button does. */
    public Button cancelButton() {
        return cancel;
    }
}
