package org.bmsworkbench.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.bmsworkbench.control.Judgement;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.control.WriteService;
import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.record.store.SessionWriter;
import org.bmsworkbench.replay.ReplayEngine;
import org.bmsworkbench.replay.ReplayService;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording replayed by the real replay service (DS) through the real EventAdmin into the real bus-state registry,
 * live data and pack selection, with the Replay part's controls, and the real write service refusing.
 */
class ReplayPartTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dir;

    private Path record() throws Exception {
        Path file = dir.resolve("bmsw-session-20261130-120000.sqlite");
        try (SessionWriter w = SessionWriter.create(file, Map.of(), 0)) {
            w.bus(new BusStatus("bus-1", BusStatus.SIMULATED_LABEL, "modbus-native", BusState.OPEN, "", T0));
            for (int s = 0; s < 600; s++) {
                for (int a = 1; a <= 2; a++) {
                    PackSnapshot.Builder b = PackSnapshot.builder(a).time(T0.plusSeconds(s))
                            .set(Quantity.VOLTAGE, 52 + s / 1000.0).set(Quantity.CURRENT, -5).set(Quantity.SOC, 60);
                    for (int c = 0; c < 16; c++) {
                        b.cellVoltage(c, 3.25 + c / 1000.0);
                    }
                    w.snapshot("bus-1", b.build());
                }
            }
        }
        return file;
    }

    private static BusView bus(BusStateRegistry registry, String id) {
        return registry.overview(Instant.now()).buses().stream().filter(b -> b.busId().equals(id)).findFirst()
                .orElse(null);
    }

    @Test
    void aReplayIsShownEverywhereControlledHereAndRefusesWrites() throws Exception {
        Path file = record();
        try (PartHarness harness = new PartHarness()) {
            harness.shell.setSize(1366, 400);
            ReplayService replays = harness.service(ReplayService.class);
            harness.service(PackSelection.class).setLocked(false);
            ReplayPart part = harness.make(ReplayPart.class);
            ReplayView view = part.view();
            assertEquals("", view.markerText());

            ReplayService.Replay replay = replays.open(file);
            String bus = replay.busIds().get(0);
            assertTrue(BusStatus.isReplayBus(bus), bus);
            BusStateRegistry registry = harness.service(BusStateRegistry.class);
            assertTrue(harness.spinUntil(() -> bus(registry, bus) != null && bus(registry, bus).packs().size() == 2,
                    WAIT), "the replay bus and its two packs are in the registry");
            assertTrue(bus(registry, bus).status().isReplay());
            assertTrue(harness.spinUntil(() -> view.markerText().equals("REPLAY"), WAIT));
            assertTrue(view.positionText().contains("1\u00d7"), view.positionText());

            // the views' store holds the recorded values with their recorded times
            LiveData live = harness.service(LiveData.class);
            assertTrue(harness.spinUntil(() -> live.latest(bus, 1).isPresent(), WAIT));
            PackData d = live.latest(bus, 1).orElseThrow();
            assertFalse(d.snapshot().time().isBefore(T0));
            assertTrue(d.snapshot().time().isBefore(T0.plusSeconds(600)));
            assertEquals(bus, harness.service(PackSelection.class).current().orElseThrow().busId(),
                    "opening a replay selects its first pack");

            // nothing can be sent to it, and the write service says why
            Judgement j = harness.service(WriteService.class).judge(PackWrite.control(bus, 1, ControlAction.DFET_OFF));
            assertEquals(Refusal.REPLAY, j.refusal().orElseThrow());

            // pause, step, 1000x, seek with the slider
            view.playButton().notifyListeners(SWT.Selection, new Event());
            ReplayEngine engine = replays.engine(replay.id()).orElseThrow();
            assertTrue(harness.spinUntil(() -> !engine.state().playing(), WAIT));
            long published = engine.state().published();
            view.stepButton().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> engine.state().published() == published + 1, WAIT));
            view.speedCombo().select(ReplayView.SPEEDS.length - 1);
            view.speedCombo().notifyListeners(SWT.Selection, new Event());
            view.playButton().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> engine.state().ended(), WAIT), "600 s at 1000x end in 0.6 s");
            assertEquals(1200, engine.state().published(), "every recorded snapshot once");
            assertTrue(harness.spinUntil(() -> view.positionText().contains("end of the recording"), WAIT),
                    view.positionText());
            view.slider().setSelection(ReplayView.SLIDER_STEPS / 2);
            view.slider().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> engine.state().position().isBefore(T0.plusSeconds(301)), WAIT),
                    "" + engine.state().position());

            view.closeButton().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> bus(registry, bus) == null, WAIT), "a closed replay's bus goes");
            assertTrue(harness.spinUntil(() -> view.markerText().isEmpty(), WAIT));
        }
    }
}
