package org.bmsworkbench.records;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.connection.CommandException;
import org.bmsworkbench.connection.CommandHandle;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.records.ReadProgress.State;
import org.bmsworkbench.records.RecordStore.RecordStoreException;

/**
 * Reads one pack's data or alarm records through its bus's command queue (docs/protocols/modbus-native.md, 9.7):
 * a few records per {@link BusCommand} of priority {@code TRANSFER}, so the bus polls the other packs between two
 * steps. Every record read goes to the {@link RecordStore} and to the listener at once. Stop ends after the
 * transaction under way; a pack that stops answering pauses the read, which goes on from the next record when
 * the pack answers again. One reader reads once; make a new one for the next read.
 */
public final class RecordReader {

    /** Reads all records, or only those newer than the newest one kept of this board. */
    public enum Mode {
        ALL, NEW
    }

    /** Hears of the read; called on the reader's own thread, never on the bus thread. */
    public interface Listener {
        /** Records read (in board order), each as soon as its step of the read ended. */
        void records(List<DeviceRecord> records);

        void progress(ReadProgress progress);
    }

    /** Detail names of a record window reply (ModbusProtocol). */
    static final String DAMAGED = "record.damaged";
    static final String COUNT = "record.count";
    static final String INDEX = "record.index";

    /** Records per bus command: about a second of line at 9600 baud, then a poll may go first. */
    public static final int DEFAULT_STEP = 5;

    private final ConnectionService connection;
    private final String busId;
    private final int address;
    private final RecordKind kind;
    private final RecordStore store;
    private final BooleanSupplier online;
    private final Listener listener;
    private final LongSupplier nanos;
    private final ScheduledExecutorService executor;
    private final CompletableFuture<ReadProgress> finished = new CompletableFuture<>();
    private int step = DEFAULT_STEP;
    private long retryMillis = 1000;

    // the reader's thread only, except the volatile ones
    private volatile boolean stopRequested;
    private volatile CommandHandle<?> running;
    private volatile ReadProgress progress;
    private String board = "";
    private long boardCount;
    private long start;
    private long next;
    private long done;
    private long readingNanos;
    private long stepStarted;
    private boolean started;

    /**
     * @param online whether the pack answers now (its link state); a paused read tries again when it does, and in
     *               any case every few seconds
     */
    public RecordReader(ConnectionService connection, String busId, int address, RecordKind kind, RecordStore store,
            BooleanSupplier online, Listener listener) {
        this(connection, busId, address, kind, store, online, listener, System::nanoTime);
    }

    RecordReader(ConnectionService connection, String busId, int address, RecordKind kind, RecordStore store,
            BooleanSupplier online, Listener listener, LongSupplier nanos) {
        this.connection = connection;
        this.busId = busId;
        this.address = address;
        this.kind = kind;
        this.store = store;
        this.online = online;
        this.listener = listener;
        this.nanos = nanos;
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bmsw-records " + busId + " pack " + address);
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.executor = ex;
        this.progress = new ReadProgress(kind, State.STARTING, 0, 0, 0, 0, -1, "", "");
    }

    /** Records per bus command (1..100); fewer leave more room for polls, more come closer to the line's limit. */
    public RecordReader step(int records) {
        if (records < 1 || records > 100) {
            throw new IllegalArgumentException("a step reads 1..100 records, not " + records);
        }
        this.step = records;
        return this;
    }

    /** How long a paused read waits before it asks again whether the pack answers. */
    public RecordReader retryMillis(long millis) {
        this.retryMillis = Math.max(10, millis);
        return this;
    }

    public RecordKind kind() {
        return kind;
    }

    public int address() {
        return address;
    }

    public String busId() {
        return busId;
    }

    public ReadProgress progress() {
        return progress;
    }

    /** Completes with the last progress when the read ended: DONE, STOPPED or FAILED. */
    public CompletableFuture<ReadProgress> finished() {
        return finished;
    }

    /** Starts the read; a reader reads once. */
    public synchronized CompletableFuture<ReadProgress> start(Mode mode) {
        if (started) {
            throw new IllegalStateException("this reader has read already");
        }
        started = true;
        executor.execute(() -> submit(new Open(mode), this::opened));
        return finished;
    }

    /** Stops after the transaction under way; what was read stays. */
    public synchronized void stop() {
        if (finished.isDone()) {
            return;
        }
        stopRequested = true;
        CommandHandle<?> h = running;
        if (h != null) {
            h.cancel();
        }
        if (!executor.isShutdown()) {
            // a read waiting for a paused pack ends now rather than at its next look
            executor.execute(() -> {
                if (running == null && !finished.isDone()) {
                    end(State.STOPPED, "stopped at record " + next + " of " + boardCount);
                }
            });
        }
    }

    // --- the steps of a read -----------------------------------------------------------------------------------

    /** What the first step learns: who the board is, how many records it holds, where to begin. */
    private record Opening(String board, long count, long start, List<DeviceRecord> first) {
    }

    /** What a step read, and why it ended early. */
    private record StepResult(List<DeviceRecord> records, long count, Exception failure) {
    }

    private interface Then<T> {
        void accept(T result) throws Exception;
    }

    private <T> void submit(BusCommand<T> command, Then<T> then) {
        if (stopRequested) {
            end(State.STOPPED, "stopped at record " + next + " of " + boardCount);
            return;
        }
        CommandHandle<T> h;
        try {
            h = connection.submit(busId, command);
        } catch (IllegalStateException | IllegalArgumentException e) {
            pause(e.getMessage(), () -> submit(command, then));
            return;
        }
        running = h;
        stepStarted = nanos.getAsLong();
        h.result().whenCompleteAsync((result, error) -> {
            running = null;
            readingNanos += nanos.getAsLong() - stepStarted;
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                failed(cause, () -> submit(command, then));
                return;
            }
            try {
                then.accept(result);
            } catch (Exception e) {
                failed(e, () -> submit(command, then));
            }
        }, executor);
    }

    private void failed(Throwable cause, Runnable again) {
        if (cause instanceof CancellationException || stopRequested) {
            end(State.STOPPED, "stopped at record " + next + " of " + boardCount);
        } else if (cause instanceof CommandException || cause instanceof IOException
                || cause instanceof IllegalStateException) {
            pause(cause.getMessage(), again);
        } else if (cause instanceof RecordStoreException) {
            end(State.FAILED, cause.getMessage());
        } else {
            end(State.FAILED, cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
    }

    private void opened(Opening o) throws RecordStoreException {
        board = o.board();
        boardCount = o.count();
        start = o.start();
        next = start;
        if (!o.first().isEmpty()) {
            keep(o.first());
        }
        report(State.READING, "");
        continueReading();
    }

    private void continueReading() {
        if (next >= boardCount) {
            end(State.DONE, done == 0 && start >= boardCount && boardCount > 0 ? "no new records" : "");
            return;
        }
        submit(new Step(next, Math.min(boardCount, next + step)), this::stepped);
    }

    private void stepped(StepResult r) throws RecordStoreException {
        keep(r.records());
        boardCount = Math.max(boardCount, r.count());
        if (r.failure() != null) {
            failed(r.failure(), this::continueReading);
            return;
        }
        report(State.READING, "");
        continueReading();
    }

    private void keep(List<DeviceRecord> records) throws RecordStoreException {
        if (records.isEmpty()) {
            return;
        }
        store.add(board, busId, address, records);
        next = records.get(records.size() - 1).index() + 1;
        done += records.size();
        listener.records(records);
    }

    private void pause(String why, Runnable again) {
        if (stopRequested) {
            end(State.STOPPED, "stopped at record " + next + " of " + boardCount);
            return;
        }
        report(State.PAUSED, "pack " + address + " does not answer (" + why + "): paused at record " + next
                + (boardCount > 0 ? " of " + boardCount : "") + "; the read goes on when it answers");
        waitForPack(again, 0);
    }

    private void waitForPack(Runnable again, int tries) {
        executor.schedule(() -> {
            if (stopRequested) {
                end(State.STOPPED, "stopped at record " + next + " of " + boardCount);
            } else if (online.getAsBoolean() || tries >= 5) {
                report(State.READING, "pack " + address + " answers again: reading on from record " + next);
                again.run();
            } else {
                waitForPack(again, tries + 1);
            }
        }, retryMillis, TimeUnit.MILLISECONDS);
    }

    private void report(State state, String message) {
        double seconds = readingNanos / 1e9;
        double rate = seconds > 0 && done > 0 ? done / seconds : 0;
        long total = Math.max(0, boardCount - start);
        double left = rate > 0 ? (total - done) / rate : -1;
        progress = new ReadProgress(kind, state, done, total, boardCount, rate, state.isFinal() ? 0 : left, board,
                message);
        listener.progress(progress);
    }

    private void end(State state, String message) {
        synchronized (this) {
            if (finished.isDone()) {
                return;
            }
            report(state, message);
            executor.shutdown();
        }
        finished.complete(progress);
    }

    // --- the bus commands ----------------------------------------------------------------------------------------

    /** Who the board is, how many records it holds, and (Read new) where the new ones begin. */
    private final class Open implements BusCommand<Opening> {
        private final Mode mode;

        Open(Mode mode) {
            this.mode = mode;
        }

        @Override
        public String label() {
            return "Read the " + kind.key() + " records of pack " + address;
        }

        @Override
        public Priority priority() {
            return Priority.TRANSFER;
        }

        @Override
        public Opening run(CommandContext c) throws Exception {
            BmsProtocol protocol = c.protocol();
            c.progress(0, 0, "identity");
            String id = identity(c);
            c.progress(0, 0, "record count");
            transactAll(c, protocol.selectRecord(kind.command(), address, BmsProtocol.SELECT_KIND_ONLY));
            Reply first = window(c);
            long count = number(first, COUNT, 0);
            Optional<DeviceRecord> newest = mode == Mode.NEW ? stored(id) : Optional.empty();
            if (newest.isEmpty()) {
                DeviceRecord r0 = count > 0 ? toRecord(kind, 0, first) : null;
                return new Opening(id, count, 0, r0 == null ? List.of() : List.of(r0));
            }
            return new Opening(id, count, locate(c, newest.get(), count), List.of());
        }

        private Optional<DeviceRecord> stored(String id) throws RecordStoreException {
            return store.newest(id, kind);
        }

        /** The index of the first record newer than {@code newest}: where it is now, plus one. */
        private long locate(CommandContext c, DeviceRecord newest, long count) throws Exception {
            if (count == 0) {
                return 0;
            }
            long guess = Math.min(newest.index(), count - 1);
            DeviceRecord at = read(c, guess);
            if (at.fingerprint().equals(newest.fingerprint())) {
                return guess + 1;
            }
            LocalDateTime after = newest.time();
            if (after == null) {
                return guess + 1;
            }
            // the ring dropped its oldest records since: the newest one kept moved down; find it by time
            long lo = 0;
            long hi = guess + 1;
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                DeviceRecord m = read(c, mid);
                if (m.time() != null && !m.time().isAfter(after)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private DeviceRecord read(CommandContext c, long index) throws Exception {
            transactAll(c, c.protocol().selectRecord(kind.command(), address, index));
            return toRecord(kind, index, window(c));
        }
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive). */
    private final class Step implements BusCommand<StepResult> {
        private final long from;
        private final long to;

        Step(long from, long to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public String label() {
            return "Read " + kind.key() + " records " + from + ".." + (to - 1) + " of pack " + address;
        }

        @Override
        public Priority priority() {
            return Priority.TRANSFER;
        }

        @Override
        public StepResult run(CommandContext c) throws Exception {
            List<DeviceRecord> records = new ArrayList<>();
            long count = 0;
            try {
                for (long i = from; i < to; i++) {
                    c.checkCancelled();
                    c.progress(i - from, to - from, "record " + i);
                    BmsProtocol p = c.protocol();
                    transactAll(c, i == from ? p.selectRecord(kind.command(), address, i)
                            : p.nextRecord(kind.command(), address, i));
                    Reply reply = window(c);
                    count = Math.max(count, number(reply, COUNT, 0));
                    DeviceRecord r = toRecord(kind, i, reply);
                    if (r == null) {
                        // the board holds fewer records than it said: it was erased meanwhile
                        return new StepResult(records, count, new CommandException("pack " + address
                                + " holds no record " + i + " any more (its store was erased)"));
                    }
                    records.add(r);
                }
                return new StepResult(records, count, null);
            } catch (CancellationException | CommandException | IOException e) {
                return new StepResult(records, count, e);
            }
        }
    }

    private String identity(CommandContext c) throws Exception {
        BmsProtocol p = c.protocol();
        DeviceIdentity identity = new DeviceIdentity(Map.of());
        if (p.commands().contains(Command.SERIAL_NUMBER)) {
            for (Request r : p.requests(Command.SERIAL_NUMBER, address)) {
                Reply reply = c.transact(r);
                if (reply != null) {
                    identity = identity.mergedWith(reply.identity());
                }
            }
        }
        String bar = identity.get(DeviceIdentity.BAR_CODE).trim();
        String serial = identity.get(DeviceIdentity.SERIAL_NUMBER).trim();
        if (!bar.isEmpty()) {
            return "barcode:" + bar;
        }
        if (!serial.isEmpty()) {
            return "serial:" + serial;
        }
        // a board that does not say who it is is known by where it sits, for this bus only
        return "address:" + busId + "/" + address;
    }

    private static void transactAll(CommandContext c, List<Request> requests) throws Exception {
        for (Request r : requests) {
            c.transact(r);
        }
    }

    private Reply window(CommandContext c) throws Exception {
        Reply last = null;
        for (Request r : c.protocol().requests(kind.command(), address)) {
            last = c.transact(r);
        }
        if (last == null) {
            throw new ProtocolException(org.bmsworkbench.protocol.ProtocolError.Kind.UNSUPPORTED,
                    "the protocol reads no record window");
        }
        return last;
    }

    private static long number(Reply reply, String detail, long otherwise) {
        return reply.details().get(detail) instanceof Number n ? n.longValue() : otherwise;
    }

    /**
     * The record a window reply holds, marked damaged when it does not decode or holds impossible values and
     * flagged when the board's clock was never set; {@code null} when the window holds none.
     */
    static DeviceRecord toRecord(RecordKind kind, long expected, Reply reply) {
        Map<String, Object> d = reply.details();
        long index = number(reply, INDEX, expected);
        String wrongIndex = index == expected ? "" : "the window holds record " + index + ", not " + expected;
        if (d.get(DAMAGED) instanceof String why) {
            PackSnapshot.Builder b = PackSnapshot.builder(0);
            for (Quantity q : RecordValues.QUANTITIES) {
                if (d.get("record.q." + q.key()) instanceof Number n && !Double.isNaN(n.doubleValue())) {
                    b.set(q, n.doubleValue());
                }
            }
            int code = (int) number(reply, "record.code", 0);
            return new DeviceRecord(kind, expected, null, OperatingMode.UNKNOWN, code, java.util.Set.of(), b.build(),
                    join(why, wrongIndex), false);
        }
        if (!reply.history().isEmpty()) {
            HistoryRecord h = reply.history().get(0);
            return new DeviceRecord(kind, expected, h.time(), h.mode(), 0, java.util.Set.of(), h.values(),
                    join(RecordValues.impossible(h.values()), wrongIndex), RecordValues.clockNotSet(h.time()));
        }
        if (!reply.alarms().isEmpty()) {
            AlarmRecord a = reply.alarms().get(0);
            String codeProblem = kind == RecordKind.ALARM && AlarmCodes.flag(a.code()).isEmpty()
                    ? "alarm code " + AlarmCodes.hex(a.code()) + " is unknown" : "";
            return new DeviceRecord(kind, expected, a.time(), a.mode(), a.code(), a.active(), a.values(),
                    join(join(RecordValues.impossible(a.values()), codeProblem), wrongIndex),
                    RecordValues.clockNotSet(a.time()));
        }
        return null;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
