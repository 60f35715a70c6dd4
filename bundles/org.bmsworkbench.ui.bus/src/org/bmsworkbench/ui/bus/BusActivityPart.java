package org.bmsworkbench.ui.bus;

import org.bmsworkbench.core.bus.BusStateRegistry;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/** Part that hosts {@link BusActivityView}. */
public class BusActivityPart extends BusStatePart<BusActivityView> {

    private long shownRevision = -1;

    @Inject
    public BusActivityPart(BusStateRegistry registry) {
        super(registry, 0);
    }

    @Override
    protected BusActivityView createView(Composite parent, Messages messages) {
        return new BusActivityView(parent, messages);
    }

    @Override
    protected void refresh(BusActivityView view) {
        long revision = registry.revision();
        if (revision != shownRevision) {
            shownRevision = revision;
            view.show(registry.activity());
        }
    }

    @Override
    protected void relabel(BusActivityView view, Messages messages) {
        view.setMessages(messages);
    }
}
