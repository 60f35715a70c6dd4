package org.bmsworkbench.postgres;

import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.store.Schema;

/**
 * The session-file schema ({@link Schema}, docs/recording.md) on a PostgreSQL server shared by many workbenches
 * and loggers: the same tables and columns, with server-wide keys, plus {@code recording}, one row per session
 * that fed the server, which {@code session}, {@code bus} and {@code gap} point to. Created if missing.
 */
public final class PgSchema {

    /** Held while the tables are created, so that loggers starting together do not trip over each other. */
    static final long LOCK = Schema.APPLICATION_ID;

    private PgSchema() {
    }

    public static List<String> create() {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE IF NOT EXISTS recording (session BIGSERIAL PRIMARY KEY, uid TEXT NOT NULL UNIQUE,"
                + " host TEXT NOT NULL, application TEXT NOT NULL, file TEXT NOT NULL, started_ms BIGINT NOT NULL,"
                + " written BIGINT NOT NULL DEFAULT 0)");
        sql.add("CREATE TABLE IF NOT EXISTS session (session BIGINT NOT NULL REFERENCES recording(session),"
                + " key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (session, key))");
        sql.add("CREATE TABLE IF NOT EXISTS bus (bus BIGSERIAL PRIMARY KEY, session BIGINT NOT NULL"
                + " REFERENCES recording(session), bus_id TEXT NOT NULL, label TEXT NOT NULL, protocol TEXT NOT NULL,"
                + " simulated INTEGER NOT NULL, first_ms BIGINT NOT NULL, UNIQUE (session, bus_id))");
        sql.add("CREATE TABLE IF NOT EXISTS pack (pack BIGSERIAL PRIMARY KEY, bus BIGINT NOT NULL REFERENCES bus(bus),"
                + " address INTEGER NOT NULL, cells INTEGER NOT NULL DEFAULT 0, temps INTEGER NOT NULL DEFAULT 0,"
                + " UNIQUE (bus, address))");
        StringBuilder s = new StringBuilder("CREATE TABLE IF NOT EXISTS snapshot (id BIGSERIAL PRIMARY KEY,"
                + " pack BIGINT NOT NULL REFERENCES pack(pack), seq BIGINT NOT NULL, time_ms BIGINT NOT NULL");
        for (Quantity q : Quantity.values()) {
            s.append(", ").append(Schema.column(q)).append(" DOUBLE PRECISION");
        }
        s.append(", cells INTEGER NOT NULL, temps INTEGER NOT NULL, balancing TEXT NOT NULL, flags TEXT NOT NULL,"
                + " reported TEXT NOT NULL");
        // whole millivolts and 0.1 degC fit a 4-byte REAL exactly
        for (int i = 0; i < PackSnapshot.MAX_CELLS; i++) {
            s.append(", ").append(Schema.cellColumn(i)).append(" REAL");
        }
        for (int i = 0; i < PackSnapshot.MAX_TEMPERATURES; i++) {
            s.append(", ").append(Schema.temperatureColumn(i)).append(" REAL");
        }
        sql.add(s.append(", UNIQUE (pack, seq))").toString());
        sql.add("CREATE INDEX IF NOT EXISTS snapshot_pack_time ON snapshot (pack, time_ms)");
        sql.add("CREATE TABLE IF NOT EXISTS bus_event (id BIGSERIAL PRIMARY KEY, time_ms BIGINT NOT NULL,"
                + " bus BIGINT NOT NULL REFERENCES bus(bus), state TEXT NOT NULL, detail TEXT NOT NULL)");
        sql.add("CREATE TABLE IF NOT EXISTS link_event (id BIGSERIAL PRIMARY KEY, time_ms BIGINT NOT NULL,"
                + " pack BIGINT NOT NULL REFERENCES pack(pack), state TEXT NOT NULL, last_good_ms BIGINT)");
        sql.add("CREATE TABLE IF NOT EXISTS flag_event (id BIGSERIAL PRIMARY KEY, time_ms BIGINT NOT NULL,"
                + " pack BIGINT NOT NULL REFERENCES pack(pack), flag TEXT NOT NULL, category TEXT NOT NULL,"
                + " raised INTEGER NOT NULL)");
        sql.add("CREATE INDEX IF NOT EXISTS flag_event_pack_time ON flag_event (pack, time_ms)");
        sql.add("CREATE TABLE IF NOT EXISTS command (id BIGSERIAL PRIMARY KEY, time_ms BIGINT NOT NULL,"
                + " bus BIGINT NOT NULL REFERENCES bus(bus), command_id BIGINT NOT NULL, label TEXT NOT NULL,"
                + " state TEXT NOT NULL, detail TEXT NOT NULL)");
        sql.add("CREATE TABLE IF NOT EXISTS gap (id BIGSERIAL PRIMARY KEY, session BIGINT NOT NULL"
                + " REFERENCES recording(session), from_ms BIGINT NOT NULL, to_ms BIGINT NOT NULL,"
                + " reason TEXT NOT NULL, skipped BIGINT NOT NULL)");
        sql.add("CREATE TABLE IF NOT EXISTS unit (column_name TEXT PRIMARY KEY, unit TEXT NOT NULL)");
        sql.add("CREATE OR REPLACE VIEW snapshot_time AS SELECT s.*, to_timestamp(s.time_ms / 1000.0) AS time_utc,"
                + " b.bus_id, p.address, r.session, r.host FROM snapshot s JOIN pack p ON p.pack = s.pack"
                + " JOIN bus b ON b.bus = p.bus JOIN recording r ON r.session = b.session");
        return sql;
    }
}
