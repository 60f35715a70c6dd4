package org.bmsworkbench.records;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.record.store.DeviceRecordRows;
import org.bmsworkbench.record.store.DeviceRecordRows.Row;
import org.bmsworkbench.record.store.Schema;
import org.bmsworkbench.record.store.SessionFiles;

/**
 * The device records in a session file's table {@code device_record} (docs/recording.md). In the workbench the
 * session recorder writes them: {@link #throughRecorder} hands each batch to its one writer thread and reads the
 * file through a read-only connection (what was handed over but not yet committed is kept in memory meanwhile).
 * {@link #direct} writes a file no recorder writes (tools, tests), creating the table in a version 1 file. A file
 * of version 1 without the table reads as holding no records. Thread-safe.
 */
public final class SessionRecordStore implements RecordStore, AutoCloseable {

    private static final List<String> FLAG_NAMES = java.util.Arrays.stream(PackFlag.values()).map(Enum::name).toList();

    private final Supplier<Optional<Path>> files;
    private final Path file;
    private final Connection db;
    private final PreparedStatement insert;
    private final Predicate<List<Row>> recorder;
    /** Records handed to the recorder, until the file shows them. */
    private final MemoryRecordStore handedOver = new MemoryRecordStore();

    private SessionRecordStore(Path file) throws RecordStoreException {
        this.file = file;
        this.files = () -> Optional.of(file);
        this.recorder = null;
        try {
            db = SessionFiles.openForUpdate(file);
            try (Statement st = db.createStatement()) {
                for (String sql : Schema.createDeviceRecords()) {
                    st.execute(sql);
                }
            }
            insert = DeviceRecordRows.prepareInsert(db);
            db.setAutoCommit(false);
        } catch (SQLException e) {
            throw new RecordStoreException("the device records of " + file.getFileName() + " cannot be opened: "
                    + e.getMessage(), e);
        }
    }

    private SessionRecordStore(Supplier<Optional<Path>> files, Predicate<List<Row>> recorder) {
        this.file = null;
        this.files = files;
        this.recorder = recorder;
        this.db = null;
        this.insert = null;
    }

    /** A store writing {@code file} itself: no recorder may be writing it. */
    public static SessionRecordStore direct(Path file) throws RecordStoreException {
        return new SessionRecordStore(file);
    }

    /**
     * A store of the session a recorder writes: batches go to {@code recorder} (e.g.
     * {@code RecordingService::keepDeviceRecords}), which returns false when it cannot keep them; reads look in the
     * session file {@code files} names now (e.g. {@code RecordingService::currentFile}), read-only.
     */
    public static SessionRecordStore throughRecorder(Supplier<Optional<Path>> files, Predicate<List<Row>> recorder) {
        return new SessionRecordStore(files, recorder);
    }

    @Override
    public synchronized int add(String board, String busId, int address, List<DeviceRecord> records)
            throws RecordStoreException {
        if (records.isEmpty()) {
            return 0;
        }
        long now = System.currentTimeMillis();
        List<Row> rows = new ArrayList<>();
        for (DeviceRecord r : records) {
            rows.add(row(board, busId, address, r, now));
        }
        if (recorder != null) {
            if (!recorder.test(rows)) {
                throw new RecordStoreException("the session recording does not keep records now (it is stopped,"
                        + " failed or behind): the records read stay on the page only", null);
            }
            return handedOver.add(board, busId, address, records);
        }
        try {
            int added = DeviceRecordRows.insert(insert, rows);
            db.commit();
            return added;
        } catch (SQLException e) {
            try {
                db.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw new RecordStoreException("the device records could not be written to " + file.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<DeviceRecord> newest(String board, RecordKind kind) throws RecordStoreException {
        Optional<DeviceRecord> memory = handedOver.newest(board, kind);
        if (memory.isPresent()) {
            return memory;
        }
        List<DeviceRecord> list = query(board, kind, true);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    @Override
    public synchronized List<DeviceRecord> records(String board, RecordKind kind) throws RecordStoreException {
        List<DeviceRecord> list = query(board, kind, false);
        Set<String> seen = new HashSet<>();
        list.forEach(r -> seen.add(r.fingerprint()));
        for (DeviceRecord r : handedOver.records(board, kind)) {
            if (seen.add(r.fingerprint())) {
                list.add(r);
            }
        }
        return list;
    }

    private List<DeviceRecord> query(String board, RecordKind kind, boolean lastOnly) throws RecordStoreException {
        Optional<Path> now = files.get();
        if (now.isEmpty() || db == null && !java.nio.file.Files.exists(now.get())) {
            return new ArrayList<>();
        }
        try {
            List<DeviceRecord> list = new ArrayList<>();
            if (db != null) {
                for (Row r : DeviceRecordRows.query(db, board, kind.key(), lastOnly)) {
                    list.add(record(r, kind));
                }
                db.commit();
            } else {
                try (Connection read = SessionFiles.openReadOnly(now.get())) {
                    for (Row r : DeviceRecordRows.query(read, board, kind.key(), lastOnly)) {
                        list.add(record(r, kind));
                    }
                }
            }
            return list;
        } catch (SQLException e) {
            throw new RecordStoreException("the device records of " + now.get().getFileName() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    static Row row(String board, String busId, int address, DeviceRecord r, long now) {
        double[] values = new double[RecordValues.QUANTITIES.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.values().get(RecordValues.QUANTITIES.get(i));
        }
        double[] temps = new double[r.values().temperatureCount()];
        for (int i = 0; i < temps.length; i++) {
            temps[i] = r.values().temperature(i);
        }
        StringJoiner flags = new StringJoiner(",");
        r.active().stream().sorted().forEach(f -> flags.add(f.name()));
        return new Row(board, busId, address, r.kind().key(), r.index(), r.time() == null ? null : r.time().toString(),
                now, r.mode().name(), r.code(), values, flags.toString(), temps, r.damage(), r.clockNotSet(),
                r.fingerprint());
    }

    static DeviceRecord record(Row r, RecordKind kind) {
        PackSnapshot.Builder b = PackSnapshot.builder(r.address());
        for (int i = 0; i < RecordValues.QUANTITIES.size(); i++) {
            if (!Double.isNaN(r.values()[i])) {
                b.set(RecordValues.QUANTITIES.get(i), r.values()[i]);
            }
        }
        b.temperatureCount(r.temps().length);
        for (int i = 0; i < r.temps().length; i++) {
            b.temperature(i, r.temps()[i]);
        }
        Set<PackFlag> active = EnumSet.noneOf(PackFlag.class);
        if (!r.flags().isEmpty()) {
            for (String f : r.flags().split(",")) {
                // a flag a later version renamed is read without it (docs/recording.md)
                FLAG_NAMES.stream().filter(f::equals).findFirst().ifPresent(n -> active.add(PackFlag.valueOf(n)));
            }
        }
        OperatingMode mode = java.util.Arrays.stream(OperatingMode.values()).filter(m -> m.name().equals(r.mode()))
                .findFirst().orElse(OperatingMode.UNKNOWN);
        return new DeviceRecord(kind, r.index(), r.boardTime() == null ? null : LocalDateTime.parse(r.boardTime()),
                mode, r.code(), active, b.build(), r.damage(), r.clockNotSet());
    }

    @Override
    public synchronized void close() throws RecordStoreException {
        if (db == null) {
            return;
        }
        try {
            insert.close();
            db.close();
        } catch (SQLException e) {
            throw new RecordStoreException("closing the device records of " + file.getFileName() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
