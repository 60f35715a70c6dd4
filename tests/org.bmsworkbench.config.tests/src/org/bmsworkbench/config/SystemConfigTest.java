package org.bmsworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

import org.bmsworkbench.connection.testsupport.OneBusConnection;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.setup.Capacity;
import org.bmsworkbench.sim.CurrentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The System Configuration page's reads and writes on simulated packs, through the real guarded write path. */
class SystemConfigTest {

    @TempDir
    Path dir;

    private ConfigRack rack;

    @AfterEach
    void tearDown() {
        if (rack != null) {
            rack.close();
        }
    }

    @Test
    void readsEverythingThePageShows() throws Exception {
        rack = new ConfigRack(2, 5, dir);
        rack.sim.pack(2).storePastRecords(40, 7);
        SystemInfo info = rack.run(SystemReader.read(2, Clock.systemDefaultZone()));
        assertEquals("NB176S33-R3", info.identity().get("hardwareVersion"));
        assertNotNull(info.capacity());
        assertEquals(100, info.capacity().fullAh(), 1, "the typical pack holds 100 Ah");
        assertNotNull(info.clock());
        assertTrue(info.drift().abs().compareTo(Duration.ofDays(365 * 10)) < 0);
        assertEquals(rack.sim.pack(2).parameter(SystemReader.INTERVAL_PARAMETER), info.intervalMinutes(), 1e-9);
        assertTrue(info.dataRecords() >= 40, "data records " + info.dataRecords());
        assertTrue(info.alarmRecords() >= 7, "alarm records " + info.alarmRecords());
        assertTrue(info.unavailable().isEmpty(), info.unavailable().toString());
    }

    @Test
    void setsCapacityAndCyclesAndReadsThemBack() throws Exception {
        rack = new ConfigRack(1, 0, dir);
        WriteOutcome<Capacity> o = rack.write(SetupWrites.capacity(ConfigRack.BUS, 1, 105.5, 50.0, 321));
        assertEquals(WriteOutcome.Kind.CONFIRMED, o.kind(), o.detail());
        assertEquals(105.5, o.value().fullAh(), 1e-3);
        assertEquals(321, o.value().cycles());
        assertEquals(321, rack.run(SystemReader.read(1, Clock.systemDefaultZone())).capacity().cycles());
        assertTrue(rack.auditLines().stream().anyMatch(l -> l.contains("capacity") && l.contains("CONFIRMED")),
                "audited");
    }

    @Test
    void aResidualAboveTheFullCapacityIsRefusedBeforeAnythingIsSent() throws Exception {
        rack = new ConfigRack(1, 0, dir);
        long before = rack.changingFramesSent();
        WriteOutcome<Capacity> o = rack.write(SetupWrites.capacity(ConfigRack.BUS, 1, 80.0, 90.0, null));
        assertEquals(WriteOutcome.Kind.REFUSED, o.kind(), o.detail());
        assertEquals(Refusal.INVALID, o.refusal());
        assertTrue(o.detail().contains("above the full capacity"), o.detail());
        assertEquals(before, rack.changingFramesSent(), "no changing frame on the line");
    }

    @Test
    void writesProductTextsAndRefusesThirtyOneCharactersBeforeSending() throws Exception {
        rack = new ConfigRack(1, 0, dir);
        var o = rack.write(SetupWrites.text(ConfigRack.BUS, 1, "barCode", "BMSW-2026-000123", ""));
        assertEquals(WriteOutcome.Kind.CONFIRMED, o.kind(), o.detail());
        assertEquals("BMSW-2026-000123", o.value().get("barCode"));
        assertEquals("BMSW-2026-000123", rack.sim.pack(1).text("barCode"));
        long before = rack.changingFramesSent();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SetupWrites.text(ConfigRack.BUS, 1, "remarks", "x".repeat(31), ""));
        assertTrue(e.getMessage().contains("31 characters, at most 30"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SetupWrites.text(ConfigRack.BUS, 1, "model", "\u7535\u6c60", ""));
        assertEquals(before, rack.changingFramesSent());
    }

    @Test
    void setsTheClockOfEveryPackOfTheBus() throws Exception {
        rack = new ConfigRack(3, 0, dir);
        LocalDateTime now = LocalDateTime.now().withNano(0);
        for (int a = 1; a <= 3; a++) {
            var o = rack.write(PackWrite.clock(ConfigRack.BUS, a, now));
            assertEquals(WriteOutcome.Kind.CONFIRMED, o.kind(), "pack " + a + ": " + o.detail());
        }
        SystemInfo info = rack.run(SystemReader.read(3, Clock.systemDefaultZone()));
        assertTrue(info.drift().abs().toSeconds() <= 5, "drift " + info.drift());
    }

    @Test
    void deletesTheBoardsRecordsAndReadsTheCountBackAsZero() throws Exception {
        rack = new ConfigRack(1, 20, dir);
        rack.sim.pack(1).storePastRecords(25, 5);
        long count = rack.run(PackCommands.recordCount(1, Command.ALARM_RECORDS));
        assertTrue(count >= 5, "alarms " + count);
        var o = rack.write(SetupWrites.deleteRecords(ConfigRack.BUS, 1, Command.ALARM_RECORDS, count));
        assertEquals(WriteOutcome.Kind.CONFIRMED, o.kind(), o.detail());
        assertEquals(0, rack.sim.pack(1).alarmCount());
        assertTrue(rack.sim.pack(1).historyCount() >= 25, "the data records are kept");
        assertTrue(rack.auditLines().stream().anyMatch(l -> l.contains("DELETE_ALARMS") && l.contains(count + " records")));
    }

    @Test
    void aHibernatingPackIsShownHibernatingNotFailedAndCountsBackWhenWoken() throws Exception {
        rack = new ConfigRack(1, 5, dir);
        var o = rack.write(SetupWrites.hibernate(ConfigRack.BUS, 1));
        assertEquals(WriteOutcome.Kind.CONFIRMED, o.kind(), o.detail());
        OneBusConnection.await(() -> rack.sim.pack(1).asleep(), "the board sleeps", 10);
        assertEquals(PackLinkState.HIBERNATING, rack.state(1));
        Thread.sleep(3000);
        assertEquals(PackLinkState.HIBERNATING, rack.state(1), "still hibernating, not offline, and not polled awake");
        assertTrue(rack.sim.pack(1).asleep(), "alone on its bus, nothing woke it");
        assertTrue(rack.run(PackCommands.wake(1)), "answers after the wake-up");
        OneBusConnection.await(() -> rack.state(1) == PackLinkState.ONLINE, "counted back online", 10);
    }

    @Test
    void hibernationIsRefusedWhileCurrentFlows() throws Exception {
        rack = new ConfigRack(1, 0, dir);
        rack.sim.pack(1).setProfile(CurrentProfile.constant(-30));
        rack.sim.advance(2);
        OneBusConnection.await(() -> rack.latest(1).map(s -> s.find(org.bmsworkbench.model.Quantity.CURRENT)
                .orElse(0) < -20).orElse(false), "the discharge is seen", 10);
        long before = rack.changingFramesSent();
        var o = rack.write(SetupWrites.hibernate(ConfigRack.BUS, 1));
        assertEquals(WriteOutcome.Kind.REFUSED, o.kind(), o.detail());
        assertEquals(Refusal.CURRENT_FLOWING, o.refusal());
        assertEquals(before, rack.changingFramesSent());
        assertTrue(rack.auditLines().stream().anyMatch(l -> l.contains("HIBERNATE") && l.contains("REFUSED")));
    }
}
