package org.bmsworkbench.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.store.Schema;
import org.bmsworkbench.record.store.SessionWriter;

/**
 * Writes what the buses report into a PostgreSQL server, in the session-file schema ({@link PgSchema}).
 * {@link #accept(Object)} never blocks: entries go into a bounded queue that one writer thread drains in
 * batches, one transaction each. When the server goes away the batch is kept and written again after reconnecting
 * (backoff 1 s doubling to 30 s); every entry carries a number and the session's {@code recording.written} holds
 * the last one committed, in the same transaction, so a batch whose commit was cut off is not written twice.
 * When the queue is full snapshots are skipped and counted, and the stretch becomes a {@code gap} row.
 */
public final class PostgresSink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PostgresSink.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int BATCH = 2000;
    private static final Quantity[] QUANTITIES = Quantity.values();

    /** One queued entry: its number in this session and, for a snapshot, its number in its pack. */
    private record Item(long n, Object payload, long seq) {
    }

    private final PostgresSettings settings;
    private final Map<String, String> info;
    private final Supplier<String> file;
    private final Consumer<String> log;
    private final Consumer<PostgresStatus> statusSink;
    private final Clock clock;
    private final String uid = UUID.randomUUID().toString();
    private final BlockingQueue<Item> queue;
    private final Thread thread;
    private final Map<String, long[]> packSeq = new HashMap<>();
    private final Map<String, PackLinkState> linkStates = new HashMap<>();
    private final Map<String, Long> lastKept = new HashMap<>();
    private long nextNumber = 1;
    private long skipped;
    private Instant skippedSince;
    private Instant skippedUntil;
    private volatile boolean stopping;
    private volatile long deadline = Long.MAX_VALUE;
    private volatile PostgresStatus status;

    // writer thread only
    private final List<Item> batch = new ArrayList<>();
    private final Map<String, Long> busKeys = new HashMap<>();
    private final Map<String, long[]> packKeys = new HashMap<>();
    private Connection db;
    private long session;
    private String storedFile = "";
    private long written;
    private long skippedWritten;
    private Instant nextAttempt = Instant.EPOCH;
    private Duration backoff = FIRST_RETRY;
    private volatile boolean failed;
    private boolean triedAtEnd;

    /**
     * @param info       facts about the session (application, version, host), rows of table {@code session}
     * @param file       the session file being recorded beside, named in {@code recording.file}
     * @param log        one line per event of note (connected, lost, refused)
     * @param statusSink each new status, on the writer thread
     */
    public PostgresSink(PostgresSettings settings, Map<String, String> info, Supplier<String> file,
            Consumer<String> log, Consumer<PostgresStatus> statusSink, Clock clock) {
        this.settings = settings;
        this.info = Map.copyOf(info);
        this.file = file;
        this.log = log;
        this.statusSink = statusSink;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.status = new PostgresStatus(PostgresStatus.State.OFF, "", 0, 0, 0, clock.instant());
        this.thread = new Thread(this::run, "bmsw-postgres");
        thread.setDaemon(true);
    }

    public PostgresSink start() {
        thread.start();
        return this;
    }

    public PostgresStatus status() {
        return status;
    }

    /**
     * Takes one event payload ({@link PackData}, {@link BusStatus}, {@link PackStatus}, {@link FlagChange},
     * {@link CommandProgress}) as the session recorder does; anything else is ignored. Never blocks.
     */
    public void accept(Object payload) {
        if (stopping || failed) {
            return;
        }
        synchronized (this) {
            switch (payload) {
                case PackData d -> snapshot(d);
                case PackStatus p -> {
                    // the bus repeats ONLINE once a second so that ages stay right; only changes are history
                    if (linkStates.put(p.busId() + "#" + p.address(), p.state()) != p.state()) {
                        offer(p, 0);
                    }
                }
                case CommandProgress c -> {
                    if (c.state() != CommandProgress.State.RUNNING || c.done() == 0) {
                        offer(c, 0);
                    }
                }
                case BusStatus b -> offer(b, 0);
                case FlagChange f -> offer(f, 0);
                default -> {
                }
            }
        }
    }

    private void snapshot(PackData d) {
        String key = d.busId() + "#" + d.address();
        long time = d.snapshot().time().toEpochMilli();
        Long last = lastKept.get(key);
        long interval = settings.decimation().toMillis();
        if (last != null && interval > 0 && time - last < interval && time >= last) {
            return;
        }
        long[] seq = packSeq.computeIfAbsent(key, k -> new long[1]);
        if (offer(d, seq[0] + 1)) {
            seq[0]++;
            lastKept.put(key, time);
        } else {
            Instant t = d.snapshot().time();
            skipped++;
            skippedSince = skippedSince == null ? t : skippedSince;
            skippedUntil = t;
        }
    }

    private boolean offer(Object payload, long seq) {
        if (queue.offer(new Item(nextNumber, payload, seq))) {
            nextNumber++;
            return true;
        }
        return false;
    }

    /** Writes what is queued, waiting at most {@code timeout} for the server, then closes the connection. */
    public void close(Duration timeout) throws InterruptedException {
        deadline = System.nanoTime() + timeout.toNanos();
        stopping = true;
        thread.join(timeout.toMillis() + 2000);
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(10));
    }

    private void run() {
        try {
            while (!failed) {
                boolean empty = batch.isEmpty() && queue.isEmpty() && pendingGap() == null;
                if (stopping && (empty || System.nanoTime() > deadline)) {
                    break;
                }
                if (batch.size() < BATCH) {
                    Item first = batch.isEmpty() ? queue.poll(200, TimeUnit.MILLISECONDS) : queue.poll();
                    if (first != null) {
                        batch.add(first);
                        queue.drainTo(batch, BATCH - batch.size());
                    }
                }
                if (batch.isEmpty() && pendingGap() == null) {
                    continue;
                }
                if (db == null) {
                    if (stopping) {
                        // one more try at the end, then what is left stays in the session file only
                        if (triedAtEnd) {
                            break;
                        }
                        triedAtEnd = true;
                        connect();
                        continue;
                    }
                    if (clock.instant().isBefore(nextAttempt)) {
                        Thread.sleep(100);
                        continue;
                    }
                    connect();
                    continue;
                }
                try {
                    write();
                } catch (SQLException e) {
                    lost(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the PostgreSQL writer stopped", e);
            log.accept("PostgreSQL: the writer stopped: " + e);
            failed = true;
            setStatus(PostgresStatus.State.FAILED, String.valueOf(e.getMessage()));
        } finally {
            int left = batch.size() + queue.size();
            if (left > 0) {
                log.accept("PostgreSQL: " + left + " entries were not written before the end (the session file has them)");
            }
            closeConnection();
            if (!failed) {
                setStatus(PostgresStatus.State.OFF, "");
            }
        }
    }

    private synchronized long[] pendingGap() {
        if (skipped > skippedWritten && skippedSince != null) {
            return new long[] { skippedSince.toEpochMilli(), skippedUntil.toEpochMilli(), skipped - skippedWritten };
        }
        return null;
    }

    private synchronized void gapWritten(long count) {
        skippedWritten += count;
        skippedSince = null;
    }

    private void connect() {
        setStatus(PostgresStatus.State.CONNECTING, "");
        Properties p = new Properties();
        if (!settings.user().isEmpty()) {
            p.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            p.setProperty("password", settings.password());
        }
        p.setProperty("connectTimeout", "10");
        // a server that stops answering mid-statement must not hold the writer for ever
        p.setProperty("socketTimeout", "60");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("ApplicationName", "BMS Workbench");
        Connection c = null;
        try {
            c = new org.postgresql.Driver().connect(settings.url(), p);
            if (c == null) {
                throw new SQLException("not a PostgreSQL JDBC URL: " + settings.safeUrl(), "08001");
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + PgSchema.LOCK + ")");
                for (String sql : PgSchema.create()) {
                    st.execute(sql);
                }
            }
            try (PreparedStatement units = c.prepareStatement(
                    "INSERT INTO unit (column_name, unit) VALUES (?, ?) ON CONFLICT (column_name) DO NOTHING")) {
                for (String[] u : Schema.units()) {
                    units.setString(1, u[0]);
                    units.setString(2, u[1]);
                    units.addBatch();
                }
                units.executeBatch();
            }
            long lastWritten;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO recording (uid, host, application, file,"
                    + " started_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET file = EXCLUDED.file"
                    + " RETURNING session, written")) {
                st.setString(1, uid);
                st.setString(2, info.getOrDefault("host", ""));
                st.setString(3, info.getOrDefault("application", "BMS Workbench"));
                String f = file.get();
                storedFile = f == null ? "" : f;
                st.setString(4, storedFile);
                st.setLong(5, clock.millis());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    session = rs.getLong(1);
                    lastWritten = rs.getLong(2);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO session (session, key, value) VALUES (?, ?, ?)"
                    + " ON CONFLICT (session, key) DO UPDATE SET value = EXCLUDED.value")) {
                Map<String, String> facts = new HashMap<>(info);
                facts.put("schema_version", Integer.toString(Schema.VERSION));
                facts.put("uid", uid);
                for (Map.Entry<String, String> e : facts.entrySet()) {
                    st.setLong(1, session);
                    st.setString(2, e.getKey());
                    st.setString(3, e.getValue());
                    st.addBatch();
                }
                st.executeBatch();
            }
            c.commit();
            // a batch whose commit reached the server before the connection broke is not written again
            batch.removeIf(i -> i.n() <= lastWritten);
            written = Math.max(written, lastWritten);
            db = c;
            backoff = FIRST_RETRY;
            log.accept("PostgreSQL: connected to " + settings.safeUrl() + " (session " + session + ")");
            setStatus(PostgresStatus.State.CONNECTED, "");
        } catch (SQLException e) {
            closeQuietly(c);
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            // 28xxx: authentication; 3D000: no such database; 42501: no right to create or write the tables
            if (state.startsWith("28") || state.equals("3D000") || state.equals("42501")) {
                failed = true;
                String line = "the server refused this client: " + reason(e);
                log.accept("PostgreSQL: " + line);
                setStatus(PostgresStatus.State.FAILED, line);
                return;
            }
            String why = "cannot connect to " + settings.safeUrl() + ": " + reason(e);
            log.accept("PostgreSQL: " + why + "; retrying in " + backoff.toSeconds() + " s");
            retryLater(why);
        }
    }

    private void retryLater(String why) {
        nextAttempt = clock.instant().plus(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : backoff.multipliedBy(2);
        setStatus(PostgresStatus.State.DISCONNECTED, why);
    }

    private void lost(SQLException e) {
        closeConnection();
        // keys made in the transaction that failed are gone; upserts find or make them again
        busKeys.clear();
        packKeys.clear();
        String why = "lost the connection to " + settings.safeUrl() + ": " + reason(e);
        log.accept("PostgreSQL: " + why + "; " + batch.size() + " entries kept, retrying in " + backoff.toSeconds() + " s");
        retryLater(why);
    }

    private void write() throws SQLException {
        List<String> columns = Schema.snapshotValueColumns();
        StringBuilder cols = new StringBuilder("INSERT INTO snapshot (pack, seq, time_ms");
        StringBuilder marks = new StringBuilder("?, ?, ?");
        for (String c : columns) {
            cols.append(", ").append(c);
            marks.append(", ?");
        }
        long last = 0;
        int rows = 0;
        try (PreparedStatement snapshots = db.prepareStatement(cols + ") VALUES (" + marks
                + ") ON CONFLICT (pack, seq) DO NOTHING");
                PreparedStatement busEvents = db.prepareStatement(
                        "INSERT INTO bus_event (time_ms, bus, state, detail) VALUES (?, ?, ?, ?)");
                PreparedStatement links = db.prepareStatement(
                        "INSERT INTO link_event (time_ms, pack, state, last_good_ms) VALUES (?, ?, ?, ?)");
                PreparedStatement flags = db.prepareStatement(
                        "INSERT INTO flag_event (time_ms, pack, flag, category, raised) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement commands = db.prepareStatement("INSERT INTO command (time_ms, bus, command_id,"
                        + " label, state, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Item item : batch) {
                last = Math.max(last, item.n());
                switch (item.payload()) {
                    case PackData d -> {
                        addSnapshot(snapshots, d, item.seq());
                        rows++;
                    }
                    case BusStatus b -> {
                        busEvents.setLong(1, b.time().toEpochMilli());
                        busEvents.setLong(2, bus(b.busId(), b.label(), b.protocol(), b.isSimulated(), b.time()));
                        busEvents.setString(3, b.state().name());
                        busEvents.setString(4, b.detail());
                        busEvents.addBatch();
                    }
                    case PackStatus p -> {
                        links.setLong(1, p.time().toEpochMilli());
                        links.setLong(2, pack(p.busId(), p.address(), 0, 0, p.time()));
                        links.setString(3, p.state().name());
                        if (p.lastGoodAnswer() == null) {
                            links.setNull(4, Types.BIGINT);
                        } else {
                            links.setLong(4, p.lastGoodAnswer().toEpochMilli());
                        }
                        links.addBatch();
                    }
                    case FlagChange f -> {
                        flags.setLong(1, f.time().toEpochMilli());
                        flags.setLong(2, pack(f.busId(), f.address(), 0, 0, f.time()));
                        flags.setString(3, f.flag().name());
                        flags.setString(4, f.flag().category().name());
                        flags.setInt(5, f.raised() ? 1 : 0);
                        flags.addBatch();
                    }
                    case CommandProgress c -> {
                        commands.setLong(1, c.time().toEpochMilli());
                        commands.setLong(2, bus(c.busId(), "", "", false, c.time()));
                        commands.setLong(3, c.commandId());
                        commands.setString(4, c.label());
                        commands.setString(5, c.state().name());
                        commands.setString(6, c.detail());
                        commands.addBatch();
                    }
                    default -> throw new IllegalStateException("cannot write " + item.payload().getClass().getName());
                }
            }
            snapshots.executeBatch();
            busEvents.executeBatch();
            links.executeBatch();
            flags.executeBatch();
            commands.executeBatch();
        }
        long[] gap = pendingGap();
        if (gap != null) {
            try (PreparedStatement st = db.prepareStatement(
                    "INSERT INTO gap (session, from_ms, to_ms, reason, skipped) VALUES (?, ?, ?, 'server behind', ?)")) {
                st.setLong(1, session);
                st.setLong(2, gap[0]);
                st.setLong(3, gap[1]);
                st.setLong(4, gap[2]);
                st.executeUpdate();
            }
        }
        String f = file.get();
        boolean newFile = f != null && !f.equals(storedFile);
        if (last > 0 || newFile) {
            // the session file is named once the recorder has made it, usually after the first connection
            try (PreparedStatement st = db.prepareStatement(
                    "UPDATE recording SET written = GREATEST(written, ?), file = ? WHERE session = ?")) {
                st.setLong(1, last);
                st.setString(2, newFile ? f : storedFile);
                st.setLong(3, session);
                st.executeUpdate();
            }
        }
        db.commit();
        if (newFile) {
            storedFile = f;
        }
        if (gap != null) {
            gapWritten(gap[2]);
        }
        written = Math.max(written, last);
        batch.clear();
        if (rows > 0 || gap != null) {
            setStatus(PostgresStatus.State.CONNECTED, "");
        }
    }

    private void addSnapshot(PreparedStatement st, PackData d, long seq) throws SQLException {
        PackSnapshot s = d.snapshot();
        int cells = s.cellCount();
        int temps = s.temperatureCount();
        int i = 1;
        st.setLong(i++, pack(d.busId(), s.address(), cells, temps, s.time()));
        st.setLong(i++, seq);
        st.setLong(i++, s.time().toEpochMilli());
        for (Quantity q : QUANTITIES) {
            setValue(st, i++, s.get(q), Types.DOUBLE);
        }
        st.setInt(i++, cells);
        st.setInt(i++, temps);
        st.setString(i++, SessionWriter.balancing(s));
        st.setString(i++, SessionWriter.flags(s));
        st.setString(i++, SessionWriter.reported(s));
        for (int c = 0; c < PackSnapshot.MAX_CELLS; c++) {
            setReal(st, i++, c < cells ? SessionWriter.millivolts(s.cellVoltage(c)) : Double.NaN);
        }
        for (int t = 0; t < PackSnapshot.MAX_TEMPERATURES; t++) {
            setReal(st, i++, t < temps ? s.temperature(t) : Double.NaN);
        }
        st.addBatch();
    }

    private long bus(String busId, String label, String protocol, boolean simulated, Instant time) throws SQLException {
        Long key = busKeys.get(busId);
        if (key != null && label.isEmpty()) {
            return key;
        }
        try (PreparedStatement st = db.prepareStatement("INSERT INTO bus (session, bus_id, label, protocol, simulated,"
                + " first_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session, bus_id) DO UPDATE SET"
                + " label = CASE WHEN EXCLUDED.label <> '' THEN EXCLUDED.label ELSE bus.label END,"
                + " protocol = CASE WHEN EXCLUDED.protocol <> '' THEN EXCLUDED.protocol ELSE bus.protocol END,"
                + " simulated = GREATEST(bus.simulated, EXCLUDED.simulated) RETURNING bus")) {
            st.setLong(1, session);
            st.setString(2, busId);
            st.setString(3, label);
            st.setString(4, protocol);
            st.setInt(5, simulated ? 1 : 0);
            st.setLong(6, time.toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                busKeys.put(busId, id);
                return id;
            }
        }
    }

    private long pack(String busId, int address, int cells, int temps, Instant time) throws SQLException {
        String key = busId + "#" + address;
        long[] known = packKeys.get(key);
        if (known != null && cells <= known[1] && temps <= known[2]) {
            return known[0];
        }
        long bus = bus(busId, "", "", false, time);
        try (PreparedStatement st = db.prepareStatement("INSERT INTO pack (bus, address, cells, temps) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (bus, address) DO UPDATE SET cells = GREATEST(pack.cells, EXCLUDED.cells),"
                + " temps = GREATEST(pack.temps, EXCLUDED.temps) RETURNING pack, cells, temps")) {
            st.setLong(1, bus);
            st.setInt(2, address);
            st.setInt(3, cells);
            st.setInt(4, temps);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long[] row = { rs.getLong(1), rs.getInt(2), rs.getInt(3) };
                packKeys.put(key, row);
                return row[0];
            }
        }
    }

    private static void setValue(PreparedStatement st, int index, double value, int type) throws SQLException {
        if (Double.isNaN(value)) {
            st.setNull(index, type);
        } else {
            st.setDouble(index, value);
        }
    }

    private static void setReal(PreparedStatement st, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            st.setNull(index, Types.REAL);
        } else {
            st.setFloat(index, (float) value);
        }
    }

    private void closeConnection() {
        closeQuietly(db);
        db = null;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a broken PostgreSQL connection: " + e.getMessage());
        }
    }

    private void setStatus(PostgresStatus.State state, String detail) {
        long skippedNow;
        synchronized (this) {
            skippedNow = skipped;
        }
        PostgresStatus s = new PostgresStatus(state, detail, written, queue.size() + batch.size(), skippedNow,
                clock.instant());
        status = s;
        statusSink.accept(s);
    }

    private static String reason(SQLException e) {
        // a batch that failed names its whole statement; the server's own words are in the next exception
        SQLException cause = e instanceof java.sql.BatchUpdateException && e.getNextException() != null
                ? e.getNextException() : e;
        String m = cause.getMessage();
        if (m == null || m.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        m = m.lines().findFirst().orElse(m);
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
