package org.bmsworkbench.record.service;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.events.RecordingStatus.State;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.store.DeviceRecordRows;
import org.bmsworkbench.record.store.Schema;
import org.bmsworkbench.record.store.SessionFiles;
import org.bmsworkbench.record.store.SessionWriter;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Records what the buses report into one session file. Producers call {@link #accept(Object)} from any thread;
 * it never blocks and never touches the disk: entries go into a bounded queue that one writer thread drains,
 * committing at least every {@link #COMMIT_INTERVAL}. When the queue fills up, snapshots are thinned to one per
 * pack per second and then skipped, and the skips are counted, put in the file's {@code gap} table and shown.
 * A write error stops recording with one line in the status; what was committed stays readable.
 */
public final class SessionRecorder implements AutoCloseable {

    /** The longest time between two commits: a crash loses less than this. */
    public static final Duration COMMIT_INTERVAL = Duration.ofMillis(500);

    private static final System.Logger LOG = System.getLogger(SessionRecorder.class.getName());
    private static final Duration STATUS_INTERVAL = Duration.ofMillis(500);
    private static final Duration RETENTION_INTERVAL = Duration.ofHours(1);
    private static final Duration OVERLOAD_KEEP = Duration.ofSeconds(1);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final BlockingQueue<Object> queue;
    private final int highWater;
    private final Clock clock;
    private final Supplier<RecordingSettings> settings;
    private final Map<String, String> info;
    private final Consumer<RecordingStatus> statusSink;
    private final long maxPageCount;
    private final Thread thread;

    private final Map<String, Long> lastKept = new ConcurrentHashMap<>();
    private final Map<String, PackLinkState> linkStates = new ConcurrentHashMap<>();
    private final Map<String, BusStatus> buses = new ConcurrentHashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong pausedSkipped = new AtomicLong();
    private final AtomicBoolean newSessionRequested = new AtomicBoolean();
    private volatile boolean paused;
    private volatile Instant pausedSince;
    private volatile boolean failed;
    private volatile boolean stopping;
    private volatile RecordingStatus status;

    // writer thread only
    private volatile SessionWriter writer;
    private volatile Map<String, Long> closedRows;
    private volatile Instant started;
    private Instant lastCommit = Instant.EPOCH;
    private volatile Instant lastStatus = Instant.EPOCH;
    private Instant lastRetention = Instant.EPOCH;
    private long skippedInFile;
    private Instant overloadSince;
    private String failure = "";

    /** A pause that ended: the time without snapshots and how many were left out. */
    private record PauseGap(Instant from, Instant to, long skipped) {
    }

    /**
     * @param settings     read at each session start (folder) and snapshot (decimation)
     * @param info         facts written into each session's {@code session} table (version, host)
     * @param statusSink   receives each new status, on the writer thread
     * @param capacity     queue length (entries)
     * @param maxPageCount a size limit for each file in pages (tests of a full disk), 0 for none
     */
    public SessionRecorder(Supplier<RecordingSettings> settings, Map<String, String> info,
            Consumer<RecordingStatus> statusSink, Clock clock, int capacity, long maxPageCount) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.info = Map.copyOf(info);
        this.statusSink = Objects.requireNonNull(statusSink, "statusSink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.highWater = capacity * 3 / 4;
        this.maxPageCount = maxPageCount;
        this.status = new RecordingStatus(State.OFF, "", null, 0, Map.of(), 0, -1, "", clock.instant());
        this.thread = new Thread(this::run, "bmsw-recorder");
        thread.setDaemon(true);
    }

    public SessionRecorder start() {
        thread.start();
        return this;
    }

    public RecordingStatus status() {
        return status;
    }

    /** Entries waiting for the writer (producers that can wait, such as benchmarks, hold back above half). */
    public int queued() {
        return queue.size();
    }

    /** The queue's length. */
    public int capacity() {
        return queue.remainingCapacity() + queue.size();
    }

    /**
     * Takes one event payload ({@link PackData}, {@link BusStatus}, {@link PackStatus}, {@link FlagChange},
     * {@link CommandProgress}); anything else is ignored. Never blocks.
     */
    public void accept(Object payload) {
        if (failed || stopping || replayed(payload)) {
            return;
        }
        if (payload instanceof PackData data) {
            acceptSnapshot(data);
        } else if (payload instanceof PackStatus pack) {
            // the bus repeats ONLINE once a second so that ages stay right; only changes are history
            PackLinkState before = linkStates.put(RecordingStatus.packKey(pack.busId(), pack.address()), pack.state());
            if (before != pack.state()) {
                offerEvent(pack);
            }
        } else if (payload instanceof CommandProgress progress) {
            if (progress.state() == CommandProgress.State.RUNNING && progress.done() > 0) {
                return;
            }
            offerEvent(progress);
        } else if (payload instanceof BusStatus bus) {
            if (bus.state() == BusState.CLOSED) {
                buses.remove(bus.busId());
            } else {
                buses.put(bus.busId(), bus);
            }
            offerEvent(bus);
        } else if (payload instanceof FlagChange) {
            offerEvent(payload);
        }
    }

    /**
     * What a replay bus publishes is a recording already: kept again it would be a second copy, with the old times,
     * in a session that claims to be live. The file being replayed is the record of it.
     */
    private static boolean replayed(Object payload) {
        String busId = switch (payload) {
            case PackData d -> d.busId();
            case PackStatus p -> p.busId();
            case BusStatus b -> b.busId();
            case FlagChange f -> f.busId();
            case CommandProgress c -> c.busId();
            case null, default -> null;
        };
        return BusStatus.isReplayBus(busId);
    }

    private void acceptSnapshot(PackData data) {
        if (paused) {
            pausedSkipped.incrementAndGet();
            return;
        }
        String key = RecordingStatus.packKey(data.busId(), data.address());
        long time = data.snapshot().time().toEpochMilli();
        Long last = lastKept.get(key);
        long interval = settings.get().decimation().interval().toMillis();
        if (last != null && interval > 0 && time - last < interval && time >= last) {
            return;
        }
        if (queue.size() >= highWater && last != null && time - last < OVERLOAD_KEEP.toMillis() && time >= last) {
            skipped.incrementAndGet();
            return;
        }
        if (!queue.offer(data)) {
            skipped.incrementAndGet();
            return;
        }
        lastKept.put(key, time);
    }

    /** Records read from a board's store, for the writer thread. */
    private record DeviceRecords(List<DeviceRecordRows.Row> rows) {
    }

    /**
     * Queues records read from a board's store (the Data Record and Alarm Record pages) for the session file; they
     * are written by the one writer thread and committed with the rest. Never blocks.
     *
     * @return false when they cannot be kept: the recorder failed, stops, or its queue is full
     */
    public boolean keepDeviceRecords(List<DeviceRecordRows.Row> rows) {
        if (failed || stopping) {
            return false;
        }
        return rows.isEmpty() || queue.offer(new DeviceRecords(List.copyOf(rows)));
    }

    private void offerEvent(Object event) {
        if (!queue.offer(event)) {
            skipped.incrementAndGet();
        }
    }

    /** Stops keeping snapshots until {@link #resume()}; the other events are still recorded. */
    public void pause() {
        if (!paused) {
            pausedSince = clock.instant();
            pausedSkipped.set(0);
            paused = true;
            publish(true);
        }
    }

    /** Keeps snapshots again; after a failure the next entry starts a new session file. */
    public void resume() {
        if (failed) {
            failed = false;
            failure = "";
            lastKept.clear();
        }
        if (paused) {
            paused = false;
            Instant since = pausedSince;
            if (since != null && !queue.offer(new PauseGap(since, clock.instant(), pausedSkipped.get()))) {
                skipped.incrementAndGet();
            }
        }
        publish(true);
    }

    /** Closes the current file; the next entry starts a new session. */
    public void newSession() {
        newSessionRequested.set(true);
    }

    public boolean paused() {
        return paused;
    }

    /** The file being written, or {@code null}. Read on any thread (it may just have changed). */
    public Path currentFile() {
        SessionWriter w = writer;
        return w == null ? null : w.file();
    }

    /** Writes what is queued, commits and closes the file (waiting at most {@code timeout}). */
    public void close(Duration timeout) throws InterruptedException {
        stopping = true;
        thread.join(timeout.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(10));
    }

    private void run() {
        while (!stopping || !queue.isEmpty()) {
            try {
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                step(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException | IOException | RuntimeException e) {
                fail(e);
            }
        }
        endSession();
        publish(true);
    }

    private void step(Object first) throws SQLException, IOException {
        if (newSessionRequested.getAndSet(false)) {
            endSession();
            lastKept.clear();
        }
        Instant now = clock.instant();
        if (first != null && !failed) {
            Instant deadline = lastCommit.plus(COMMIT_INTERVAL);
            Object item = first;
            int n = 0;
            do {
                write(item);
                n++;
                if ((n & 255) == 0 && !clock.instant().isBefore(deadline)) {
                    break;
                }
                item = queue.poll();
            } while (item != null && !failed);
        }
        now = clock.instant();
        if (writer != null) {
            recordOverload(now);
            if (writer.pending() && !now.isBefore(lastCommit.plus(COMMIT_INTERVAL))) {
                if (!Files.exists(writer.file())) {
                    throw new IOException("the session file " + writer.file() + " was removed");
                }
                writer.commit();
                lastCommit = now;
            }
            if (!now.isBefore(lastRetention.plus(RETENTION_INTERVAL))) {
                lastRetention = now;
                Retainer.apply(writer.file().getParent(), settings.get().retention(), writer.file(), now);
            }
        }
        if (!now.isBefore(lastStatus.plus(STATUS_INTERVAL))) {
            publish(false);
        }
    }

    private void write(Object item) throws SQLException, IOException {
        if (writer == null) {
            if (item instanceof PauseGap) {
                return;
            }
            startSession();
        }
        switch (item) {
            case PackData d -> writer.snapshot(d.busId(), d.snapshot());
            case BusStatus b -> writer.bus(b);
            case PackStatus p -> writer.link(p);
            case FlagChange f -> writer.flag(f);
            case CommandProgress c -> writer.command(c);
            case PauseGap g -> writer.gap(g.from(), g.to(), "paused", g.skipped());
            case DeviceRecords r -> writer.deviceRecords(r.rows());
            default -> throw new IllegalStateException("cannot record " + item.getClass().getName());
        }
    }

    private void recordOverload(Instant now) throws SQLException {
        long total = skipped.get();
        if (total > skippedInFile) {
            if (overloadSince == null) {
                overloadSince = now;
            }
            if (queue.size() < highWater) {
                writer.gap(overloadSince, now, "disk behind", total - skippedInFile);
                skippedInFile = total;
                overloadSince = null;
            }
        }
    }

    private void startSession() throws SQLException, IOException {
        RecordingSettings s = settings.get();
        Path folder = s.folder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot create the recording folder " + folder + ": " + reason(e), e);
        }
        if (!Files.isWritable(folder)) {
            throw new AccessDeniedException(folder.toString(), null, "the recording folder is not writable");
        }
        Instant now = clock.instant();
        Path file = folder.resolve("bmsw-session-" + FILE_TIME.format(now) + Schema.EXTENSION);
        for (int i = 2; Files.exists(file); i++) {
            file = folder.resolve("bmsw-session-" + FILE_TIME.format(now) + "-" + i + Schema.EXTENSION);
        }
        Map<String, String> facts = new LinkedHashMap<>(info);
        facts.put("started", now.toString());
        facts.put("decimation", s.decimation().name());
        writer = SessionWriter.create(file, facts, maxPageCount);
        closedRows = null;
        for (BusStatus bus : buses.values()) {
            writer.knownBus(bus);
        }
        started = now;
        lastCommit = now;
        lastRetention = Instant.EPOCH;
        LOG.log(System.Logger.Level.INFO, "recording the session into " + file);
    }

    private void endSession() {
        SessionWriter w = writer;
        if (w == null) {
            return;
        }
        try {
            recordOverload(clock.instant());
            w.info("ended", clock.instant().toString());
            w.close();
            // the last commit's counts, for the status after the file is closed (the summary of bmsw record/log)
            closedRows = w.rows();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot close the session file " + w.file() + " cleanly: "
                    + e.getMessage() + "; what was committed before stays readable", e);
        }
        writer = null;
        started = null;
    }

    private void fail(Exception e) {
        SessionWriter w = writer;
        String line = "Recording stopped: " + describe(e, w == null ? null : w.file());
        LOG.log(System.Logger.Level.ERROR, line, e);
        if (w != null) {
            try {
                w.abandon();
            } catch (SQLException closing) {
                LOG.log(System.Logger.Level.WARNING, "closing the failed session file: " + closing.getMessage(),
                        closing);
            }
        }
        writer = null;
        failure = line;
        failed = true;
        queue.clear();
        publish(true);
    }

    private String describe(Exception e, Path file) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_FULL) {
                return "the disk is full" + (file == null ? "" : " (" + file + ")")
                        + "; what was recorded stays readable";
            }
            if (code == SQLiteErrorCode.SQLITE_READONLY || code == SQLiteErrorCode.SQLITE_CANTOPEN
                    || code == SQLiteErrorCode.SQLITE_PERM) {
                return "cannot write " + (file == null ? settings.get().folder() : file) + " (" + s.getMessage() + ")";
            }
        }
        if (e instanceof AccessDeniedException a) {
            return "cannot write to " + a.getFile() + ": permission denied";
        }
        return reason(e);
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private synchronized void publish(boolean force) {
        Instant now = clock.instant();
        if (!force && now.isBefore(lastStatus.plus(STATUS_INTERVAL))) {
            return;
        }
        lastStatus = now;
        SessionWriter w = writer;
        State state = failed ? State.FAILED : paused ? State.PAUSED : w != null ? State.RECORDING : State.OFF;
        Path file = w == null ? null : w.file();
        Map<String, Long> closed = closedRows;
        Map<String, Long> rows = w != null ? w.rows() : closed != null ? closed : status.rows();
        long bytes = file == null ? 0 : SessionFiles.size(file);
        RecordingStatus next = new RecordingStatus(state, file == null ? status.file() : file.toString(),
                started == null ? status.started() : started, file == null ? status.bytes() : bytes,
                new HashMap<>(rows), skipped.get(), freeSpace(), failed ? failure : "", now);
        status = next;
        statusSink.accept(next);
    }

    private long freeSpace() {
        try {
            Path folder = settings.get().folder();
            Path existing = folder;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return -1;
            }
            FileStore store = Files.getFileStore(existing);
            return store.getUsableSpace();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "free space of the recording folder unknown: " + e.getMessage());
            return -1;
        }
    }
}
