package org.bmsworkbench.ui.parallel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.Overview;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.LiveChanged;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.parallel.model.ParallelGrid;
import org.bmsworkbench.ui.parallel.model.ParallelGrid.Change;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/**
 * Part that hosts {@link ParallelGridView}: every pack of the selected pack's bus side by side. Snapshots,
 * state changes and selection changes only request a refresh (from EventAdmin's thread); the refresh reads
 * {@link LiveData} and the {@link BusStateRegistry} on the display thread at most once per
 * {@value #REFRESH_MILLIS} ms, not at all while the part is hidden, and not when nothing changed.
 */
public class ParallelGridPart extends AbstractPart<ParallelGridView, Messages> {

    /**
     * A grid of 16 packs repainted at 60 Hz keeps the display thread busy for values nobody reads that fast; ten
     * times a second keeps the delay under 100 ms and the load under a third.
     */
    private static final int REFRESH_MILLIS = 100;

    /** Link states are re-derived this often even when no event arrives, so a silent pack turns stale. */
    private static final int TICK_MILLIS = 1000;

    private final LiveData live;
    private final PackSelection selection;
    private final BusStateRegistry registry;
    private final ParallelGrid grid = new ParallelGrid();
    private long shownLiveRevision = -1;
    private long shownRegistryRevision = -1;
    private java.util.Optional<SelectedPack> shownSelection = java.util.Optional.empty();
    private long shownAtNanos;

    @Inject
    public ParallelGridPart(LiveData live, PackSelection selection, BusStateRegistry registry) {
        super(Messages.class, REFRESH_MILLIS, TICK_MILLIS);
        this.live = live;
        this.selection = selection;
        this.registry = registry;
    }

    @Override
    protected ParallelGridView createView(Composite parent, Messages messages) {
        return new ParallelGridView(parent, messages, grid);
    }

    @Override
    protected void relabel(ParallelGridView view, Messages messages) {
        view.setMessages(messages);
    }

    @Inject
    @Optional
    public void onSnapshot(@EventTopic(BmsTopics.LIVE_CHANGED) LiveChanged data) {
        requestRefresh();
    }

    @Inject
    @Optional
    public void onOverviewChanged(@EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        requestRefresh();
    }

    @Inject
    @Optional
    public void onSelected(@EventTopic(BmsTopics.PACK_SELECTED) SelectedPack selected) {
        requestRefresh();
    }

    /** Reads the current values and shows what changed. */
    @Override
    protected void refresh(ParallelGridView view) {
        long liveRevision = live.revision();
        long registryRevision = registry.revision();
        java.util.Optional<SelectedPack> selected = selection.current();
        long now = System.nanoTime();
        boolean unchanged = liveRevision == shownLiveRevision && registryRevision == shownRegistryRevision
                && Objects.equals(selected, shownSelection);
        if (unchanged && now - shownAtNanos < TICK_MILLIS * 1_000_000L) {
            return;
        }
        shownLiveRevision = liveRevision;
        shownRegistryRevision = registryRevision;
        shownSelection = selected;
        shownAtNanos = now;

        Instant time = Instant.now();
        Overview overview = registry.overview(time);
        String busId = ParallelGrid.busToShow(selected, overview);
        List<PackData> packs = busId == null ? List.of() : live.packs(busId);
        int selectedAddress = selected.filter(s -> s.busId().equals(busId)).map(SelectedPack::address).orElse(-1);
        Change change = grid.update(busId, packs, ParallelGrid.packsOf(overview, busId), time, selectedAddress);
        view.show(change);
    }
}
