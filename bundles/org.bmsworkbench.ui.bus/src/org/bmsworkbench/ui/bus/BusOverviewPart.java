package org.bmsworkbench.ui.bus;

import java.time.Instant;

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

/** Part that hosts {@link BusOverviewView}; it reads the registry at most once per frame. */
public class BusOverviewPart {

    /** Ages and staleness are re-derived this often even when no event arrives. */
    private static final int TICK_MILLIS = 1000;

    private final BusStateRegistry registry;
    private Messages messages;
    private BusOverviewView view;
    private FrameThrottle throttle;

    @Inject
    public BusOverviewPart(BusStateRegistry registry) {
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
        view = new BusOverviewView(parent, messages);
        throttle = new FrameThrottle(view, () -> view.show(registry.overview(Instant.now())));
        view.show(registry.overview(Instant.now()));
        throttle.repeatEvery(TICK_MILLIS);
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

    /** The widget, for tests. */
    public BusOverviewView view() {
        return view;
    }
}
