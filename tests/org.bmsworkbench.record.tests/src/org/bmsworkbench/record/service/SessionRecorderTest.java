package org.bmsworkbench.record.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.events.RecordingStatus.State;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.Decimation;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.store.SessionReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

class SessionRecorderTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path dir;

    private final List<RecordingStatus> statuses = new CopyOnWriteArrayList<>();
    private SessionRecorder recorder;

    @AfterEach
    void close() throws InterruptedException {
        if (recorder != null) {
            recorder.close();
        }
    }

    private SessionRecorder start(Supplier<RecordingSettings> settings, int capacity, long maxPages) {
        recorder = new SessionRecorder(settings, Map.of("host", "test"), statuses::add, Clock.systemUTC(), capacity,
                maxPages).start();
        return recorder;
    }

    private RecordingSettings settings(Decimation d) {
        return RecordingSettings.defaults(dir).withDecimation(d);
    }

    private static PackData data(int address, Instant time) {
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(time).set(Quantity.VOLTAGE, 53.2).cellCount(16)
                .temperatureCount(4);
        for (int i = 0; i < 16; i++) {
            b.cellVoltage(i, (3300 + i) / 1000.0);
        }
        b.temperature(0, 21.5);
        return new PackData("bus-1", b.build(), true);
    }

    private static BusStatus bus(BusState state) {
        return new BusStatus("bus-1", "Simulated bus", "modbus-native", state, "", T0);
    }

    private RecordingStatus await(Predicate<RecordingStatus> condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            RecordingStatus s = recorder.status();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        fail("the recorder did not get there; last status " + recorder.status());
        return null;
    }

    private static long count(Path file, String sql) throws SQLException {
        SQLiteConfig c = new SQLiteConfig();
        c.setReadOnly(true);
        try (Connection db = c.createConnection("jdbc:sqlite:" + file); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Test
    void aReplayIsNotRecordedAgainButTheLiveBusBesideItIs() throws Exception {
        start(() -> settings(Decimation.EVERY_POLL), 1024, 0);
        recorder.accept(bus(BusState.OPEN));
        recorder.accept(new BusStatus("replay-1", "Replay: old.sqlite", "", BusState.OPEN, "", T0));
        for (int i = 0; i < 5; i++) {
            recorder.accept(data(1, T0.plusMillis(200 * i)));
            PackData old = data(1, T0.minusSeconds(3600).plusMillis(200 * i));
            recorder.accept(new PackData("replay-1", old.snapshot(), true));
        }
        recorder.accept(new PackStatus("replay-1", 1, PackLinkState.ONLINE, T0, T0));
        recorder.accept(new FlagChange("replay-1", 1, PackFlag.CELL_OV, true, T0));
        RecordingStatus s = await(r -> r.rows("bus-1", 1) == 5);
        Path file = Path.of(s.file());
        recorder.close();
        assertEquals(5, count(file, "SELECT COUNT(*) FROM snapshot"));
        assertEquals(0, count(file, "SELECT COUNT(*) FROM bus WHERE bus_id = 'replay-1'"));
        assertEquals(0, count(file, "SELECT COUNT(*) FROM flag_event"));
        assertEquals(0, count(file, "SELECT COUNT(*) FROM link_event"));
    }

    @Test
    void theTrendRollupHoldsEachBucketsLowestAndHighest() throws Exception {
        Path file = dir.resolve("rollup.sqlite");
        try (org.bmsworkbench.record.store.SessionWriter w = org.bmsworkbench.record.store.SessionWriter.create(file,
                Map.of(), 0)) {
            for (int i = 0; i < 100; i++) {
                PackSnapshot s = data(1, T0.plusMillis(500L * i)).snapshot().toBuilder()
                        .set(Quantity.VOLTAGE, i == 33 ? 61.5 : i == 34 ? 40.25 : 53.2).build();
                w.snapshot("bus-1", s);
            }
        }
        try (org.bmsworkbench.record.store.SessionReader r = org.bmsworkbench.record.store.SessionReader.open(file)) {
            var trends = new org.bmsworkbench.record.store.TrendReader(r);
            assertTrue(trends.hasRollup());
            long pack = r.packs().get(0).id();
            var v = org.bmsworkbench.record.store.TrendValue.VOLTAGE;
            var spread = org.bmsworkbench.record.store.TrendValue.CELL_SPREAD;
            var buckets = trends.buckets(pack, List.of(v, spread), 0, Long.MAX_VALUE);
            // 50 s of snapshots in 10 s buckets (T0 is on a bucket boundary)
            assertEquals(5, buckets.get(v).size());
            double hi = 0;
            double lo = 100;
            for (int i = 0; i < buckets.get(v).size(); i++) {
                hi = Math.max(hi, buckets.get(v).high(i));
                lo = Math.min(lo, buckets.get(v).low(i));
            }
            assertEquals(61.5, hi);
            assertEquals(40.25, lo);
            assertEquals(15.0, buckets.get(spread).high(0), 1e-9, "cells 3300..3315 mV");
            var points = trends.points(pack, List.of(v), T0.toEpochMilli(), T0.plusSeconds(20).toEpochMilli());
            assertEquals(41, points.get(v).size());
        }
    }

    @Test
    void everythingABusReportsIsRecordedFromItsFirstState() throws Exception {
        start(() -> settings(Decimation.EVERY_POLL), 1024, 0);
        assertEquals(State.OFF, recorder.status().state());
        recorder.accept(bus(BusState.OPENING));
        recorder.accept(bus(BusState.OPEN));
        for (int i = 0; i < 5; i++) {
            recorder.accept(data(1, T0.plusMillis(200 * i)));
        }
        Instant good = T0.plusSeconds(1);
        recorder.accept(new PackStatus("bus-1", 1, PackLinkState.ONLINE, good, good));
        recorder.accept(new PackStatus("bus-1", 1, PackLinkState.ONLINE, good, good.plusSeconds(1)));
        recorder.accept(new PackStatus("bus-1", 1, PackLinkState.STALE, good, good.plusSeconds(2)));
        recorder.accept(new FlagChange("bus-1", 1, PackFlag.CELL_OV, true, good));
        recorder.accept(new CommandProgress("bus-1", 7, "Close DFET", CommandProgress.State.QUEUED, 0, 0, "", good));
        recorder.accept(new CommandProgress("bus-1", 7, "Close DFET", CommandProgress.State.SUCCEEDED, 1, 1, "", good));
        recorder.accept("not an event");
        RecordingStatus s = await(r -> r.rows("bus-1", 1) == 5);
        assertEquals(State.RECORDING, s.state());
        Path file = Path.of(s.file());
        assertTrue(file.startsWith(dir.resolve("recordings")), file.toString());
        assertTrue(s.bytes() > 0);
        recorder.close();
        assertEquals(5, count(file, "SELECT COUNT(*) FROM snapshot"));
        assertEquals(2, count(file, "SELECT COUNT(*) FROM bus_event"));
        assertEquals(2, count(file, "SELECT COUNT(*) FROM link_event"), "a repeated ONLINE is not a change");
        assertEquals(1, count(file, "SELECT COUNT(*) FROM flag_event WHERE flag = 'CELL_OV' AND raised = 1"));
        assertEquals(2, count(file, "SELECT COUNT(*) FROM command WHERE command_id = 7"));
        assertEquals(3303, count(file, "SELECT v4 FROM snapshot WHERE seq = 1"));
        assertEquals(5, count(file, "SELECT COUNT(*) FROM snapshot WHERE t2 IS NULL AND t1 = 21.5"));
        assertEquals(1, count(file, "SELECT COUNT(*) FROM session WHERE key = 'ended'"));
    }

    @Test
    void decimationKeepsOneSnapshotPerIntervalAndPack() throws Exception {
        start(() -> settings(Decimation.ONE_SECOND), 1024, 0);
        for (int i = 0; i <= 10; i++) {
            recorder.accept(data(1, T0.plusMillis(250 * i)));
            recorder.accept(data(2, T0.plusMillis(250 * i)));
        }
        RecordingStatus s = await(r -> r.totalRows() == 6);
        try (SessionReader r = SessionReader.open(Path.of(s.file()))) {
            long id = r.packs().get(0).id();
            List<Long> times = r.rows(id, 1, 10).stream().map(row -> row.snapshot().time().toEpochMilli() - T0.toEpochMilli())
                    .toList();
            assertEquals(List.of(0L, 1000L, 2000L), times);
        }
        assertEquals(0, s.skipped(), "what the setting leaves out is not a skip");
    }

    @Test
    void aPauseLeavesAGapWithItsCount() throws Exception {
        start(() -> settings(Decimation.EVERY_POLL), 1024, 0);
        recorder.accept(data(1, T0));
        await(r -> r.totalRows() == 1);
        recorder.pause();
        assertEquals(State.PAUSED, recorder.status().state());
        recorder.accept(data(1, T0.plusSeconds(1)));
        recorder.accept(data(1, T0.plusSeconds(2)));
        recorder.accept(new FlagChange("bus-1", 1, PackFlag.CELL_OV, true, T0.plusSeconds(2)));
        recorder.resume();
        recorder.accept(data(1, T0.plusSeconds(3)));
        RecordingStatus s = await(r -> r.totalRows() == 2 && r.state() == State.RECORDING);
        Path file = Path.of(s.file());
        recorder.close();
        assertEquals(2, count(file, "SELECT skipped FROM gap WHERE reason = 'paused'"));
        assertEquals(1, count(file, "SELECT COUNT(*) FROM flag_event"), "alarms are recorded while paused");
    }

    @Test
    void aFullDiskStopsRecordingWithOneLineAndKeepsWhatWasRecorded() throws Exception {
        start(() -> settings(Decimation.EVERY_POLL), 1024, 24);
        recorder.accept(data(1, T0));
        RecordingStatus first = await(r -> r.totalRows() == 1);
        for (int i = 1; i < 50_000 && recorder.status().state() != State.FAILED; i++) {
            recorder.accept(data(1, T0.plusSeconds(i)));
            if (i % 100 == 0) {
                Thread.sleep(20);
            }
        }
        RecordingStatus failed = await(r -> r.state() == State.FAILED);
        assertTrue(failed.detail().startsWith("Recording stopped: the disk is full"), failed.detail());
        assertEquals(1, failed.detail().lines().count());
        assertEquals(first.file(), failed.file());
        long kept = count(Path.of(first.file()), "SELECT COUNT(*) FROM snapshot");
        assertTrue(kept >= 1, "committed rows stay readable: " + kept);
        assertEquals("ok", integrity(Path.of(first.file())));
        recorder.accept(data(1, T0.plusSeconds(5000)));
        assertEquals(State.FAILED, recorder.status().state(), "nothing more is recorded after a failure");
    }

    @Test
    void aRemovedFileStopsRecordingAndResumeStartsANewFile() throws Exception {
        start(() -> settings(Decimation.EVERY_POLL), 1024, 0);
        recorder.accept(data(1, T0));
        RecordingStatus s = await(r -> r.totalRows() == 1);
        Path file = Path.of(s.file());
        Files.delete(file);
        recorder.accept(data(1, T0.plusSeconds(1)));
        RecordingStatus failed = await(r -> r.state() == State.FAILED);
        assertTrue(failed.detail().contains("was removed"), failed.detail());
        recorder.resume();
        Thread.sleep(1100);
        recorder.accept(data(1, T0.plusSeconds(2)));
        RecordingStatus again = await(r -> r.state() == State.RECORDING && !r.file().equals(file.toString()));
        assertNotEquals(file.toString(), again.file());
    }

    @Test
    void aFolderThatCannotBeCreatedIsSaidOnce() throws Exception {
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        start(() -> RecordingSettings.defaults(dir).withFolder(notAFolder.resolve("recordings")), 1024, 0);
        recorder.accept(data(1, T0));
        RecordingStatus failed = await(r -> r.state() == State.FAILED);
        assertTrue(failed.detail().startsWith("Recording stopped: cannot create the recording folder"),
                failed.detail());
    }

    @Test
    void whenTheDiskFallsBehindSnapshotsAreThinnedCountedAndNoted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Supplier<RecordingSettings> slowDisk = () -> {
            if (Thread.currentThread().getName().equals("bmsw-recorder")) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return settings(Decimation.EVERY_POLL);
        };
        start(slowDisk, 40, 0);
        for (int i = 0; i < 400; i++) {
            recorder.accept(data(1 + i % 4, T0.plusMillis(100L * (i / 4))));
        }
        release.countDown();
        RecordingStatus s = await(r -> r.state() == State.RECORDING && r.skipped() > 0 && r.totalRows() > 0);
        assertTrue(s.skipped() < 400, "some snapshots were kept: " + s);
        Path file = Path.of(s.file());
        recorder.close();
        long kept = count(file, "SELECT COUNT(*) FROM snapshot");
        long noted = count(file, "SELECT SUM(skipped) FROM gap WHERE reason = 'disk behind'");
        assertEquals(400, kept + noted, "every snapshot was either kept or counted");
    }

    private static String integrity(Path file) throws SQLException {
        SQLiteConfig c = new SQLiteConfig();
        c.setReadOnly(true);
        try (Connection db = c.createConnection("jdbc:sqlite:" + file); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    @Test
    void retentionDeletesTheOldestFirstButNeverTheCurrent() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("rec"));
        Path[] files = new Path[4];
        for (int i = 0; i < files.length; i++) {
            files[i] = folder.resolve("bmsw-session-" + i + ".sqlite");
            Files.write(files[i], new byte[1000]);
            Files.setLastModifiedTime(files[i], java.nio.file.attribute.FileTime.from(T0.plusSeconds(i * 3600L)));
        }
        List<Path> deleted = Retainer.apply(folder, new org.bmsworkbench.record.Retention(2500, Duration.ZERO),
                files[0], T0.plusSeconds(4 * 3600));
        assertEquals(List.of(files[1], files[2]), deleted);
        assertTrue(Files.exists(files[0]), "the current session stays");
        List<Path> aged = Retainer.apply(folder, new org.bmsworkbench.record.Retention(0, Duration.ofHours(1)), null,
                T0.plusSeconds(4 * 3600 + 60));
        assertEquals(List.of(files[0], files[3]), aged);
    }

    @Test
    void aNewSessionKnowsTheBusesThatAreAlreadyOpen() throws Exception {
        start(() -> settings(Decimation.EVERY_POLL), 1024, 0);
        recorder.accept(bus(BusState.OPEN));
        recorder.accept(data(1, T0));
        RecordingStatus first = await(r -> r.totalRows() == 1);
        recorder.newSession();
        Thread.sleep(1100);
        recorder.accept(data(1, T0.plusSeconds(1)));
        RecordingStatus second = await(r -> r.totalRows() == 1 && !r.file().equals(first.file()));
        try (SessionReader r = SessionReader.open(Path.of(second.file()))) {
            assertEquals("Simulated bus", r.packs().get(0).busLabel());
            assertEquals(List.of("Simulated bus"), r.summary().buses());
        }
    }
}
