package org.bmsworkbench.ui.bus;

import java.time.Instant;

import org.bmsworkbench.core.bus.BusStateRegistry;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/** Part that hosts {@link BusOverviewView}. */
public class BusOverviewPart extends BusStatePart<BusOverviewView> {

    /** Ages and staleness are re-derived this often even when no event arrives. */
    private static final int TICK_MILLIS = 1000;

    @Inject
    public BusOverviewPart(BusStateRegistry registry) {
        super(registry, TICK_MILLIS);
    }

    @Override
    protected BusOverviewView createView(Composite parent, Messages messages) {
        return new BusOverviewView(parent, messages);
    }

    @Override
    protected void refresh(BusOverviewView view) {
        view.show(registry.overview(Instant.now()));
    }

    @Override
    protected void relabel(BusOverviewView view, Messages messages) {
        view.setMessages(messages);
    }
}
