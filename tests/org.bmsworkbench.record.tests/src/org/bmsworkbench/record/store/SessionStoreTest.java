package org.bmsworkbench.record.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {

    @TempDir
    Path dir;

    static PackSnapshot snapshot(int address, Instant time, int cells, int temps, double base) {
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(time).set(Quantity.VOLTAGE, 52.123)
                .set(Quantity.CURRENT, -12.5).set(Quantity.SOC, 81).cellCount(cells).temperatureCount(temps);
        for (int i = 0; i < cells; i++) {
            // whole millivolts, as a BMS reports them
            b.cellVoltage(i, (Math.round(base * 1000) + i) / 1000.0);
        }
        for (int i = 0; i < temps; i++) {
            if (i != 1) {
                b.temperature(i, 20.5 + i);
            }
        }
        b.balancing(2, true).reported(FlagCategory.ALARM).flag(PackFlag.CELL_OV, true);
        return b.build();
    }

    @Test
    void aSnapshotReadsBackAsItWasWritten() throws Exception {
        Path file = dir.resolve("s" + Schema.EXTENSION);
        Instant t0 = Instant.parse("2026-12-06T10:00:00.250Z");
        PackSnapshot written = snapshot(3, t0, 176, 33, 3.312);
        try (SessionWriter w = SessionWriter.create(file, Map.of("host", "lab"), 0)) {
            w.bus(new BusStatus("bus-1", "/dev/ttyUSB0", "modbus-native", BusState.OPEN, "", t0));
            assertEquals(1, w.snapshot("bus-1", written));
            assertEquals(2, w.snapshot("bus-1", snapshot(3, t0.plusSeconds(1), 176, 33, 3.4)));
            w.commit();
        }
        try (SessionReader r = SessionReader.open(file)) {
            List<RecordedPack> packs = r.packs();
            assertEquals(1, packs.size());
            RecordedPack p = packs.get(0);
            assertEquals(3, p.address());
            assertEquals("/dev/ttyUSB0", p.busLabel());
            assertEquals(176, p.cells());
            assertEquals(33, p.temps());
            assertEquals(2, p.rows());
            assertEquals("PackNo.03", p.packName());
            PackSnapshot read = r.rows(p.id(), 1, 10).get(0).snapshot();
            assertEquals(written, read);
            assertTrue(Double.isNaN(read.temperature(1)), "an absent sensor stays absent");
            assertEquals("lab", r.info("host"));
            assertEquals(2, r.summary().rows());
            List<Long> seqs = new ArrayList<>();
            r.forEach(p.id(), t0.plusMillis(1), null, 0, 0, row -> seqs.add(row.seq()));
            assertEquals(List.of(2L), seqs);
        }
    }

    @Test
    void aFullFileFailsWithSqliteFullAndKeepsWhatWasCommitted() throws Exception {
        Path file = dir.resolve("full" + Schema.EXTENSION);
        Instant t0 = Instant.parse("2026-12-06T10:00:00Z");
        SessionWriter w = SessionWriter.create(file, Map.of(), 60);
        w.snapshot("b", snapshot(1, t0, 176, 33, 3.3));
        w.commit();
        SQLException full = assertThrows(SQLException.class, () -> {
            for (int i = 1; i < 10_000; i++) {
                w.snapshot("b", snapshot(1, t0.plusSeconds(i), 176, 33, 3.3));
            }
            w.commit();
        });
        assertTrue(full.getMessage().contains("full"), full.getMessage());
        w.abandon();
        try (SessionReader r = SessionReader.open(file)) {
            assertEquals(1, r.summary().rows());
        }
    }

    @Test
    void aFileThatIsNotASessionIsRefusedWithItsName() throws Exception {
        Path other = dir.resolve("other.sqlite");
        Files.writeString(other, "");
        SQLException e = assertThrows(SQLException.class, () -> SessionReader.open(other));
        assertTrue(e.getMessage().contains("other.sqlite is not a BMS Workbench session"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("missing.sqlite")));
        assertThrows(SQLException.class, () -> SessionReader.open(dir.resolve("missing.sqlite")));
    }

    @Test
    void millivoltsAreExactToTheMicrovolt() {
        assertEquals(3312.0, SessionWriter.millivolts(3.312));
        assertEquals(3312.5, SessionWriter.millivolts(3.3125));
        assertTrue(Double.isNaN(SessionWriter.millivolts(Double.NaN)));
    }
}
