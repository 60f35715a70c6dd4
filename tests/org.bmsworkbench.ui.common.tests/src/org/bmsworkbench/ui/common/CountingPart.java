package org.bmsworkbench.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.OverviewChanged;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.inject.Inject;

/** The smallest part on {@link AbstractPart}: a label, and a record of what the base class made it do. */
public class CountingPart extends AbstractPart<Label, TestMessages> {

    final AtomicInteger handled = new AtomicInteger();
    final List<Thread> handlerThreads = new CopyOnWriteArrayList<>();
    final List<Long> refreshNanos = new CopyOnWriteArrayList<>();
    final List<Thread> refreshThreads = new CopyOnWriteArrayList<>();
    int relabels;

    @Inject
    public CountingPart() {
        super(TestMessages.class);
    }

    @Override
    protected Label createView(Composite parent, TestMessages messages) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(messages.greeting);
        return label;
    }

    @Override
    protected void refresh(Label view) {
        refreshNanos.add(System.nanoTime());
        refreshThreads.add(Thread.currentThread());
    }

    @Override
    protected void relabel(Label view, TestMessages messages) {
        relabels++;
        view.setText(messages.greeting);
    }

    @Inject
    @Optional
    public void onChanged(@EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        handlerThreads.add(Thread.currentThread());
        handled.incrementAndGet();
        requestRefresh();
    }

    int refreshes() {
        return refreshNanos.size();
    }
}
