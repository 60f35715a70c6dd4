package org.bmsworkbench.record.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bmsworkbench.model.PackSnapshot;

/**
 * Rows of table {@code device_record} (schema version 2, docs/recording.md): records read from a board's store
 * (issue 16), kept once per board, kind and fingerprint. Plain values, so that the recorder's writer thread can
 * write them without knowing the records bundle.
 */
public final class DeviceRecordRows {

    /**
     * One record as the table keeps it.
     *
     * @param board       the board's identity, {@code barcode:...} or {@code serial:...}
     * @param kind        {@code data} or {@code alarm}
     * @param index       the record's index on the board when it was read
     * @param boardTime   the board's time of the record, ISO local ({@code 2026-05-16T22:07:41}); null when damaged
     * @param values      voltage V, current A, SOC %, MinV V, MaxV V, Env °C, FET °C ({@link Schema#DEVICE_RECORD_VALUES});
     *                    NaN when absent
     * @param temps       T1..Tn °C, NaN when absent
     * @param damage      why the record is damaged, {@code ""} when it is not
     */
    public record Row(String board, String busId, int address, String kind, long index, String boardTime,
            long readMillis, String mode, int code, double[] values, String flags, double[] temps, String damage,
            boolean clockNotSet, String fingerprint) {
        public Row {
            Objects.requireNonNull(board, "board");
            Objects.requireNonNull(kind, "kind");
            if (values.length != Schema.DEVICE_RECORD_VALUES.size()) {
                throw new IllegalArgumentException(values.length + " values, not " + Schema.DEVICE_RECORD_VALUES.size());
            }
            if (temps.length > PackSnapshot.MAX_TEMPERATURES) {
                throw new IllegalArgumentException(temps.length + " temperatures");
            }
            values = values.clone();
            temps = temps.clone();
            damage = damage == null ? "" : damage;
        }
    }

    private DeviceRecordRows() {
    }

    /** The insert that keeps a row once: a row whose board, kind and fingerprint are kept already is left out. */
    public static PreparedStatement prepareInsert(Connection db) throws SQLException {
        StringBuilder cols = new StringBuilder("INSERT OR IGNORE INTO device_record (board, bus_id, address, kind, idx,"
                + " board_time, read_ms, mode, code");
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
        return db.prepareStatement(cols + ") VALUES (" + marks + ")");
    }

    /** Inserts {@code rows} with {@code insert} (of {@link #prepareInsert}); returns how many were new. */
    public static int insert(PreparedStatement insert, List<Row> rows) throws SQLException {
        int added = 0;
        for (Row r : rows) {
            int p = 1;
            insert.setString(p++, r.board());
            insert.setString(p++, r.busId());
            insert.setInt(p++, r.address());
            insert.setString(p++, r.kind());
            insert.setLong(p++, r.index());
            if (r.boardTime() == null) {
                insert.setNull(p++, Types.VARCHAR);
            } else {
                insert.setString(p++, r.boardTime());
            }
            insert.setLong(p++, r.readMillis());
            insert.setString(p++, r.mode());
            insert.setInt(p++, r.code());
            for (double v : r.values()) {
                setValue(insert, p++, v);
            }
            insert.setString(p++, r.flags());
            insert.setInt(p++, r.temps().length);
            for (int i = 0; i < PackSnapshot.MAX_TEMPERATURES; i++) {
                setValue(insert, p++, i < r.temps().length ? r.temps()[i] : Double.NaN);
            }
            insert.setString(p++, r.damage());
            insert.setInt(p++, r.clockNotSet() ? 1 : 0);
            insert.setString(p++, r.fingerprint());
            added += insert.executeUpdate();
        }
        return added;
    }

    private static void setValue(PreparedStatement st, int p, double v) throws SQLException {
        if (Double.isNaN(v)) {
            st.setNull(p, Types.REAL);
        } else {
            st.setDouble(p, v);
        }
    }

    /** Whether the file has the table: files of version 1 have not, and read as holding no records. */
    public static boolean present(Connection db) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'device_record'");
                ResultSet rs = st.executeQuery()) {
            return rs.next();
        }
    }

    /** The rows of a board's store of {@code kind}, in the order they were kept; only the last when asked. */
    public static List<Row> query(Connection db, String board, String kind, boolean lastOnly) throws SQLException {
        List<Row> list = new ArrayList<>();
        if (!present(db)) {
            return list;
        }
        try (PreparedStatement st = db.prepareStatement("SELECT * FROM device_record WHERE board = ? AND kind = ?"
                + (lastOnly ? " ORDER BY id DESC LIMIT 1" : " ORDER BY id"))) {
            st.setString(1, board);
            st.setString(2, kind);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    double[] values = new double[Schema.DEVICE_RECORD_VALUES.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = number(rs, Schema.DEVICE_RECORD_VALUES.get(i));
                    }
                    double[] temps = new double[rs.getInt("temps")];
                    for (int i = 0; i < temps.length; i++) {
                        temps[i] = number(rs, Schema.temperatureColumn(i));
                    }
                    list.add(new Row(rs.getString("board"), rs.getString("bus_id"), rs.getInt("address"), kind,
                            rs.getLong("idx"), rs.getString("board_time"), rs.getLong("read_ms"), rs.getString("mode"),
                            rs.getInt("code"), values, rs.getString("flags"), temps, rs.getString("damage"),
                            rs.getInt("clock_not_set") != 0, rs.getString("fingerprint")));
                }
            }
        }
        return list;
    }

    private static double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
