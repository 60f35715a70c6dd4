package org.bmsworkbench.ui.trends;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.PackView;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.OverviewChanged;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.record.HistorySources;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.ui.common.AbstractPart;
import org.bmsworkbench.ui.trends.model.HeatMap;
import org.bmsworkbench.ui.trends.model.HistoryLoader;
import org.bmsworkbench.ui.trends.model.TimeWindow;
import org.bmsworkbench.ui.trends.model.TrendChoice;
import org.bmsworkbench.ui.trends.model.TrendModel;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;

import jakarta.inject.Inject;

/**
 * Part that hosts {@link TrendsView}. Opening it (or choosing other packs or another value) reads the history of
 * the shown packs from the session recording on a background thread; every {@code PACK_SNAPSHOT} of a shown pack
 * is appended to its lines on EventAdmin's thread (a ring buffer, no display work) and only requests a refresh,
 * which draws at most {@value #REFRESH_MILLIS} ms apart: each line reduced to two points per pixel column.
 */
public class TrendsPart extends AbstractPart<TrendsView, Messages> {

    /** Five redraws a second: a trend read by eye gains nothing from more, and the display thread stays idle. */
    private static final int REFRESH_MILLIS = 200;
    private static final int TICK_MILLIS = 1000;
    /** The heat map is read again from the recording at most this often while the window follows live values. */
    private static final long HEAT_RELOAD_NANOS = 5_000_000_000L;
    private static final int HEAT_COLUMNS = 300;

    private final PackSelection selection;
    private final BusStateRegistry registry;
    private final LiveData live;
    private final RecordingService recording;
    private final HistorySources sources;
    private final TrendModel model = new TrendModel();
    private final TimeWindow window = new TimeWindow();
    private long drawnRevision = -1;
    private long drawnFrom;
    private long drawnTo;
    private int drawnWidth;
    private volatile HeatMap heatMap;
    private volatile int heatAddress = -1;
    private volatile String heatBus = "";
    private long heatLoadedAt;
    private int dragX = -1;
    private long dragFrom;
    private int loads;

    @Inject
    public TrendsPart(PackSelection selection, BusStateRegistry registry, LiveData live, RecordingService recording,
            @Optional HistorySources sources) {
        super(Messages.class, REFRESH_MILLIS, TICK_MILLIS);
        this.selection = selection;
        this.registry = registry;
        this.live = live;
        this.recording = recording;
        this.sources = sources;
    }

    @Override
    protected TrendsView createView(Composite parent, Messages messages) {
        TrendsView v = new TrendsView(parent, messages);
        v.choice().addListener(SWT.Selection, e -> requestRefresh());
        v.scope().addListener(SWT.Selection, e -> requestRefresh());
        v.window().addListener(SWT.Selection, e -> {
            window.setSpan(TimeWindow.SPANS[v.window().getSelectionIndex()]);
            requestRefresh();
        });
        v.follow().addListener(SWT.Selection, e -> {
            window.follow();
            requestRefresh();
        });
        v.save().addListener(SWT.Selection, e -> save(v));
        Control plot = v.chart().getPlotArea().getControl();
        plot.addListener(SWT.MouseWheel, e -> {
            window.zoom(e.count > 0 ? 0.8 : 1.25, v.timeAt(e.x));
            requestRefresh();
        });
        plot.addListener(SWT.MouseDown, e -> {
            if (e.button == 1) {
                dragX = e.x;
                dragFrom = window.from();
            }
        });
        plot.addListener(SWT.MouseUp, e -> dragX = -1);
        plot.addListener(SWT.MouseMove, e -> {
            if (dragX >= 0) {
                long perPixel = (window.to() - window.from()) / Math.max(1, v.plotWidth());
                window.pan(dragFrom - window.from() - (e.x - dragX) * perPixel);
                requestRefresh();
            }
            long perPixel = (window.to() - window.from()) / Math.max(1, v.plotWidth());
            v.showReadout(v.timeAt(e.x), Math.max(perPixel * 4, 2000));
        });
        plot.addListener(SWT.MouseDoubleClick, e -> {
            window.follow();
            requestRefresh();
        });
        return v;
    }

    @Override
    protected void relabel(TrendsView view, Messages messages) {
        view.setMessages(messages);
        drawnRevision = -1;
        model.select(new TrendModel.Selection("", List.of(), TrendChoice.VOLTAGE, 0, 0));
    }

    @Inject
    @Optional
    public void onSnapshot(@EventTopic(BmsTopics.PACK_SNAPSHOT) PackData data) {
        // e4 calls an @Optional event method once with null when the part is made
        if (data == null) {
            return;
        }
        if (model.append(data.busId(), data.snapshot())) {
            HeatMap map = heatMap;
            if (map != null && data.snapshot().address() == heatAddress && data.busId().equals(heatBus)) {
                map.put(data.snapshot());
            }
            requestRefresh();
        }
    }

    @Inject
    @Optional
    public void onSelected(@EventTopic(BmsTopics.PACK_SELECTED) SelectedPack selected) {
        requestRefresh();
    }

    @Inject
    @Optional
    public void onOverviewChanged(@EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
        requestRefresh();
    }

    /** The model of the lines (for tests and the benchmark). */
    public TrendModel model() {
        return model;
    }

    public TimeWindow window() {
        return window;
    }

    /** History loads finished and shown since the part was made (display thread). */
    public int loads() {
        return loads;
    }

    @Override
    protected void refresh(TrendsView view) {
        java.util.Optional<SelectedPack> selected = selection.current();
        if (selected.isEmpty()) {
            view.setStatus(view.messages().trends_empty);
            return;
        }
        String busId = selected.get().busId();
        BusView bus = registry.overview(Instant.now()).buses().stream().filter(b -> b.busId().equals(busId))
                .findFirst().orElse(null);
        view.setMarker(bus == null ? "" : bus.status().isReplay() ? view.messages().marker_replay
                : bus.status().isSimulated() ? view.messages().marker_simulated : "");
        TrendChoice choice = TrendChoice.values()[Math.max(0, view.choice().getSelectionIndex())];
        List<Integer> addresses = new ArrayList<>();
        if (view.scope().getSelectionIndex() == 1 && !choice.onePackOnly() && bus != null) {
            bus.packs().stream().map(PackView::address).sorted().forEach(addresses::add);
        }
        if (addresses.isEmpty()) {
            addresses.add(selected.get().address());
        }
        // the sensor count only matters for the sensor lines: for others a change must not start the lines anew
        int sensors = choice != TrendChoice.TEMPERATURES ? 0
                : live.latest(busId, selected.get().address()).map(d -> d.snapshot().temperatureCount()).orElse(0);
        long epoch = bus == null ? 0 : bus.status().time().toEpochMilli();
        TrendModel.Selection next = new TrendModel.Selection(busId, addresses, choice, sensors, epoch);
        if (model.select(next)) {
            view.setLines(model.traces(), choice.unit());
            drawnRevision = -1;
            heatMap = null;
            loadHistory(view, next);
        }
        long[] span = model.span();
        if (span != null) {
            window.update(span[0], span[1]);
        } else {
            long now = System.currentTimeMillis();
            window.update(now - 1000, now);
        }
        int width = view.plotWidth();
        if (model.revision() != drawnRevision || window.from() != drawnFrom || window.to() != drawnTo
                || width != drawnWidth) {
            drawnRevision = model.revision();
            drawnFrom = window.from();
            drawnTo = window.to();
            drawnWidth = width;
            view.draw(window);
            updateHeatMap(view, busId, selected.get().address());
        }
    }

    private record Source(Path file, String fileBusId, long until) {
    }

    /** Where a bus's history is: the recording being written, or the file a replay bus plays. */
    private java.util.Optional<Source> source(String busId) {
        if (BusStatus.isReplayBus(busId)) {
            if (sources == null) {
                return java.util.Optional.empty();
            }
            return sources.history(busId).map(h -> new Source(h.file(), h.fileBusId(), h.until()));
        }
        return recording.currentFile().map(f -> new Source(f, busId, Long.MAX_VALUE));
    }

    private void loadHistory(TrendsView view, TrendModel.Selection sel) {
        java.util.Optional<Source> source = source(sel.busId());
        if (source.isEmpty()) {
            return;
        }
        view.setStatus(Messages.format(view.messages().trends_loading, source.get().file().getFileName()));
        var traces = model.traces();
        Thread t = new Thread(() -> {
            String text;
            try {
                HistoryLoader.Loaded l = HistoryLoader.load(source.get().file(), source.get().fileBusId(), traces,
                        source.get().until());
                text = Messages.format(messages().trends_loaded, l.lines(), l.samples(), l.millis());
            } catch (Exception e) {
                text = Messages.format(messages().trends_load_failed, e.getMessage());
            }
            String shown = text;
            if (!view.isDisposed()) {
                view.getDisplay().asyncExec(() -> {
                    if (!view.isDisposed() && model.selection() == sel) {
                        view.setStatus(shown);
                        drawnRevision = -1;
                        requestRefresh();
                    }
                    loads++;
                });
            }
        }, "trends-history");
        t.setDaemon(true);
        t.start();
    }

    /** A new heat map when the window moved; read from the recording off the display thread. */
    private void updateHeatMap(TrendsView view, String busId, int address) {
        HeatMap map = heatMap;
        long now = System.nanoTime();
        boolean stale = map == null || map.from() != window.from() || map.to() != window.to();
        // a following window moves with every value: read the map again only every few seconds then
        boolean followed = map != null && window.following() && address == heatAddress && busId.equals(heatBus)
                && map.to() - map.from() == window.to() - window.from()
                && Math.abs(window.to() - map.to()) < (map.to() - map.from()) / 4 && now - heatLoadedAt < HEAT_RELOAD_NANOS;
        if (!stale || followed) {
            view.setHeatMap(map, "#" + address);
            return;
        }
        heatLoadedAt = now;
        HeatMap next = new HeatMap(window.from(), Math.max(window.to(), window.from() + 1), HEAT_COLUMNS);
        live.latest(busId, address).ifPresent(d -> next.put(d.snapshot()));
        heatMap = next;
        heatAddress = address;
        heatBus = busId;
        view.setHeatMap(next, "#" + address);
        java.util.Optional<Source> source = source(busId);
        if (source.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                next.load(source.get().file(), source.get().fileBusId(), address);
            } catch (Exception e) {
                // the heat map stays with the live columns; the chart's status line names read errors of the file
                System.getLogger(TrendsPart.class.getName()).log(System.Logger.Level.WARNING,
                        "heat map not read from " + source.get().file(), e);
            }
            if (!view.isDisposed()) {
                view.getDisplay().asyncExec(() -> {
                    if (!view.isDisposed()) {
                        view.heat().redraw();
                    }
                });
            }
        }, "trends-heatmap");
        t.setDaemon(true);
        t.start();
    }

    private void save(TrendsView view) {
        FileDialog dialog = new FileDialog(view.getShell(), SWT.SAVE);
        dialog.setText(view.messages().trends_save_title);
        dialog.setFilterExtensions(new String[] { "*.png" });
        dialog.setFileName("trends.png");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            view.savePng(file);
            view.setStatus(Messages.format(view.messages().trends_saved, file));
        } catch (RuntimeException e) {
            view.setStatus(Messages.format(view.messages().trends_save_failed, e.getMessage()));
        }
    }
}
