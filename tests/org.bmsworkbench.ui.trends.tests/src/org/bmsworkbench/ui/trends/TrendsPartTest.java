package org.bmsworkbench.ui.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.store.Schema;
import org.bmsworkbench.record.store.SessionSummary;
import org.bmsworkbench.record.store.SessionWriter;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swtchart.ISeries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The Trends part in a Shell with e4 DI, the real EventAdmin, pack selection, live data and bus-state registry;
 * its history comes from a session file written with {@link SessionWriter}, named by a recorder stub.
 */
class TrendsPartTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final long SPIKE_AT = 3_000;
    static volatile Path current;
    private static ServiceRegistration<RecordingService> registration;

    @TempDir
    Path dir;

    @BeforeAll
    static void register() {
        BundleContext context = FrameworkUtil.getBundle(TrendsPartTest.class).getBundleContext();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        registration = context.registerService(RecordingService.class, new StubRecorder(), props);
    }

    @AfterAll
    static void unregister() {
        registration.unregister();
    }

    private static PackSnapshot snapshot(int address, Instant time, double volts) {
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(time).set(Quantity.VOLTAGE, volts)
                .set(Quantity.CURRENT, -3).set(Quantity.SOC, 70);
        for (int i = 0; i < 16; i++) {
            b.cellVoltage(i, 3.3 + (i == 5 ? -0.02 : 0.001 * i));
        }
        return b.temperature(0, 25).temperature(1, 27).build();
    }

    /** Two hours of two packs at 1 Hz; pack 1 has one 1-second spike to 60 V. */
    private Path record(String bus) throws Exception {
        Path file = dir.resolve("session" + Schema.EXTENSION);
        try (SessionWriter w = SessionWriter.create(file, Map.of("host", "test"), 0)) {
            w.bus(new BusStatus(bus, BusStatus.SIMULATED_LABEL, "modbus-native", BusState.OPEN, "", T0));
            for (int s = 0; s < 7200; s++) {
                for (int a = 1; a <= 2; a++) {
                    w.snapshot(bus, snapshot(a, T0.plusSeconds(s), a == 1 && s == SPIKE_AT ? 60.0 : 50 + a));
                }
                if (s % 1000 == 0) {
                    w.commit();
                }
            }
        }
        return file;
    }

    private void openBus(PartHarness harness, String bus) throws Exception {
        harness.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(
                new BusStatus(bus, BusStatus.SIMULATED_LABEL, "modbus-native", BusState.OPEN, "", Instant.now())));
        for (int a = 1; a <= 2; a++) {
            harness.postFromBusThread(BmsTopics.PACK_STATE,
                    EventProperties.of(new PackStatus(bus, a, PackLinkState.ONLINE, Instant.now(), Instant.now())));
        }
        PackSelection selection = harness.service(PackSelection.class);
        selection.setLocked(false);
        assertTrue(harness.spinUntil(() -> selection.select(bus, 1), WAIT));
    }

    private static double maxY(TrendsView view) {
        return Arrays.stream(view.chart().getSeriesSet().getSeries()).flatMapToDouble(s -> Arrays.stream(s.getYSeries()))
                .max().orElse(Double.NaN);
    }

    @Test
    void drawsTheRecordedHistoryThenAppendsLiveValues() throws Exception {
        String bus = "trends-" + UUID.randomUUID().toString().substring(0, 8);
        current = record(bus);
        try (PartHarness harness = new PartHarness()) {
            harness.shell.setSize(1366, 700);
            openBus(harness, bus);
            TrendsPart part = harness.make(TrendsPart.class);
            TrendsView view = part.view();
            assertTrue(harness.spinUntil(() -> part.loads() == 1, WAIT), "the history is read");
            assertEquals("SIMULATED", view.marker());
            assertTrue(view.statusText().contains("1 lines"), view.statusText());

            // the whole session: 2 hours, the spike of 1 s among 7200 values is drawn
            view.window().select(5);
            view.window().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> maxY(view) == 60.0, WAIT), "the spike is drawn: " + maxY(view));
            long[] span = part.model().span();
            assertEquals(T0.toEpochMilli(), span[0]);
            assertTrue(view.drawnPoints() <= 2L * view.plotWidth(), "at most 2 points per column: "
                    + view.drawnPoints());

            // a live value after the recording is appended to the line
            Instant later = T0.plusSeconds(7300);
            harness.postFromBusThread(BmsTopics.PACK_SNAPSHOT,
                    EventProperties.of(new PackData(bus, snapshot(1, later, 48.5), true)));
            assertTrue(harness.spinUntil(() -> part.model().span()[1] == later.toEpochMilli(), WAIT));
            view.window().select(0);
            view.window().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> Arrays.stream(view.chart().getSeriesSet().getSeries())
                    .anyMatch(s -> Arrays.stream(s.getYSeries()).anyMatch(y -> y == 48.5)), WAIT));

            // the cursor readout names the line and its value
            var plot = view.chart().getPlotArea().getControl();
            Event move = new Event();
            move.x = view.chart().getAxisSet().getXAxis(0).getPixelCoordinate(later.toEpochMilli());
            move.y = 10;
            plot.notifyListeners(SWT.MouseMove, move);
            assertTrue(view.readoutText().contains("#1") && view.readoutText().contains("48.500"),
                    view.readoutText());

            // all packs of the bus: a line per pack, read again
            view.scope().select(1);
            view.scope().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> part.loads() == 2 && part.model().traces().size() == 2, WAIT));
            assertEquals(2, view.chart().getSeriesSet().getSeries().length);

            // the heat map of the selected pack shows its 16 cells, cell 6 below the mean
            assertTrue(harness.spinUntil(() -> view.heatMap() != null && view.heatMap().cells() == 16, WAIT),
                    () -> "heat map " + (view.heatMap() == null ? "none" : view.heatMap().cells() + " cells "
                            + view.heatMap().from() + ".." + view.heatMap().to()) + ", window " + part.window().from()
                            + ".." + part.window().to() + ", live " + harness.service(
                                    org.bmsworkbench.core.live.LiveData.class).latest(bus, 1));
            float[] column = null;
            for (int c = view.heatMap().columnCount() - 1; c >= 0 && column == null; c--) {
                column = view.heatMap().columnValues(c);
            }
            assertTrue(column != null && column[5] < -15, "cell 6 is the weak one");

            Path png = dir.resolve("chart.png");
            view.savePng(png.toString());
            byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
            assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'),
                    List.of(head[0], head[1], head[2], head[3]));
        }
    }

    @Test
    void eachTemperatureOfTheSelectedPack() throws Exception {
        String bus = "trends-" + UUID.randomUUID().toString().substring(0, 8);
        current = record(bus);
        try (PartHarness harness = new PartHarness()) {
            openBus(harness, bus);
            harness.postFromBusThread(BmsTopics.PACK_SNAPSHOT,
                    EventProperties.of(new PackData(bus, snapshot(1, T0.plusSeconds(7201), 51), true)));
            TrendsPart part = harness.make(TrendsPart.class);
            TrendsView view = part.view();
            view.choice().select(6);
            view.scope().select(1);
            view.choice().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> part.model().traces().size() == 2 && part.loads() >= 2, WAIT),
                    "T1 and T2 of pack 1 only: " + part.model().traces().size());
            view.window().select(5);
            view.window().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> maxY(view) == 27.0, WAIT), "" + maxY(view));
            ISeries<?>[] series = view.chart().getSeriesSet().getSeries();
            assertEquals("#1 T2", series[1].getDescription());
        }
    }

    @Test
    void aReplayIsMarkedAndDrawnFromTheFileItPlays() throws Exception {
        String bus = "trends-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = record(bus);
        current = null;
        try (PartHarness harness = new PartHarness()) {
            harness.service(PackSelection.class).setLocked(false);
            org.bmsworkbench.replay.ReplayService replays = harness.service(org.bmsworkbench.replay.ReplayService.class);
            org.bmsworkbench.replay.ReplayService.Replay replay = replays.open(file);
            replays.engine(replay.id()).orElseThrow().setSpeed(1000);
            String replayBus = replay.busIds().get(0);
            assertTrue(harness.spinUntil(() -> harness.service(PackSelection.class).current()
                    .map(s -> s.busId().equals(replayBus)).orElse(false), WAIT));
            // let the replay pass the spike at 3000 s (3 s at 1000x)
            assertTrue(harness.spinUntil(() -> replays.replay(replay.id()).orElseThrow().state().position()
                    .isAfter(T0.plusSeconds(SPIKE_AT + 60)), WAIT));
            TrendsPart part = harness.make(TrendsPart.class);
            TrendsView view = part.view();
            assertTrue(harness.spinUntil(() -> view.marker().equals("REPLAY"), WAIT), view.marker());
            assertTrue(harness.spinUntil(() -> part.loads() >= 1, WAIT));
            view.window().select(5);
            view.window().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> maxY(view) == 60.0, WAIT), "the replayed spike: " + maxY(view));
            replays.close(replay.id());
        }
    }

    /** Names the session file the test wrote; nothing else. */
    static final class StubRecorder implements RecordingService {
        @Override
        public RecordingStatus status() {
            return new RecordingStatus(RecordingStatus.State.OFF, "", null, 0, Map.of(), 0, -1, "", Instant.now());
        }

        @Override
        public Optional<Path> currentFile() {
            return Optional.ofNullable(current);
        }

        @Override
        public RecordingSettings settings() {
            return RecordingSettings.defaults(current.getParent());
        }

        @Override
        public void apply(RecordingSettings settings) {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public void pause() {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public void resume() {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public void newSession() {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public Path exportsFolder() {
            return current.getParent();
        }

        @Override
        public List<SessionSummary> sessions() {
            return List.of();
        }

        @Override
        public void delete(Path session) {
            throw new UnsupportedOperationException("not in this test");
        }
    }
}
