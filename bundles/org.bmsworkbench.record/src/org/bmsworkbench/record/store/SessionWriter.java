package org.bmsworkbench.record.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * Writes one new session file. Not thread-safe: one writer thread owns it. Rows go into the open transaction;
 * {@link #commit()} makes them durable (the recorder commits at least once a second). A {@link SQLException}
 * leaves everything committed before it readable.
 */
public final class SessionWriter implements AutoCloseable {

    private static final Quantity[] QUANTITIES = Quantity.values();
    private static final int FIXED = 4;

    private final Path file;
    private final Connection db;
    private final PreparedStatement insertSnapshot;
    private final PreparedStatement insertBus;
    private final PreparedStatement insertBusEvent;
    private final PreparedStatement insertPack;
    private final PreparedStatement updatePackSize;
    private final PreparedStatement insertLink;
    private final PreparedStatement insertFlag;
    private final PreparedStatement insertCommand;
    private final PreparedStatement insertGap;
    private PreparedStatement insertDeviceRecord;
    private final PreparedStatement insertTrend;
    private final Map<String, Long> buses = new HashMap<>();
    private final Map<String, PackRow> packs = new HashMap<>();
    private long nextBus = 1;
    private long nextPack = 1;
    private boolean pending;
    private Map<String, Long> committedRows = Map.of();

    private static final class PackRow {
        final long id;
        long seq;
        int cells;
        int temps;
        final TrendRollup.Bucket bucket = new TrendRollup.Bucket();

        PackRow(long id) {
            this.id = id;
        }
    }

    private SessionWriter(Path file, Connection db) throws SQLException {
        this.file = file;
        this.db = db;
        StringBuilder cols = new StringBuilder("INSERT INTO snapshot (pack, seq, time_ms");
        StringBuilder marks = new StringBuilder("?, ?, ?");
        for (String c : Schema.snapshotValueColumns()) {
            cols.append(", ").append(c);
            marks.append(", ?");
        }
        insertSnapshot = db.prepareStatement(cols + ") VALUES (" + marks + ")");
        insertBus = db.prepareStatement(
                "INSERT INTO bus (bus, bus_id, label, protocol, simulated, first_ms) VALUES (?, ?, ?, ?, ?, ?)");
        insertBusEvent = db.prepareStatement("INSERT INTO bus_event (time_ms, bus, state, detail) VALUES (?, ?, ?, ?)");
        insertPack = db.prepareStatement("INSERT INTO pack (pack, bus, address) VALUES (?, ?, ?)");
        updatePackSize = db.prepareStatement("UPDATE pack SET cells = ?, temps = ? WHERE pack = ?");
        insertLink = db.prepareStatement(
                "INSERT INTO link_event (time_ms, pack, state, last_good_ms) VALUES (?, ?, ?, ?)");
        insertFlag = db.prepareStatement(
                "INSERT INTO flag_event (time_ms, pack, flag, category, raised) VALUES (?, ?, ?, ?, ?)");
        insertCommand = db.prepareStatement(
                "INSERT INTO command (time_ms, bus, command_id, label, state, detail) VALUES (?, ?, ?, ?, ?, ?)");
        insertGap = db.prepareStatement("INSERT INTO gap (from_ms, to_ms, reason, skipped) VALUES (?, ?, ?, ?)");
        insertTrend = TrendRollup.prepareInsert(db);
    }

    /**
     * Creates a new session file (refusing one that exists) with the schema and the session's facts.
     *
     * @param info         rows of table {@code session} (application version, host, decimation, ...)
     * @param maxPageCount the file's size limit in pages ({@code PRAGMA max_page_count}), 0 for SQLite's own
     */
    public static SessionWriter create(Path file, Map<String, String> info, long maxPageCount) throws SQLException {
        if (Files.exists(file)) {
            throw new SQLException("the session file " + file + " exists already");
        }
        Connection db = SessionFiles.openForWriting(file);
        try {
            try (Statement st = db.createStatement()) {
                // the page size must be set before WAL mode, which fixes it for good
                st.execute("PRAGMA page_size = " + SessionFiles.PAGE_SIZE);
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                if (maxPageCount > 0) {
                    st.execute("PRAGMA max_page_count = " + maxPageCount);
                }
                db.setAutoCommit(false);
                for (String sql : Schema.create()) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version = " + Schema.VERSION);
            }
            try (PreparedStatement units = db.prepareStatement("INSERT INTO unit (column_name, unit) VALUES (?, ?)");
                    PreparedStatement facts = db.prepareStatement("INSERT INTO session (key, value) VALUES (?, ?)")) {
                for (String[] u : Schema.units()) {
                    units.setString(1, u[0]);
                    units.setString(2, u[1]);
                    units.addBatch();
                }
                units.executeBatch();
                facts.setString(1, "schema_version");
                facts.setString(2, Integer.toString(Schema.VERSION));
                facts.executeUpdate();
                for (Map.Entry<String, String> e : info.entrySet()) {
                    facts.setString(1, e.getKey());
                    facts.setString(2, e.getValue());
                    facts.executeUpdate();
                }
            }
            db.commit();
            return new SessionWriter(file, db);
        } catch (SQLException e) {
            closeQuietly(db, e);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** Records a bus state (and the bus itself the first time it is seen). */
    public void bus(BusStatus status) throws SQLException {
        long bus = busKey(status.busId(), status.label(), status.protocol(), status.isSimulated(), status.time());
        insertBusEvent.setLong(1, status.time().toEpochMilli());
        insertBusEvent.setLong(2, bus);
        insertBusEvent.setString(3, status.state().name());
        insertBusEvent.setString(4, status.detail());
        insertBusEvent.executeUpdate();
        pending = true;
    }

    /**
     * Names a bus that was open before this file began (a new session), without a state change: its rows are
     * then labelled as in the workbench.
     */
    public void knownBus(BusStatus status) throws SQLException {
        busKey(status.busId(), status.label(), status.protocol(), status.isSimulated(), status.time());
        pending = true;
    }

    /** Records one snapshot of a pack; returns its sequence number in the pack (1 for the first). */
    public long snapshot(String busId, PackSnapshot s) throws SQLException {
        PackRow pack = pack(busId, s.address(), s.time());
        int cells = s.cellCount();
        int temps = s.temperatureCount();
        PreparedStatement st = insertSnapshot;
        int i = 1;
        st.setLong(i++, pack.id);
        st.setLong(i++, pack.seq + 1);
        st.setLong(i++, s.time().toEpochMilli());
        for (Quantity q : QUANTITIES) {
            setValue(st, i++, s.get(q));
        }
        st.setInt(i++, cells);
        st.setInt(i++, temps);
        st.setString(i++, balancing(s));
        st.setString(i++, flags(s));
        st.setString(i++, reported(s));
        for (int c = 0; c < PackSnapshot.MAX_CELLS; c++) {
            setValue(st, i++, c < cells ? millivolts(s.cellVoltage(c)) : Double.NaN);
        }
        for (int t = 0; t < PackSnapshot.MAX_TEMPERATURES; t++) {
            setValue(st, i++, t < temps ? s.temperature(t) : Double.NaN);
        }
        st.executeUpdate();
        if (!pack.bucket.add(s)) {
            pack.bucket.write(insertTrend, pack.id);
            pack.bucket.add(s);
        }
        pack.seq++;
        if (cells > pack.cells || temps > pack.temps) {
            pack.cells = Math.max(cells, pack.cells);
            pack.temps = Math.max(temps, pack.temps);
            updatePackSize.setInt(1, pack.cells);
            updatePackSize.setInt(2, pack.temps);
            updatePackSize.setLong(3, pack.id);
            updatePackSize.executeUpdate();
        }
        pending = true;
        return pack.seq;
    }

    /** Records a pack's link state. */
    public void link(PackStatus status) throws SQLException {
        PackRow pack = pack(status.busId(), status.address(), status.time());
        insertLink.setLong(1, status.time().toEpochMilli());
        insertLink.setLong(2, pack.id);
        insertLink.setString(3, status.state().name());
        if (status.lastGoodAnswer() == null) {
            insertLink.setNull(4, Types.INTEGER);
        } else {
            insertLink.setLong(4, status.lastGoodAnswer().toEpochMilli());
        }
        insertLink.executeUpdate();
        pending = true;
    }

    /** Records an alarm, protection or detection flag raised or cleared. */
    public void flag(FlagChange change) throws SQLException {
        PackRow pack = pack(change.busId(), change.address(), change.time());
        insertFlag.setLong(1, change.time().toEpochMilli());
        insertFlag.setLong(2, pack.id);
        insertFlag.setString(3, change.flag().name());
        insertFlag.setString(4, change.flag().category().name());
        insertFlag.setInt(5, change.raised() ? 1 : 0);
        insertFlag.executeUpdate();
        pending = true;
    }

    /** Records a command's progress (the recorder passes its final state, and its start). */
    public void command(CommandProgress progress) throws SQLException {
        long bus = busKey(progress.busId(), "", "", false, progress.time());
        insertCommand.setLong(1, progress.time().toEpochMilli());
        insertCommand.setLong(2, bus);
        insertCommand.setLong(3, progress.commandId());
        insertCommand.setString(4, progress.label());
        insertCommand.setString(5, progress.state().name());
        insertCommand.setString(6, progress.detail());
        insertCommand.executeUpdate();
        pending = true;
    }

    /** Records a stretch of time in which snapshots were not recorded, and why. */
    public void gap(Instant from, Instant to, String reason, long skipped) throws SQLException {
        insertGap.setLong(1, from.toEpochMilli());
        insertGap.setLong(2, to.toEpochMilli());
        insertGap.setString(3, reason);
        insertGap.setLong(4, skipped);
        insertGap.executeUpdate();
        pending = true;
    }

    /** Records a fact about the session (replacing an earlier value of the same key). */
    public void info(String key, String value) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("INSERT OR REPLACE INTO session (key, value) VALUES (?, ?)")) {
            st.setString(1, key);
            st.setString(2, value);
            st.executeUpdate();
        }
        pending = true;
    }

    /** Keeps records read from a board's store (issue 16); a record kept already is left out. */
    public int deviceRecords(List<DeviceRecordRows.Row> rows) throws SQLException {
        if (insertDeviceRecord == null) {
            insertDeviceRecord = DeviceRecordRows.prepareInsert(db);
        }
        int added = DeviceRecordRows.insert(insertDeviceRecord, rows);
        pending = true;
        return added;
    }

    /** Whether rows wait for {@link #commit()}. */
    public boolean pending() {
        return pending;
    }

    public void commit() throws SQLException {
        if (pending) {
            db.commit();
            pending = false;
            Map<String, Long> rows = new HashMap<>();
            packs.forEach((key, row) -> rows.put(key, row.seq));
            committedRows = Map.copyOf(rows);
        }
    }

    /** Committed rows of each pack, key {@code busId#address}: what a reader of the file can see. */
    public Map<String, Long> rows() {
        return committedRows;
    }

    /** Commits what is pending and closes the file; the write-ahead log is folded into the file. */
    @Override
    public void close() throws SQLException {
        try {
            for (PackRow pack : packs.values()) {
                if (pack.bucket.count > 0) {
                    pack.bucket.write(insertTrend, pack.id);
                    pending = true;
                }
            }
            commit();
            db.setAutoCommit(true);
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        } finally {
            db.close();
        }
    }

    /** Closes the file without committing; what was committed stays. */
    public void abandon() throws SQLException {
        // closing rolls back an open transaction; after SQLITE_FULL SQLite has rolled it back already
        db.close();
    }

    private long busKey(String busId, String label, String protocol, boolean simulated, Instant time)
            throws SQLException {
        Long key = buses.get(busId);
        if (key != null) {
            return key;
        }
        long id = nextBus;
        insertBus.setLong(1, id);
        insertBus.setString(2, busId);
        insertBus.setString(3, label);
        insertBus.setString(4, protocol);
        insertBus.setInt(5, simulated ? 1 : 0);
        insertBus.setLong(6, time.toEpochMilli());
        insertBus.executeUpdate();
        nextBus++;
        buses.put(busId, id);
        return id;
    }

    private PackRow pack(String busId, int address, Instant time) throws SQLException {
        String key = busId + "#" + address;
        PackRow row = packs.get(key);
        if (row != null) {
            return row;
        }
        long bus = busKey(busId, "", "", false, time);
        long id = nextPack;
        insertPack.setLong(1, id);
        insertPack.setLong(2, bus);
        insertPack.setInt(3, address);
        insertPack.executeUpdate();
        nextPack++;
        row = new PackRow(id);
        packs.put(key, row);
        return row;
    }

    private static void setValue(PreparedStatement st, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            st.setNull(index, Types.REAL);
        } else {
            st.setDouble(index, value);
        }
    }

    /** Millivolts to the microvolt, so that 3.312 V is stored as exactly 3312 (which SQLite keeps in 2 bytes). */
    public static double millivolts(double volts) {
        return Double.isNaN(volts) ? Double.NaN : Math.round(volts * 1_000_000.0) / 1000.0;
    }

    /** The {@code balancing} column: the numbers of the cells being balanced, {@code 3,17}. */
    public static String balancing(PackSnapshot s) {
        StringJoiner j = new StringJoiner(",");
        s.balancing().stream().forEach(i -> j.add(Integer.toString(i + 1)));
        return j.toString();
    }

    /** The {@code flags} column: the active flags by name. */
    public static String flags(PackSnapshot s) {
        StringJoiner j = new StringJoiner(",");
        for (PackFlag f : s.flags()) {
            j.add(f.name());
        }
        return j.toString();
    }

    /** The {@code reported} column: the flag groups the pack reported. */
    public static String reported(PackSnapshot s) {
        StringJoiner j = new StringJoiner(",");
        for (FlagCategory c : s.reportedFlagCategories()) {
            j.add(c.name());
        }
        return j.toString();
    }

    private static void closeQuietly(Connection db, SQLException cause) {
        try {
            db.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
