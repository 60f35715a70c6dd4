package org.bmsworkbench.record.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * The layout of a session file, version {@value #VERSION} ({@code PRAGMA user_version}); documented for
 * people who open a session without our code in {@code docs/recording.md}. Values people query are plain
 * columns: one per {@link Quantity}, {@code v1..v176} for the cells (mV) and {@code t1..t33} for the
 * temperatures (°C); an absent value is NULL, never 0.
 */
public final class Schema {

    /** {@code PRAGMA user_version} of the files this code writes and reads. */
    public static final int VERSION = 3;

    /** The first version with the device record table; files of version 1 have none and read as holding no records. */
    public static final int DEVICE_RECORDS_SINCE = 2;

    /** The first version with the trend rollup ({@link TrendRollup}); older files are charted from their snapshots. */
    public static final int TREND_SINCE = 3;

    /** {@code PRAGMA application_id}: "BMSW", so that {@code file(1)} and our readers know the file. */
    public static final int APPLICATION_ID = 0x424D5357;

    /** File name extension of a session. */
    public static final String EXTENSION = ".sqlite";

    private Schema() {
    }

    /** The column of a quantity: its key in snake case ({@code remainingCapacity} → {@code remaining_capacity}). */
    public static String column(Quantity q) {
        return q.key().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** The column of cell {@code index} (0-based): {@code v1} for the first. */
    public static String cellColumn(int index) {
        return "v" + (index + 1);
    }

    /** The column of temperature {@code index} (0-based): {@code t1} for the first. */
    public static String temperatureColumn(int index) {
        return "t" + (index + 1);
    }

    /** The value columns of {@code snapshot} after {@code id, pack, seq, time_ms}, in table order. */
    public static List<String> snapshotValueColumns() {
        List<String> columns = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            columns.add(column(q));
        }
        columns.add("cells");
        columns.add("temps");
        columns.add("balancing");
        columns.add("flags");
        columns.add("reported");
        for (int i = 0; i < PackSnapshot.MAX_CELLS; i++) {
            columns.add(cellColumn(i));
        }
        for (int i = 0; i < PackSnapshot.MAX_TEMPERATURES; i++) {
            columns.add(temperatureColumn(i));
        }
        return columns;
    }

    /** The statements that create an empty session file. */
    public static List<String> create() {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE session (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        sql.add("CREATE TABLE bus (bus INTEGER PRIMARY KEY, bus_id TEXT NOT NULL UNIQUE, label TEXT NOT NULL,"
                + " protocol TEXT NOT NULL, simulated INTEGER NOT NULL, first_ms INTEGER NOT NULL)");
        sql.add("CREATE TABLE pack (pack INTEGER PRIMARY KEY, bus INTEGER NOT NULL REFERENCES bus(bus),"
                + " address INTEGER NOT NULL, cells INTEGER NOT NULL DEFAULT 0, temps INTEGER NOT NULL DEFAULT 0,"
                + " UNIQUE (bus, address))");
        StringBuilder snapshot = new StringBuilder("CREATE TABLE snapshot (id INTEGER PRIMARY KEY,"
                + " pack INTEGER NOT NULL REFERENCES pack(pack), seq INTEGER NOT NULL, time_ms INTEGER NOT NULL");
        for (Quantity q : Quantity.values()) {
            snapshot.append(", ").append(column(q)).append(" REAL");
        }
        snapshot.append(", cells INTEGER NOT NULL, temps INTEGER NOT NULL, balancing TEXT NOT NULL,"
                + " flags TEXT NOT NULL, reported TEXT NOT NULL");
        // NUMERIC, not REAL: a whole number of millivolts is then kept as a 2-byte integer on every SQLite version
        // (sqlite-jdbc's 3.54 stores whole REALs in 8 bytes once the table has indexes), a fraction as a REAL
        for (int i = 0; i < PackSnapshot.MAX_CELLS; i++) {
            snapshot.append(", ").append(cellColumn(i)).append(" NUMERIC");
        }
        for (int i = 0; i < PackSnapshot.MAX_TEMPERATURES; i++) {
            snapshot.append(", ").append(temperatureColumn(i)).append(" REAL");
        }
        sql.add(snapshot.append(')').toString());
        sql.add("CREATE UNIQUE INDEX snapshot_pack_seq ON snapshot (pack, seq)");
        sql.add("CREATE INDEX snapshot_pack_time ON snapshot (pack, time_ms)");
        sql.add("CREATE TABLE bus_event (id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL,"
                + " bus INTEGER NOT NULL REFERENCES bus(bus), state TEXT NOT NULL, detail TEXT NOT NULL)");
        sql.add("CREATE TABLE link_event (id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL,"
                + " pack INTEGER NOT NULL REFERENCES pack(pack), state TEXT NOT NULL, last_good_ms INTEGER)");
        sql.add("CREATE TABLE flag_event (id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL,"
                + " pack INTEGER NOT NULL REFERENCES pack(pack), flag TEXT NOT NULL, category TEXT NOT NULL,"
                + " raised INTEGER NOT NULL)");
        sql.add("CREATE TABLE command (id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL,"
                + " bus INTEGER NOT NULL REFERENCES bus(bus), command_id INTEGER NOT NULL, label TEXT NOT NULL,"
                + " state TEXT NOT NULL, detail TEXT NOT NULL)");
        sql.add("CREATE TABLE gap (id INTEGER PRIMARY KEY, from_ms INTEGER NOT NULL, to_ms INTEGER NOT NULL,"
                + " reason TEXT NOT NULL, skipped INTEGER NOT NULL)");
        sql.add("CREATE TABLE unit (column_name TEXT PRIMARY KEY, unit TEXT NOT NULL)");
        sql.addAll(createDeviceRecords());
        sql.addAll(TrendRollup.create());
        sql.add("CREATE VIEW snapshot_time AS SELECT s.*, strftime('%Y-%m-%d %H:%M:%f', s.time_ms / 1000.0,"
                + " 'unixepoch') AS time_utc, b.bus_id, p.address FROM snapshot s JOIN pack p ON p.pack = s.pack"
                + " JOIN bus b ON b.bus = p.bus");
        return sql;
    }

    /** The columns of {@code device_record} that hold a record's values, after {@code code}, in table order. */
    public static final List<String> DEVICE_RECORD_VALUES = List.of("voltage", "current", "soc", "min_cell_voltage",
            "max_cell_voltage", "environment_temperature", "mosfet_temperature");

    /**
     * The statements that add the device records (issue 16: the Data Record and Alarm Record pages) to a file:
     * one row per record read from a board's store, keyed by the board's identity and the record's fingerprint,
     * so that reading a board again keeps one row per record. Safe to run on a file that has them.
     */
    public static List<String> createDeviceRecords() {
        List<String> sql = new ArrayList<>();
        StringBuilder t = new StringBuilder("CREATE TABLE IF NOT EXISTS device_record (id INTEGER PRIMARY KEY,"
                + " board TEXT NOT NULL, bus_id TEXT NOT NULL, address INTEGER NOT NULL, kind TEXT NOT NULL,"
                + " idx INTEGER NOT NULL, board_time TEXT, read_ms INTEGER NOT NULL, mode TEXT NOT NULL,"
                + " code INTEGER NOT NULL");
        for (String c : DEVICE_RECORD_VALUES) {
            t.append(", ").append(c).append(" REAL");
        }
        t.append(", flags TEXT NOT NULL, temps INTEGER NOT NULL");
        for (int i = 0; i < PackSnapshot.MAX_TEMPERATURES; i++) {
            t.append(", ").append(temperatureColumn(i)).append(" REAL");
        }
        t.append(", damage TEXT NOT NULL, clock_not_set INTEGER NOT NULL, fingerprint TEXT NOT NULL,"
                + " UNIQUE (board, kind, fingerprint))");
        sql.add(t.toString());
        sql.add("CREATE INDEX IF NOT EXISTS device_record_board ON device_record (board, kind, idx)");
        return sql;
    }

    /** The rows of table {@code unit}: every value column of {@code snapshot} with its unit. */
    public static List<String[]> units() {
        List<String[]> units = new ArrayList<>();
        units.add(new String[] { "time_ms", "ms since 1970-01-01 UTC" });
        for (Quantity q : Quantity.values()) {
            units.add(new String[] { column(q), q.unit() });
        }
        for (int i = 0; i < PackSnapshot.MAX_CELLS; i++) {
            units.add(new String[] { cellColumn(i), "mV" });
        }
        for (int i = 0; i < PackSnapshot.MAX_TEMPERATURES; i++) {
            units.add(new String[] { temperatureColumn(i), "\u00b0C" });
        }
        return units;
    }
}
