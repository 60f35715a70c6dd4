package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.LinkErrorKind;
import org.bmsworkbench.events.LinkStatistics;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.jbdup.JbdUpProtocol;
import org.bmsworkbench.sim.wire.LineTiming;
import org.junit.jupiter.api.Test;

/** Three JBD UP packs on one bus behind a line that damages, echoes, re-addresses and drops frames. */
class JbdUpBusTest {

    @Test
    void damagedFramesNeverReachASnapshotAndEveryPackStaysOnTheBus() throws Exception {
        try (SimHarness h = new SimHarness(new JbdUpProtocol(), 3, 16, 4, LineTiming.none())) {
            h.line.faults().set("corrupt=0.08,garbage=0.1,wrong-address=0.05,echo=0.1,drop=0.04");
            Bus bus = h.openOnClock(SimHarness.settings(JbdUpProtocol.ID, List.of(1, 2, 3)));
            h.until(Duration.ofSeconds(120), "60 snapshots through the faults", () -> h.events.snapshots.size() >= 60);
            for (PackData d : h.events.snapshots) {
                PackSnapshot read = d.snapshot();
                PackSnapshot board = h.sim.pack(read.address()).snapshot();
                assertEquals(16, read.cellCount());
                for (int i = 0; i < 16; i++) {
                    assertEquals(board.cellVoltage(i), read.cellVoltage(i), 0.0005, "pack " + read.address()
                            + " cell " + (i + 1));
                }
                for (int i = 0; i < 4; i++) {
                    assertEquals(board.temperature(i), read.temperature(i), 0.05);
                }
                assertEquals(board.get(Quantity.VOLTAGE), read.get(Quantity.VOLTAGE), 0.005);
                assertEquals(board.get(Quantity.CURRENT), read.get(Quantity.CURRENT), 0.005);
            }
            for (int a = 1; a <= 3; a++) {
                assertTrue(h.events.snapshotsOf(a) >= 10, "snapshots of pack " + a);
            }
            LinkStatistics stats = bus.counters().snapshot("bus-t", java.time.Instant.now());
            for (LinkErrorKind kind : List.of(LinkErrorKind.CHECKSUM, LinkErrorKind.WRONG_ADDRESS, LinkErrorKind.ECHO,
                    LinkErrorKind.TIMEOUT)) {
                assertTrue(stats.errorCount(kind) > 0, kind + " counted: " + stats);
            }
            assertEquals(BusState.OPEN, bus.status().state());
        }
    }
}
