package org.bmsworkbench.ui.parallel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.Overview;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.events.LiveChanged;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.ui.common.FrameThrottle;
import org.bmsworkbench.ui.parallel.model.ParallelGrid;
import org.bmsworkbench.ui.parallel.model.ParallelGrid.Change;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Part that hosts {@link ParallelGridView}: every pack of the selected pack's bus side by side. Snapshots,
 * state changes and selection changes only request a refresh through a {@link FrameThrottle} (from
 * EventAdmin's thread); the refresh reads {@link LiveData} and the {@link BusStateRegistry} on the display
 * thread at most once per frame, not at all while the part is hidden, and not when nothing changed.
 */
public class ParallelGridPart {

    /** Link states are re-derived this often even when no event arrives, so a silent pack turns stale. */
    /**
     * A grid of 16 packs repainted at 60 Hz keeps the display thread busy for values nobody reads that fast; ten
     * times a second keeps the delay under 100 ms and the load under a third.
     */
    private static final int REFRESH_MILLIS = 100;

    private static final int TICK_MILLIS = 1000;

    private final LiveData live;
    private final PackSelection selection;
    private final BusStateRegistry registry;
    private final ParallelGrid grid = new ParallelGrid();
    private Messages messages;
    private ParallelGridView view;
    private volatile FrameThrottle throttle;
    private long shownLiveRevision = -1;
    private long shownRegistryRevision = -1;
    private java.util.Optional<SelectedPack> shownSelection = java.util.Optional.empty();
    private long shownAtNanos;

    @Inject
    public ParallelGridPart(LiveData live, PackSelection selection, BusStateRegistry registry) {
        this.live = live;
        this.selection = selection;
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
        view = new ParallelGridView(parent, messages, grid);
        FrameThrottle t = new FrameThrottle(view, this::refresh, REFRESH_MILLIS);
        refresh();
        t.repeatEvery(TICK_MILLIS);
        throttle = t;
    }

    @Inject
    @Optional
    public void onSnapshot(@EventTopic(BmsTopics.LIVE_CHANGED) LiveChanged data) {
        request();
    }

    @Inject
    @Optional
    public void onOverviewChanged(@EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        request();
    }

    @Inject
    @Optional
    public void onSelected(@EventTopic(BmsTopics.PACK_SELECTED) SelectedPack selected) {
        request();
    }

    /** Called from EventAdmin's thread: nothing but a request to the throttle. */
    private void request() {
        FrameThrottle t = throttle;
        if (t != null) {
            t.request();
        }
    }

    /** Reads the current values and shows what changed; display thread, at most once per frame. */
    void refresh() {
        if (view == null || view.isDisposed()) {
            return;
        }
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

    @Focus
    public void focus() {
        view.setFocus();
    }

    @PreDestroy
    public void dispose() {
        throttle = null;
        if (view != null && !view.isDisposed()) {
            view.dispose();
        }
    }

    /** The widget, for tests. */
    public ParallelGridView view() {
        return view;
    }

    /** The grid model the widget shows, for tests. */
    ParallelGrid grid() {
        return grid;
    }

    /** The throttle, for tests. */
    FrameThrottle throttle() {
        return throttle;
    }
}
