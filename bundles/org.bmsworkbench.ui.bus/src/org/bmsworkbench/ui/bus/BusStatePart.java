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

/**
 * Common life of the parts that show the {@link BusStateRegistry}: one widget, refreshed from the registry
 * at most once per frame on every {@link BmsTopics#OVERVIEW_CHANGED}, and re-labelled on a language switch.
 *
 * @param <V> the widget the part hosts
 */
public abstract class BusStatePart<V extends Composite> {

    protected final BusStateRegistry registry;
    private Messages messages;
    private V view;
    private FrameThrottle throttle;

    protected BusStatePart(BusStateRegistry registry) {
        this.registry = registry;
    }

    @Inject
    public void setMessages(@Translation Messages messages) {
        this.messages = messages;
        if (view != null && !view.isDisposed()) {
            relabel(view, messages);
        }
    }

    @PostConstruct
    public void create(Composite parent) {
        view = createView(parent, messages);
        throttle = new FrameThrottle(view, () -> refresh(view));
        refresh(view);
        started(throttle);
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
    public V view() {
        return view;
    }

    /** Builds the widget with the current translations. */
    protected abstract V createView(Composite parent, Messages messages);

    /** Shows the registry's current state; runs on the display thread, at most once per frame. */
    protected abstract void refresh(V view);

    /** Gives the widget new translations after a language switch. */
    protected abstract void relabel(V view, Messages messages);

    /** Called once the widget exists, e.g. to add clock-driven refreshes. */
    protected void started(FrameThrottle throttle) {
        // Most views change only when the registry does.
    }
}
