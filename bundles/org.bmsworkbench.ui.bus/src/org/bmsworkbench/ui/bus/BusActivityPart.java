package org.bmsworkbench.ui.bus;

import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.ui.common.FrameThrottle;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** Part that hosts {@link BusActivityView}. */
public class BusActivityPart {

    private final BusStateRegistry registry;
    private Messages messages;
    private BusActivityView view;
    private FrameThrottle throttle;
    private long shownRevision = -1;

    @Inject
    public BusActivityPart(BusStateRegistry registry) {
        this.registry = registry;
    }

    @Inject
    public void setMessages(@Translation Messages messages) {
        this.messages = messages;
        if (view != null && !view.isDisposed()) {
            view.setMessages(messages);
        }
    }

    @PostConstruct
    public void create(Composite parent) {
        view = new BusActivityView(parent, messages);
        throttle = new FrameThrottle(view, this::refresh);
        refresh();
    }

    private void refresh() {
        long revision = registry.revision();
        if (revision != shownRevision) {
            shownRevision = revision;
            view.show(registry.activity());
        }
    }

    @Inject
    @Optional
    public void onChanged(@UIEventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        if (throttle != null) {
            throttle.request();
        }
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (view != null && !view.isDisposed()) {
            view.dispose();
        }
    }

    public BusActivityView view() {
        return view;
    }
}
