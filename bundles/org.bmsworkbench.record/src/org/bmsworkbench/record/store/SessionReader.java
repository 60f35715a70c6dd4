package org.bmsworkbench.record.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * Reads a session file, also while the recorder is still writing it (each query sees what was committed
 * when it started). Not thread-safe: one reader per thread.
 */
public final class SessionReader implements AutoCloseable {

    private static final Quantity[] QUANTITIES = Quantity.values();
    private static final Map<String, PackFlag> FLAGS = new HashMap<>();
    /** {@code SELECT pack, seq, time_ms, <value columns> FROM snapshot}, for {@link #row}. */
    static final String SELECT_ROWS;

    static {
        for (PackFlag f : PackFlag.values()) {
            FLAGS.put(f.name(), f);
        }
        StringBuilder sb = new StringBuilder("SELECT pack, seq, time_ms");
        for (String c : Schema.snapshotValueColumns()) {
            sb.append(", ").append(c);
        }
        SELECT_ROWS = sb.append(" FROM snapshot").toString();
    }

    private final Path file;
    private final Connection db;
    private final PreparedStatement pageByPack;
    private final PreparedStatement addressOf;

    private SessionReader(Path file, Connection db) throws SQLException {
        this.file = file;
        this.db = db;
        pageByPack = db.prepareStatement(SELECT_ROWS + " WHERE pack = ? AND seq >= ? ORDER BY seq LIMIT ?");
        addressOf = db.prepareStatement("SELECT address FROM pack WHERE pack = ?");
    }

    /** Opens a session file for reading; refuses a file that is not a session or comes from a newer version. */
    public static SessionReader open(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException("no session file " + file);
        }
        Connection db = SessionFiles.openForReading(file);
        try (Statement st = db.createStatement()) {
            int app;
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                app = rs.next() ? rs.getInt(1) : 0;
            }
            int version;
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (app != Schema.APPLICATION_ID) {
                throw new SQLException(file.getFileName() + " is not a BMS Workbench session");
            }
            if (version > Schema.VERSION) {
                throw new SQLException(file.getFileName() + " was written by a newer BMS Workbench (session format "
                        + version + ", this one reads up to " + Schema.VERSION + ")");
            }
            return new SessionReader(file, db);
        } catch (SQLException e) {
            try {
                db.close();
            } catch (SQLException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** The open connection, for the other readers of this package ({@link TrendReader}). */
    Connection connection() {
        return db;
    }

    /** The packs of the session, by bus then address. */
    public List<RecordedPack> packs() throws SQLException {
        List<RecordedPack> packs = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT p.pack, b.bus_id, b.label, p.address, p.cells, p.temps,"
                        + " (SELECT MAX(seq) FROM snapshot s WHERE s.pack = p.pack),"
                        + " (SELECT MIN(time_ms) FROM snapshot s WHERE s.pack = p.pack),"
                        + " (SELECT MAX(time_ms) FROM snapshot s WHERE s.pack = p.pack)"
                        + " FROM pack p JOIN bus b ON b.bus = p.bus ORDER BY b.bus, p.address")) {
            while (rs.next()) {
                packs.add(new RecordedPack(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getLong(7), instant(rs, 8), instant(rs, 9)));
            }
        }
        return packs;
    }

    /** Snapshots recorded for a pack so far (its highest sequence number). */
    public long rowCount(long packId) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT MAX(seq) FROM snapshot WHERE pack = ?")) {
            st.setLong(1, packId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * The sequence number of a pack's first snapshot at or after a time (through the time index), or one past its
     * last when there is none.
     */
    public long seqAt(long packId, Instant time) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT seq FROM snapshot WHERE pack = ? AND time_ms >= ? ORDER BY time_ms LIMIT 1")) {
            st.setLong(1, packId);
            st.setLong(2, time.toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        return rowCount(packId) + 1;
    }

    /** Snapshots of a pack whose time is within [from, to] ({@code null}: open end). */
    public long count(long packId, Instant from, Instant to) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT COUNT(*) FROM snapshot WHERE pack = ? AND time_ms >= ? AND time_ms <= ?")) {
            st.setLong(1, packId);
            st.setLong(2, from == null ? Long.MIN_VALUE : from.toEpochMilli());
            st.setLong(3, to == null ? Long.MAX_VALUE : to.toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Up to {@code limit} snapshots of a pack from sequence number {@code fromSeq} on, in order. */
    public List<RecordedRow> rows(long packId, long fromSeq, int limit) throws SQLException {
        int address = address(packId);
        pageByPack.setLong(1, packId);
        pageByPack.setLong(2, fromSeq);
        pageByPack.setInt(3, limit);
        List<RecordedRow> rows = new ArrayList<>(Math.min(limit, 4096));
        try (ResultSet rs = pageByPack.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs, address));
            }
        }
        return rows;
    }

    /** Receives rows one at a time; returns false to stop. */
    @FunctionalInterface
    public interface RowVisitor {
        boolean visit(RecordedRow row) throws Exception;
    }

    /**
     * Streams the snapshots of a pack between two times ({@code null}: open end) in order, or those between
     * two sequence numbers when {@code fromSeq}/{@code toSeq} are not 0; only one row is on the heap at a time.
     *
     * @return rows visited
     */
    public long forEach(long packId, Instant from, Instant to, long fromSeq, long toSeq, RowVisitor visitor)
            throws Exception {
        int address = address(packId);
        try (PreparedStatement st = db.prepareStatement(SELECT_ROWS + " WHERE pack = ? AND time_ms >= ?"
                + " AND time_ms <= ? AND seq >= ? AND seq <= ? ORDER BY seq")) {
            st.setLong(1, packId);
            st.setLong(2, from == null ? Long.MIN_VALUE : from.toEpochMilli());
            st.setLong(3, to == null ? Long.MAX_VALUE : to.toEpochMilli());
            st.setLong(4, fromSeq <= 0 ? 1 : fromSeq);
            st.setLong(5, toSeq <= 0 ? Long.MAX_VALUE : toSeq);
            st.setFetchSize(256);
            long n = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    n++;
                    if (!visitor.visit(row(rs, address))) {
                        break;
                    }
                }
            }
            return n;
        }
    }

    /** The first and last recorded time and the row count of the whole session. */
    public SessionSummary summary() throws SQLException {
        Instant start = null;
        Instant end = null;
        long rows = 0;
        int packs = 0;
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT MIN(time_ms), MAX(time_ms), COUNT(*), COUNT(DISTINCT pack)"
                    + " FROM snapshot")) {
                if (rs.next()) {
                    start = instant(rs, 1);
                    end = instant(rs, 2);
                    rows = rs.getLong(3);
                    packs = rs.getInt(4);
                }
            }
            if (start == null) {
                try (ResultSet rs = st.executeQuery("SELECT value FROM session WHERE key = 'started'")) {
                    if (rs.next()) {
                        start = Instant.parse(rs.getString(1));
                    }
                }
            }
            List<String> buses = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT label, bus_id FROM bus ORDER BY bus")) {
                while (rs.next()) {
                    String label = rs.getString(1);
                    buses.add(label == null || label.isEmpty() ? rs.getString(2) : label);
                }
            }
            return new SessionSummary(file, start, end, buses, packs, rows, SessionFiles.size(file), "");
        }
    }

    /** A fact of table {@code session}, or {@code ""}. */
    public String info(String key) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT value FROM session WHERE key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    int address(long packId) throws SQLException {
        addressOf.setLong(1, packId);
        try (ResultSet rs = addressOf.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the session has no pack " + packId);
            }
            return rs.getInt(1);
        }
    }

    static RecordedRow row(ResultSet rs, int address) throws SQLException {
        int i = 1;
        long pack = rs.getLong(i++);
        long seq = rs.getLong(i++);
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(Instant.ofEpochMilli(rs.getLong(i++)));
        for (Quantity q : QUANTITIES) {
            double v = rs.getDouble(i++);
            if (!rs.wasNull()) {
                b.set(q, v);
            }
        }
        int cells = rs.getInt(i++);
        int temps = rs.getInt(i++);
        String balancing = rs.getString(i++);
        String flags = rs.getString(i++);
        String reported = rs.getString(i++);
        b.cellCount(cells);
        for (int c = 0; c < PackSnapshot.MAX_CELLS; c++, i++) {
            if (c < cells) {
                double mv = rs.getDouble(i);
                if (!rs.wasNull()) {
                    b.cellVoltage(c, mv / 1000.0);
                }
            }
        }
        b.temperatureCount(temps);
        for (int t = 0; t < PackSnapshot.MAX_TEMPERATURES; t++, i++) {
            if (t < temps) {
                double celsius = rs.getDouble(i);
                if (!rs.wasNull()) {
                    b.temperature(t, celsius);
                }
            }
        }
        for (String n : split(balancing)) {
            b.balancing(Integer.parseInt(n) - 1, true);
        }
        for (String n : split(reported)) {
            b.reported(FlagCategory.valueOf(n));
        }
        for (String n : split(flags)) {
            PackFlag f = flagOrNull(n);
            if (f != null) {
                b.flag(f, true);
            }
        }
        return new RecordedRow(pack, seq, b.build());
    }

    /** A flag a later version renamed or dropped is left out of an old file's rows, not an error. */
    private static PackFlag flagOrNull(String name) {
        return FLAGS.get(name);
    }

    private static String[] split(String list) {
        return list == null || list.isEmpty() ? new String[0] : list.split(",");
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
}
