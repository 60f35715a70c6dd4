package org.bmsworkbench.records;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.store.Schema;
import org.bmsworkbench.record.store.SessionFiles;

/**
 * The device records in a session file's table {@code device_record} (docs/recording.md), written beside the
 * session recorder through a connection of its own in short transactions. A file of version 1 gets the table
 * when records are first kept in it; until then it reads as holding none. Thread-safe.
 */
public final class SessionRecordStore implements RecordStore, AutoCloseable {

    private static final List<String> FLAG_NAMES = java.util.Arrays.stream(PackFlag.values()).map(Enum::name).toList();

    private final Path file;
    private final Connection db;
    private final PreparedStatement insert;

    public SessionRecordStore(Path file) throws RecordStoreException {
        this.file = file;
        try {
            db = SessionFiles.openForUpdate(file);
            try (Statement st = db.createStatement()) {
                for (String sql : Schema.createDeviceRecords()) {
                    st.execute(sql);
                }
            }
            StringBuilder cols = new StringBuilder("INSERT OR IGNORE INTO device_record (board, bus_id, address, kind,"
                    + " idx, board_time, read_ms, mode, code");
            StringBuilder marks = new StringBuilder("?, ?, ?, ?, ?, ?, ?, ?, ?");
            for (String c : Schema.DEVICE_RECORD_VALUES) {
                cols.append(", ").append(c);
                marks.append(", ?");
            }
            cols.append(", flags, temps");
            marks.append(", ?, ?");
            for (int i = 0; i < PackSnapshot.MAX_TEMPERATURES; i++) {
                cols.append(", ").append(Schema.temperatureColumn(i));
                marks.append(", ?");
            }
            cols.append(", damage, clock_not_set, fingerprint");
            marks.append(", ?, ?, ?");
            insert = db.prepareStatement(cols + ") VALUES (" + marks + ")");
            db.setAutoCommit(false);
        } catch (SQLException e) {
            throw new RecordStoreException("the device records cannot be kept in " + file.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized int add(String board, String busId, int address, List<DeviceRecord> records)
            throws RecordStoreException {
        if (records.isEmpty()) {
            return 0;
        }
        long now = System.currentTimeMillis();
        try {
            int added = 0;
            for (DeviceRecord r : records) {
                int p = 1;
                insert.setString(p++, board);
                insert.setString(p++, busId);
                insert.setInt(p++, address);
                insert.setString(p++, r.kind().key());
                insert.setLong(p++, r.index());
                if (r.time() == null) {
                    insert.setNull(p++, Types.VARCHAR);
                } else {
                    insert.setString(p++, r.time().toString());
                }
                insert.setLong(p++, now);
                insert.setString(p++, r.mode().name());
                insert.setInt(p++, r.code());
                for (Quantity q : RecordValues.QUANTITIES) {
                    setValue(insert, p++, r.values().get(q));
                }
                StringJoiner flags = new StringJoiner(",");
                r.active().stream().sorted().forEach(f -> flags.add(f.name()));
                insert.setString(p++, flags.toString());
                insert.setInt(p++, r.values().temperatureCount());
                for (int i = 0; i < PackSnapshot.MAX_TEMPERATURES; i++) {
                    setValue(insert, p++, i < r.values().temperatureCount() ? r.values().temperature(i) : Double.NaN);
                }
                insert.setString(p++, r.damage());
                insert.setInt(p++, r.clockNotSet() ? 1 : 0);
                insert.setString(p++, r.fingerprint());
                added += insert.executeUpdate();
            }
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

    private static void setValue(PreparedStatement st, int p, double v) throws SQLException {
        if (Double.isNaN(v)) {
            st.setNull(p, Types.REAL);
        } else {
            st.setDouble(p, v);
        }
    }

    @Override
    public synchronized Optional<DeviceRecord> newest(String board, RecordKind kind) throws RecordStoreException {
        List<DeviceRecord> list = query(board, kind, " ORDER BY id DESC LIMIT 1");
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    @Override
    public synchronized List<DeviceRecord> records(String board, RecordKind kind) throws RecordStoreException {
        return query(board, kind, " ORDER BY id");
    }

    private List<DeviceRecord> query(String board, RecordKind kind, String order) throws RecordStoreException {
        try (PreparedStatement st = db.prepareStatement("SELECT * FROM device_record WHERE board = ? AND kind = ?"
                + order)) {
            st.setString(1, board);
            st.setString(2, kind.key());
            List<DeviceRecord> list = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    list.add(row(rs, kind));
                }
            }
            db.commit();
            return list;
        } catch (SQLException e) {
            throw new RecordStoreException("the device records of " + file.getFileName() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static DeviceRecord row(ResultSet rs, RecordKind kind) throws SQLException {
        PackSnapshot.Builder b = PackSnapshot.builder(rs.getInt("address"));
        for (int i = 0; i < RecordValues.QUANTITIES.size(); i++) {
            double v = rs.getDouble(Schema.DEVICE_RECORD_VALUES.get(i));
            if (!rs.wasNull()) {
                b.set(RecordValues.QUANTITIES.get(i), v);
            }
        }
        int temps = rs.getInt("temps");
        b.temperatureCount(temps);
        for (int i = 0; i < temps; i++) {
            double v = rs.getDouble(Schema.temperatureColumn(i));
            b.temperature(i, rs.wasNull() ? Double.NaN : v);
        }
        Set<PackFlag> active = EnumSet.noneOf(PackFlag.class);
        String flags = rs.getString("flags");
        if (!flags.isEmpty()) {
            for (String f : flags.split(",")) {
                // a flag a later version renamed is read without it (docs/recording.md)
                FLAG_NAMES.stream().filter(f::equals).findFirst().ifPresent(n -> active.add(PackFlag.valueOf(n)));
            }
        }
        String time = rs.getString("board_time");
        return new DeviceRecord(kind, rs.getLong("idx"), time == null ? null : LocalDateTime.parse(time),
                OperatingMode.valueOf(rs.getString("mode")), rs.getInt("code"), active, b.build(),
                rs.getString("damage"), rs.getInt("clock_not_set") != 0);
    }

    @Override
    public synchronized void close() throws RecordStoreException {
        try {
            insert.close();
            db.close();
        } catch (SQLException e) {
            throw new RecordStoreException("closing the device records of " + file.getFileName() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
