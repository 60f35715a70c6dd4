package org.bmsworkbench.ui.bus;

import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.common.FrameThrottle;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/**
 * The parts that show the {@link BusStateRegistry}: one widget, refreshed from the registry at most once per
 * frame after {@link BmsTopics#OVERVIEW_CHANGED}.
 *
 * @param <V> the widget the part hosts
 */
public abstract class BusStatePart<V extends Composite> extends AbstractPart<V, Messages> {

    protected final BusStateRegistry registry;

    /** @param tickMillis if positive, also refreshes this often (for ages); 0 for none */
    protected BusStatePart(BusStateRegistry registry, int tickMillis) {
        super(Messages.class, FrameThrottle.FRAME_MILLIS, tickMillis);
        this.registry = registry;
    }

    @Inject
    @Optional
    public void onChanged(@EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        requestRefresh();
    }
}
