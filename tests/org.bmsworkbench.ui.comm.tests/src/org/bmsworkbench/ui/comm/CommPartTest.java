package org.bmsworkbench.ui.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.FrameRecord.Direction;
import org.bmsworkbench.events.LinkErrorKind;
import org.bmsworkbench.ui.comm.model.CommFilter;
import org.bmsworkbench.ui.comm.model.CommFilter.Outcome;
import org.bmsworkbench.ui.comm.model.CommLog;
import org.bmsworkbench.ui.comm.model.FrameText;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Communication part with the real EventAdmin, bus-state registry and the Pylontech protocol's DS component,
 * fed the golden frames of {@code tests/golden-frames.txt} on {@code BUS_FRAME}; and its filter and record alone.
 */
class CommPartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String REQUEST = "~20024642E00202FD33\r";
    private static final String REPLY = "~20024600C06E10020F0C9A0C980C990C980C9A0C9A0C990C9B0C9C0C9A0C9B0C9B0C9B0C9B0C99"
            + "050B740B550B570B530B630000BD06190F02C3500084E545\r";

    @TempDir
    Path dir;

    private static FrameRecord tx(String bus, int address, Instant t, String frame) {
        return new FrameRecord(bus, t, Direction.TX, address, frame.getBytes(StandardCharsets.US_ASCII), null,
                "read analog values");
    }

    private static FrameRecord rx(String bus, int address, Instant t, String frame, LinkErrorKind error) {
        return new FrameRecord(bus, t, Direction.RX, address, frame.getBytes(StandardCharsets.US_ASCII), error,
                error == null ? "" : error == LinkErrorKind.TIMEOUT ? "no reply in 500 ms" : "bad checksum");
    }

    @Test
    void filterByPackDirectionOutcomeAndSearch() {
        Instant t = Instant.parse("2026-12-06T10:00:00Z");
        List<FrameRecord> all = List.of(tx("bus-1", 2, t, REQUEST), rx("bus-1", 2, t.plusMillis(40), REPLY, null),
                tx("bus-1", 3, t.plusMillis(50), "~20034642E00203FD31\r"),
                rx("bus-1", 3, t.plusMillis(550), "", LinkErrorKind.TIMEOUT),
                rx("bus-1", 3, t.plusMillis(900), "~2003460", LinkErrorKind.CHECKSUM));
        assertEquals(5, CommFilter.ALL.apply(all, r -> "").size());
        assertEquals(3, new CommFilter(3, null, null, "").apply(all, r -> "").size());
        assertEquals(3, new CommFilter(-1, Direction.RX, null, "").apply(all, r -> "").size());
        assertEquals(2, new CommFilter(-1, null, Outcome.ERROR, "").apply(all, r -> "").size());
        assertEquals(1, new CommFilter(-1, null, Outcome.TIMEOUT, "").apply(all, r -> "").size());
        assertEquals(List.of(all.get(1)), new CommFilter(2, Direction.RX, Outcome.OK, "").apply(all, r -> ""));
        // the search looks at the frame as shown, the summary and the outcome, whatever the case
        assertEquals(List.of(all.get(3)), new CommFilter(-1, null, null, "NO REPLY").apply(all, r -> ""));
        assertEquals(List.of(all.get(4)), new CommFilter(-1, null, null, "checksum").apply(all, r -> ""));
        assertEquals(List.of(all.get(2)),
                new CommFilter(-1, null, null, "FD31").apply(all, r -> FrameText.frame(r.bytes(), true)));
        assertEquals("01 03 FF", FrameText.frame(new byte[] { 1, 3, (byte) 0xff }, false));
        assertEquals("~20\\r\\x01", FrameText.frame(new byte[] { '~', '2', '0', '\r', 1 }, true));
    }

    @Test
    void theRecordKeepsTheNewestFrames() {
        CommLog log = new CommLog(3);
        Instant t = Instant.parse("2026-12-06T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            log.add(tx("bus-1", i + 1, t.plusSeconds(i), REQUEST));
        }
        assertEquals(5, log.total());
        assertEquals(2, log.dropped());
        assertEquals(List.of(3, 4, 5), log.entries().stream().map(FrameRecord::address).toList());
    }

    @Test
    void showsFiltersPausesDecodesAndExportsLiveFrames() throws Exception {
        String bus = "comm-" + UUID.randomUUID().toString().substring(0, 8);
        try (PartHarness harness = new PartHarness()) {
            harness.shell.setSize(1366, 500);
            harness.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(
                    new BusStatus(bus, "/dev/ttyUSB0 9600 8N1", "pylontech", BusState.OPEN, "", Instant.now())));
            CommPart part = harness.make(CommPart.class);
            CommView view = part.view();
            Instant t = Instant.now();
            harness.postFromBusThread(BmsTopics.BUS_FRAME, EventProperties.of(tx(bus, 2, t, REQUEST)));
            harness.postFromBusThread(BmsTopics.BUS_FRAME, EventProperties.of(rx(bus, 2, t.plusMillis(60), REPLY, null)));
            harness.postFromBusThread(BmsTopics.BUS_FRAME,
                    EventProperties.of(rx(bus, 3, t.plusMillis(600), "", LinkErrorKind.TIMEOUT)));
            assertTrue(harness.spinUntil(() -> part.shown().size() == 3, WAIT), "three frames: " + part.shown());
            // frames of an ASCII protocol are shown as text, with the CR spelled out
            assertEquals("~20024642E00202FD33\\r", view.rows().get(0)[4]);
            assertEquals("TIMEOUT", view.rows().get(2)[6]);

            // decode the reply with the request before it, as ./bmsw decode does
            view.table().setSelection(1);
            part.decodeSelected(view);
            assertTrue(view.decodedText().contains("\"voltage\": 48.39"), view.decodedText());
            view.table().setSelection(0);
            part.decodeSelected(view);
            assertTrue(view.decodedText().contains("pylontech request to pack 2"), view.decodedText());

            // only errors
            view.outcomeCombo().select(Outcome.ERROR.ordinal() + 1);
            view.outcomeCombo().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> part.shown().size() == 1, WAIT));
            view.outcomeCombo().select(0);
            view.outcomeCombo().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> part.shown().size() == 3, WAIT));

            // paused: new frames are kept, not shown, until resumed
            view.pauseButton().setSelection(true);
            view.pauseButton().notifyListeners(SWT.Selection, new Event());
            harness.postFromBusThread(BmsTopics.BUS_FRAME,
                    EventProperties.of(tx(bus, 3, t.plusMillis(700), "~20034642E00203FD31\r")));
            assertTrue(harness.spinUntil(() -> view.statusText().startsWith("Paused: 1 new"), WAIT), view.statusText());
            assertEquals(3, part.shown().size());
            view.pauseButton().setSelection(false);
            view.pauseButton().notifyListeners(SWT.Selection, new Event());
            assertTrue(harness.spinUntil(() -> part.shown().size() == 4, WAIT));

            // pack 3 only, searched: the rows shown are what is exported
            assertTrue(harness.spinUntil(() -> view.packCombo().getItemCount() == 3, WAIT));
            view.packCombo().select(2);
            view.searchText().setText("fd31");
            assertTrue(harness.spinUntil(() -> part.shown().size() == 1, WAIT), "" + part.shown());
            Path csv = dir.resolve("frames.csv");
            part.export(view, csv);
            List<String> lines = Files.readAllLines(csv);
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(1).contains("~20034642E00203FD31\\r"), lines.get(1));
        }
    }
}
