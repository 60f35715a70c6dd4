package org.bmsworkbench.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import org.sqlite.SQLiteConfig;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.store.Schema;
import org.bmsworkbench.record.store.SessionReader;
import org.bmsworkbench.record.store.SessionWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device records in the session file: since version 2, and version 1 files still read. */
class SessionRecordStoreTest {

    @TempDir
    Path dir;

    private static DeviceRecord record(long index, int minute, String damage) {
        PackSnapshot values = PackSnapshot.builder(1).set(Quantity.VOLTAGE, 53.2).set(Quantity.CURRENT, -4.25)
                .set(Quantity.SOC, 61.5).temperature(0, 24.5).temperature(1, Double.NaN).build();
        return new DeviceRecord(RecordKind.ALARM, index, damage.isEmpty() ? LocalDateTime.of(2026, 5, 1, 10, minute) : null,
                OperatingMode.DISCHARGE, 0x0203, Set.of(PackFlag.CELL_OVP), values, damage, false);
    }

    @Test
    void recordsAreKeptOnceByBoardAndReadBack() throws Exception {
        Path file = dir.resolve("s.sqlite");
        try (SessionWriter w = SessionWriter.create(file, Map.of(), 0)) {
            w.commit();
            try (SessionRecordStore store = SessionRecordStore.direct(file)) {
                List<DeviceRecord> three = List.of(record(0, 1, ""), record(1, 2, ""), record(2, 0, "the time is not a time"));
                assertEquals(3, store.add("barcode:B1", "bus-1", 1, three));
                assertEquals(0, store.add("barcode:B1", "bus-1", 1, three.subList(0, 2)), "kept once");
                assertEquals(1, store.add("barcode:B2", "bus-1", 2, three.subList(0, 1)), "another board");
                List<DeviceRecord> back = store.records("barcode:B1", RecordKind.ALARM);
                assertEquals(three, back);
                assertEquals(three.get(2), store.newest("barcode:B1", RecordKind.ALARM).orElseThrow());
                assertTrue(store.records("barcode:B1", RecordKind.DATA).isEmpty());
            }
        }
        try (SessionReader r = SessionReader.open(file)) {
            assertEquals(file, r.file());
        }
        try (Connection db = new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertEquals(Schema.VERSION, rs.getInt(1));
            assertTrue(Schema.VERSION >= Schema.DEVICE_RECORDS_SINCE, "a new file has the device records");
        }
    }

    @Test
    void aVersionOneFileStaysReadableAndTakesRecords() throws Exception {
        Path file = dir.resolve("v1.sqlite");
        try (SessionWriter w = SessionWriter.create(file, Map.of(), 0)) {
            w.commit();
        }
        try (Connection db = new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
                Statement st = db.createStatement()) {
            st.execute("DROP INDEX device_record_board");
            st.execute("DROP TABLE device_record");
            st.execute("PRAGMA user_version = 1");
        }
        try (SessionReader r = SessionReader.open(file)) {
            assertEquals(file, r.file());
        }
        try (SessionRecordStore store = SessionRecordStore.direct(file)) {
            assertTrue(store.records("barcode:B1", RecordKind.DATA).isEmpty(), "a version 1 file holds none");
            assertEquals(1, store.add("barcode:B1", "bus-1", 1, List.of(record(0, 1, ""))));
        }
    }
}
