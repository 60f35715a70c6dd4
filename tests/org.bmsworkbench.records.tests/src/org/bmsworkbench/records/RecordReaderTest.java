package org.bmsworkbench.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.records.ReadProgress.State;
import org.bmsworkbench.records.RecordReader.Mode;
import org.bmsworkbench.sim.wire.Fault;
import org.junit.jupiter.api.Test;

/** The reader against a real bus and the simulator's record rings. */
class RecordReaderTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 7, 1, 8, 0);

    /** Collects what a reader reports. */
    static final class Seen implements RecordReader.Listener {
        final List<DeviceRecord> records = new CopyOnWriteArrayList<>();
        final List<ReadProgress> progress = new CopyOnWriteArrayList<>();
        /** Runs once when this many records were read, on the reader's thread. */
        volatile int when = Integer.MAX_VALUE;
        volatile Runnable then;

        @Override
        public void records(List<DeviceRecord> list) {
            records.addAll(list);
            if (records.size() >= when && then != null) {
                Runnable r = then;
                then = null;
                r.run();
            }
        }

        @Override
        public void progress(ReadProgress p) {
            progress.add(p);
        }

        boolean saw(State state) {
            return progress.stream().anyMatch(p -> p.state() == state);
        }
    }

    private static RecordReader reader(RecordRack rack, RecordStore store, Seen seen) {
        return new RecordReader(rack, RecordRack.BUS, 1, RecordKind.DATA, store, () -> rack.online(1), seen)
                .retryMillis(50);
    }

    private static void assertEqualsRing(RecordRack rack, List<DeviceRecord> read) {
        int count = rack.sim.pack(1).historyCount();
        assertEquals(count, read.size(), "records read");
        for (int i = 0; i < count; i++) {
            HistoryRecord h = rack.sim.pack(1).history(i);
            DeviceRecord r = read.get(i);
            assertEquals(i, r.index(), "index");
            assertEquals(h.time(), r.time(), "time of record " + i);
            assertEquals(h.mode(), r.mode(), "mode of record " + i);
            for (Quantity q : RecordValues.QUANTITIES) {
                double resolution = q == Quantity.SOC || q.unit().equals("\u00b0C") ? 0.05 : 0.0005;
                assertEquals(h.values().get(q), r.values().get(q), resolution + 1e-9, q + " of record " + i);
            }
            assertEquals(h.values().temperatureCount(), r.values().temperatureCount(), "sensors of record " + i);
            for (int t = 0; t < h.values().temperatureCount(); t++) {
                assertEquals(h.values().temperature(t), r.values().temperature(t), 0.05 + 1e-9, "T" + (t + 1));
            }
            assertFalse(r.damaged(), "record " + i + " is not damaged: " + r.damage());
            assertFalse(r.clockNotSet(), "the clock was set");
        }
    }

    @Test
    void everyRecordReadEqualsTheBoardsRingAndTheOtherPackIsPolledMeanwhile() throws Exception {
        try (RecordRack rack = new RecordRack(2, 120, START)) {
            assertTrue(rack.sim.pack(1).historyCount() >= 100, "the ring holds records");
            Seen seen = new Seen();
            MemoryRecordStore store = new MemoryRecordStore();
            long polledBefore = rack.framesTo(2, FrameRecord.Direction.TX);
            ReadProgress end = reader(rack, store, seen).step(5).start(Mode.ALL).get(60, TimeUnit.SECONDS);
            assertEquals(State.DONE, end.state(), end.message());
            assertEqualsRing(rack, seen.records);
            assertEquals(rack.sim.pack(1).historyCount(), end.done());
            assertEquals(end.total(), end.done());
            assertTrue(end.recordsPerSecond() > 0, "a rate");
            assertTrue(seen.progress.stream().anyMatch(p -> p.state() == State.READING && p.secondsLeft() > 0),
                    "time left was shown");
            assertTrue(end.board().startsWith("barcode:") || end.board().startsWith("serial:"), end.board());
            assertEquals(seen.records, store.records(end.board(), RecordKind.DATA), "kept as read");
            // pack 2 was polled between the steps of the read
            long polledDuring = rack.framesTo(2, FrameRecord.Direction.TX) - polledBefore;
            assertTrue(polledDuring >= 5, "pack 2 polled " + polledDuring + " times during the read");
            assertEquals(0, rack.frames.stream().filter(f -> f.direction() == FrameRecord.Direction.TX)
                    .filter(f -> f.address() == 1).filter(f -> rack.protocol.changesDevice(f.bytes())).count(),
                    "no frame that changes the pack");
        }
    }

    @Test
    void stopEndsAfterTheCurrentTransactionAndReadNewResumes() throws Exception {
        try (RecordRack rack = new RecordRack(1, 80, START)) {
            Seen seen = new Seen();
            MemoryRecordStore store = new MemoryRecordStore();
            RecordReader first = reader(rack, store, seen).step(1);
            seen.when = 20;
            seen.then = first::stop;
            first.start(Mode.ALL);
            ReadProgress stopped = first.finished().get(30, TimeUnit.SECONDS);
            assertEquals(State.STOPPED, stopped.state());
            int kept = seen.records.size();
            assertEquals(20, kept, "stopped after the step under way");
            assertEquals(kept, store.records(stopped.board(), RecordKind.DATA).size(), "what was read stays");

            Seen rest = new Seen();
            ReadProgress done = reader(rack, store, rest).start(Mode.NEW).get(60, TimeUnit.SECONDS);
            assertEquals(State.DONE, done.state(), done.message());
            assertEquals(kept, rest.records.get(0).index(), "resumed from the record after the last one read");
            List<DeviceRecord> all = new ArrayList<>(seen.records);
            all.addAll(rest.records);
            assertEqualsRing(rack, all);
            assertEquals(all, store.records(done.board(), RecordKind.DATA));
        }
    }

    @Test
    void aPackThatGoesOfflinePausesTheReadWhichResumesFromTheLastRecord() throws Exception {
        try (RecordRack rack = new RecordRack(1, 60, START)) {
            Seen seen = new Seen();
            RecordReader reader = reader(rack, new MemoryRecordStore(), seen).step(2);
            seen.when = 10;
            seen.then = () -> rack.line.faults().set(Fault.DROP, 1.0, 0);
            reader.start(Mode.ALL);
            RecordRack.await(() -> seen.saw(State.PAUSED), "the read paused");
            ReadProgress paused = seen.progress.stream().filter(p -> p.state() == State.PAUSED).findFirst().orElseThrow();
            assertTrue(paused.message().contains("paused at record"), paused.message());
            Thread.sleep(300);
            rack.line.faults().clear();
            ReadProgress end = reader.finished().get(60, TimeUnit.SECONDS);
            assertEquals(State.DONE, end.state(), end.message());
            assertTrue(seen.progress.stream().anyMatch(p -> p.message().contains("answers again")), "said so");
            assertEqualsRing(rack, seen.records);
        }
    }

    @Test
    void readNewFetchesOnlyTheNewRecords() throws Exception {
        try (RecordRack rack = new RecordRack(1, 50, START)) {
            MemoryRecordStore store = new MemoryRecordStore();
            Seen first = new Seen();
            ReadProgress a = reader(rack, store, first).start(Mode.ALL).get(60, TimeUnit.SECONDS);
            assertEquals(State.DONE, a.state(), a.message());
            int before = rack.sim.pack(1).historyCount();
            rack.storeMore(7);
            int after = rack.sim.pack(1).historyCount();
            assertTrue(after > before, "new records stored");

            Seen second = new Seen();
            ReadProgress b = reader(rack, store, second).start(Mode.NEW).get(60, TimeUnit.SECONDS);
            assertEquals(State.DONE, b.state(), b.message());
            assertEquals(after - before, second.records.size(), "only the new ones");
            assertEquals(before, second.records.get(0).index());
            assertEquals(after, store.records(b.board(), RecordKind.DATA).size());
            Set<String> prints = new HashSet<>();
            store.records(b.board(), RecordKind.DATA).forEach(r -> assertTrue(prints.add(r.fingerprint()), "once"));

            Seen third = new Seen();
            ReadProgress c = reader(rack, store, third).start(Mode.NEW).get(60, TimeUnit.SECONDS);
            assertEquals(0, third.records.size(), "nothing new");
            assertEquals("no new records", c.message());
        }
    }

    @Test
    void anEmptyStoreReadsAsNoRecords() throws Exception {
        try (RecordRack rack = new RecordRack(1, 0, START)) {
            rack.sim.pack(1).control(org.bmsworkbench.protocol.ControlAction.DELETE_HISTORY);
            rack.sim.advance(30);
            Seen seen = new Seen();
            ReadProgress end = reader(rack, new MemoryRecordStore(), seen).start(Mode.ALL).get(60, TimeUnit.SECONDS);
            assertEquals(State.DONE, end.state(), end.message());
            assertEquals(rack.sim.pack(1).historyCount(), seen.records.size());
        }
    }

    @Test
    void aBoardWhoseClockWasNeverSetIsFlagged() throws Exception {
        try (RecordRack rack = new RecordRack(1, 5, LocalDateTime.of(2000, 1, 1, 0, 0))) {
            Seen seen = new Seen();
            ReadProgress end = reader(rack, new MemoryRecordStore(), seen).start(Mode.ALL).get(60, TimeUnit.SECONDS);
            assertEquals(State.DONE, end.state(), end.message());
            assertFalse(seen.records.isEmpty());
            assertTrue(seen.records.stream().allMatch(DeviceRecord::clockNotSet), "flagged");
            assertTrue(seen.records.stream().noneMatch(DeviceRecord::damaged), "flagged, not damaged");
        }
    }
}
