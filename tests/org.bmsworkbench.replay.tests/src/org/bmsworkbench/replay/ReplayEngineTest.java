package org.bmsworkbench.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.RecordedRow;
import org.bmsworkbench.record.store.SessionReader;
import org.bmsworkbench.record.store.SessionWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay engine on a session file written with the recorder's writer, driven by a clock the test moves. */
class ReplayEngineTest {

    private static final Instant T0 = Instant.parse("2026-12-06T06:00:00Z");

    @TempDir
    Path dir;

    private Path file;
    private final List<Object[]> events = new ArrayList<>();
    private long nanos = 1_000_000_000L;

    private final ReplayEngine.Ticker ticker = new ReplayEngine.Ticker() {
        @Override
        public long nanos() {
            return nanos;
        }

        @Override
        public Instant now() {
            return Instant.ofEpochSecond(2_000_000_000L).plusNanos(nanos);
        }
    };

    /** 100 s of two packs: pack 1 every second, pack 2 every 2 s; pack 1 raises CELL_OV from 50 s to 59 s. */
    @BeforeEach
    void record() throws Exception {
        file = dir.resolve("session.sqlite");
        try (SessionWriter w = SessionWriter.create(file, Map.of(), 0)) {
            w.bus(new BusStatus("bus-1", "/dev/ttyUSB0 9600 8N1", "modbus-native", BusState.OPEN, "", T0));
            for (int s = 0; s < 100; s++) {
                w.snapshot("bus-1", pack(1, s, s >= 50 && s < 60));
                if (s % 2 == 0) {
                    w.snapshot("bus-1", pack(2, s, false));
                }
            }
        }
    }

    private static PackSnapshot pack(int address, int second, boolean alarm) {
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(T0.plusSeconds(second).plusMillis(address * 7))
                .set(Quantity.VOLTAGE, 51.23 + second / 100.0).set(Quantity.CURRENT, -12.5 + address)
                .set(Quantity.SOC, 77.5).reported(FlagCategory.ALARM).flag(PackFlag.CELL_OV, alarm);
        for (int c = 0; c < 16; c++) {
            b.cellVoltage(c, 3.301 + c * 0.001 + second * 0.0001);
        }
        return b.temperature(0, 24.5).build();
    }

    private ReplayEngine engine() throws Exception {
        return new ReplayEngine(ReplayFile.open(file), Map.of("bus-1", "replay-7"),
                (topic, payload) -> events.add(new Object[] { topic, payload }), ticker);
    }

    private List<PackData> snapshots() {
        return events.stream().filter(e -> e[0].equals(BmsTopics.PACK_SNAPSHOT)).map(e -> (PackData) e[1]).toList();
    }

    private void advance(ReplayEngine engine, double seconds) throws Exception {
        long end = nanos + (long) (seconds * 1e9);
        for (int calls = 0; ; calls++) {
            assertTrue(calls < 1_000_000, "the engine keeps asking to be called at once");
            long wait = engine.pump();
            if (wait == 0) {
                continue;
            }
            if (nanos >= end) {
                return;
            }
            nanos = Math.min(end, nanos + wait);
        }
    }

    @Test
    void publishesEveryRecordedSnapshotUnchangedInTimeOrder() throws Exception {
        try (ReplayEngine engine = engine()) {
            engine.setSpeed(1000);
            engine.play();
            advance(engine, 1);
            List<PackData> played = snapshots();
            assertEquals(150, played.size());
            assertTrue(engine.state().ended());
            List<PackSnapshot> recorded = new ArrayList<>();
            try (SessionReader reader = SessionReader.open(file)) {
                for (RecordedPack p : reader.packs()) {
                    for (RecordedRow r : reader.rows(p.id(), 1, 1000)) {
                        recorded.add(r.snapshot());
                    }
                }
            }
            recorded.sort(java.util.Comparator.comparing(PackSnapshot::time));
            for (int i = 0; i < played.size(); i++) {
                assertEquals("replay-7", played.get(i).busId());
                // the very values and times the recording holds
                assertEquals(recorded.get(i), played.get(i).snapshot(), "snapshot " + i);
            }
            BusStatus open = (BusStatus) events.get(0)[1];
            assertEquals(BusState.OPEN, open.state());
            assertTrue(open.isReplay());
            assertTrue(open.label().startsWith("session.sqlite (/dev/ttyUSB0"), open.label());
            // the alarm came on at 50 s and went off at 60 s, at the recorded times
            List<FlagChange> flags = events.stream().filter(e -> e[0].equals(BmsTopics.PACK_FLAG))
                    .map(e -> (FlagChange) e[1]).toList();
            assertEquals(2, flags.size(), flags.toString());
            assertTrue(flags.get(0).raised());
            assertEquals(T0.plusSeconds(50).plusMillis(7), flags.get(0).time());
            assertFalse(flags.get(1).raised());
        }
    }

    @Test
    void followsTheSpeedPausesStepsAndSeeks() throws Exception {
        try (ReplayEngine engine = engine()) {
            engine.setSpeed(10);
            engine.play();
            advance(engine, 2);
            // 2 s at 10×: the first 20 recorded seconds (pack 1 every second, pack 2 every other)
            Instant position = engine.state().position();
            assertTrue(!position.isBefore(T0.plusSeconds(19)) && position.isBefore(T0.plusSeconds(21)), "" + position);
            int before = snapshots().size();
            assertTrue(before >= 29 && before <= 32, "" + before);
            // the packs are reported ONLINE again every second of wall time
            long states = events.stream().filter(e -> e[0].equals(BmsTopics.PACK_STATE)).count();
            assertTrue(states >= 4, "" + states);
            assertEquals(0, events.stream().filter(e -> e[1] instanceof PackStatus p && !p.busId().equals("replay-7"))
                    .count());

            engine.pause();
            advance(engine, 5);
            assertEquals(before, snapshots().size(), "nothing while paused");
            engine.step();
            advance(engine, 0.001);
            assertEquals(before + 1, snapshots().size(), "one snapshot per step");

            // back to 5 s: the replay bus closes and opens, so views drop the newer values, then plays from there
            engine.seek(T0.plusSeconds(5));
            engine.play();
            advance(engine, 0.001);
            long closes = events.stream().filter(e -> e[1] instanceof BusStatus b && b.state() == BusState.CLOSED)
                    .count();
            assertEquals(1, closes);
            PackData next = snapshots().get(snapshots().size() - 1);
            assertTrue(!next.snapshot().time().isBefore(T0.plusSeconds(5))
                    && next.snapshot().time().isBefore(T0.plusSeconds(6)), "" + next.snapshot().time());
            assertThrows(IllegalArgumentException.class, () -> engine.setSpeed(1001));
            assertThrows(IllegalArgumentException.class, () -> engine.setSpeed(0.5));
        }
        Object last = events.get(events.size() - 1)[1];
        assertTrue(last instanceof BusStatus b && b.state() == BusState.CLOSED, "closing closes the replay bus");
    }

    @Test
    void refusesAFileWithoutSnapshots() throws Exception {
        Path empty = dir.resolve("empty.sqlite");
        SessionWriter.create(empty, Map.of(), 0).close();
        java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> ReplayFile.open(empty));
        assertTrue(e.getMessage().contains("holds no snapshots"), e.getMessage());
        assertThrows(java.sql.SQLException.class, () -> ReplayFile.open(dir.resolve("missing.sqlite")));
    }
}
