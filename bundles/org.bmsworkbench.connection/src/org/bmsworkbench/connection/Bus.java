package org.bmsworkbench.connection;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.LinkErrorKind;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/**
 * One open bus: the only code that reads and writes its port. A single thread runs one transaction at a time:
 * queued commands first (by priority), else the next pack due in round-robin order. A pack that stops
 * answering goes stale, then offline, and is re-probed with a short single request at growing intervals so
 * it does not slow the others. When the port fails (adapter pulled, gateway gone) or the whole bus falls
 * silent, the port is closed and reopened with backoff, and polling resumes.
 * <p>
 * Everything that happens is reported to {@link BusEvents}: bus state, pack state, snapshots (only from
 * visits in which every frame arrived whole), alarm changes, link statistics, every frame, and command
 * progress.
 */
public final class Bus implements AutoCloseable {

    /** What the detail of a bus whose port could not be opened ends with: the bus tries again by itself. */
    public static final String RETRYING = " " + BusStatus.RETRYING_SUFFIX;


    private static final AtomicLong COMMAND_IDS = new AtomicLong();
    private static final long STATS_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** How long a bus waits for its port to close before it goes on without it. */
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final String id;
    private final BusSettings settings;
    private final BmsProtocol protocol;
    private final Connector connector;
    private final BusEvents events;
    private final BusClock clock;
    private final Consumer<String> log;
    private final Supplier<WriteGuard> guard;
    private final int timeoutMillis;
    private final List<PackTracker> packs = new ArrayList<>();
    private final PackLinkStates links;
    private final PollSchedule schedule;
    private final CommandQueue<QueuedCommand<?>> queue;
    /** A poll ran since the last transfer step, so the next step of a transfer goes first. */
    private boolean polledBeforeTransfer;
    private final ReconnectBackoff backoff = new ReconnectBackoff();
    private final CommandLine line = new CommandLine();
    private final LinkCounters counters = new LinkCounters();

    private volatile boolean closing;
    private volatile BusStatus status;
    private Thread thread;

    private Port port;
    private TransactionRunner runner;
    private long lastStatsNanos;
    private long statsRevision = -1;
    private long lastAnswerNanos;
    private volatile long opens;

    /**
     * @param log one line per state change, for the workbench log; never per frame
     */
    public Bus(String id, BusSettings settings, BmsProtocol protocol, Connector connector, BusEvents events,
            Clock clock, Consumer<String> log) throws ProtocolException {
        this(id, settings, protocol, connector, events, clock, log, () -> WriteGuard.NONE);
    }

    /**
     * @param guard the write guard of the moment (it may come and go with its bundle); without one, no command
     *              changes a pack
     */
    public Bus(String id, BusSettings settings, BmsProtocol protocol, Connector connector, BusEvents events,
            Clock clock, Consumer<String> log, Supplier<WriteGuard> guard) throws ProtocolException {
        this(id, settings, protocol, connector, events, BusClock.system(clock), log, guard);
    }

    /** A bus whose scheduling, timeouts and backoff all pass on {@code clock}. */
    Bus(String id, BusSettings settings, BmsProtocol protocol, Connector connector, BusEvents events,
            BusClock clock, Consumer<String> log, Supplier<WriteGuard> guard) throws ProtocolException {
        this.id = id;
        this.guard = guard;
        this.settings = settings;
        this.protocol = protocol;
        this.connector = connector;
        this.events = events;
        this.clock = clock;
        this.log = log;
        this.timeoutMillis = settings.timeoutMillis() > 0 ? settings.timeoutMillis() : protocol.replyTimeoutMillis();
        for (int address : settings.addresses()) {
            if (address < protocol.minAddress() || address > protocol.maxAddress()) {
                throw new IllegalArgumentException("pack address " + address + " is outside " + protocol.displayName()
                        + "'s " + protocol.minAddress() + ".." + protocol.maxAddress());
            }
            packs.add(new PackTracker(address, PollPlan.summary(protocol, address), PollPlan.full(protocol, address)));
        }
        this.links = new PackLinkStates(id, settings.addresses(), settings.offlineAfter());
        this.schedule = new PollSchedule(packs.size(), TimeUnit.MILLISECONDS.toNanos(settings.pollIntervalMillis()));
        this.queue = new CommandQueue<>(clock);
        this.status = new BusStatus(id, settings.transport().label(), protocol.id(), BusState.CLOSED, "", clock.instant());
    }

    /** Test hooks: how fast a lost port is reopened, and after how much total silence the port is suspected. */
    public void setRecovery(long minMillis, long maxMillis, long silenceMillis) {
        backoff.set(minMillis, maxMillis, silenceMillis);
    }

    public String id() {
        return id;
    }

    public BusSettings settings() {
        return settings;
    }

    public BmsProtocol protocol() {
        return protocol;
    }

    public BusStatus status() {
        return status;
    }

    /** How many times the port has been opened (1 + reconnections). */
    public long opens() {
        return opens;
    }

    public LinkCounters counters() {
        return counters;
    }

    /** The latest snapshot of the pack at {@code address}, if it ever answered. */
    public Optional<PackSnapshot> latest(int address) {
        return packs.stream().filter(p -> p.address == address).findFirst().map(p -> p.latest);
    }

    /** Each pack's link state now. */
    public List<PackStatus> packStates() {
        return links.states();
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        publishBus(BusState.OPENING, "");
        links.start(clock.instant()).forEach(events::packState);
        thread = new Thread(this::run, "bmsw-bus-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a command.
     *
     * @throws IllegalStateException when the bus is not open (the message says why), so that nothing waits
     *                               for a port that is not there
     */
    public <T> CommandHandle<T> submit(BusCommand<T> command) {
        BusStatus s = status;
        if (closing || s.state() != BusState.OPEN) {
            throw new IllegalStateException("bus " + s.label() + " is " + s.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")") + ": nothing can be sent now");
        }
        QueuedCommand<T> q = new QueuedCommand<>(command, COMMAND_IDS.incrementAndGet(), line);
        queue.add(q);
        q.report(CommandProgress.State.QUEUED, 0, 0, "");
        return q;
    }

    @Override
    public void close() {
        closing = true;
        queue.wake();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null || t == Thread.currentThread()) {
            if (t == null) {
                connector.close();
            }
            return;
        }
        try {
            t.join((long) timeoutMillis * (settings.retries() + 1) + 3000);
            if (t.isAlive()) {
                t.interrupt();
                t.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the bus thread --------------------------------------------------------------------------------------

    private void run() {
        try {
            while (!closing) {
                if (port == null && !connect()) {
                    continue;
                }
                try {
                    step();
                } catch (IOException e) {
                    lost("the port failed: " + e.getMessage());
                }
            }
        } catch (RuntimeException | Error e) {
            log.accept("bus " + id + " stopped by an internal error: " + e);
            publishBus(BusState.FAILED, "internal error: " + e);
            throw e;
        } finally {
            closePort();
            failQueued(new CancellationException("the bus was closed"));
            connector.close();
            allOffline(false);
            publishBus(BusState.CLOSED, "");
        }
    }

    private void step() throws IOException {
        QueuedCommand<?> q = queue.poll();
        if (q != null) {
            boolean transfer = q.command.priority() == BusCommand.Priority.TRANSFER;
            if (transfer && !polledBeforeTransfer && schedule.untilNext(clock.nanoTime()) <= 0) {
                // a long transfer goes in steps: one due poll between two steps keeps the other packs live
                polledBeforeTransfer = true;
                queue.add(q);
            } else {
                polledBeforeTransfer = !transfer;
                runCommand(q);
                return;
            }
        }
        long now = clock.nanoTime();
        int due = schedule.next(now, links::probed);
        if (due >= 0 && visit(due, false)) {
            schedule.swept(due);
        }
        if (schedule.sweepComplete()) {
            events.sweep(id, schedule.sweeps());
        }
        publishStatistics(false);
        if (due < 0) {
            waitForWork(schedule.untilNext(now));
        } else {
            suspectSilence();
        }
    }

    private boolean connect() {
        boolean first = opens == 0 && status.state() != BusState.FAILED;
        publishBus(first ? BusState.OPENING : status.state() == BusState.FAILED ? BusState.FAILED
                : BusState.RECONNECTING, status.detail());
        try {
            Port p = connector.open();
            if (closing) {
                p.close();
                return false;
            }
            port = p;
            runner = new TransactionRunner(p, settings.transport().baud(), settings.transport().bitsPerCharacter(), clock);
            runner.setTap(new Tap());
            opens++;
            backoff.opened();
            long now = clock.nanoTime();
            lastAnswerNanos = now;
            schedule.allDueAt(now);
            log.accept("bus " + id + " open on " + p.name());
            publishBus(BusState.OPEN, "");
            return true;
        } catch (IOException | RuntimeException e) {
            counters.io();
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            long delay = backoff.failedToOpen();
            // the same reason again is not news: the views hear of it once, not at every retry
            publishBus(first || status.state() == BusState.FAILED ? BusState.FAILED : BusState.RECONNECTING,
                    why + RETRYING);
            sleep(delay);
            return false;
        }
    }

    /** The port is gone or suspected: close it, fail what was waiting for it, and let the loop reopen it. */
    private void lost(String why) {
        counters.io();
        log.accept("bus " + id + ": " + why);
        // said before the port is closed: closing a dead line may take a while, and the views must not show it open
        allOffline(true);
        publishBus(BusState.RECONNECTING, why);
        closePort();
        failQueued(new IOException(why));
        long delay = backoff.lost();
        sleep(delay);
    }

    private void allOffline(boolean forgetFailures) {
        Instant now = clock.instant();
        for (int i = 0; i < links.size(); i++) {
            publish(links.offline(i, now, forgetFailures));
        }
    }

    private void closePort() {
        Port p = port;
        port = null;
        runner = null;
        if (p == null) {
            return;
        }
        // a pty whose other side died, or a hung adapter, can hold close() in the driver: the bus does not wait
        // for it longer than CLOSE_WAIT_MILLIS, so it can reopen the line and the views hear of it
        Thread closer = new Thread(() -> {
            try {
                p.close();
            } catch (IOException e) {
                log.accept("bus " + id + ": closing " + p.name() + " failed: " + e.getMessage());
            }
        }, "bmsw-close-" + id);
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            log.accept("bus " + id + ": closing " + p.name() + " takes longer than " + CLOSE_WAIT_MILLIS
                    + " ms; going on without it");
        }
    }

    /**
     * A pty whose other side died, or an adapter that hangs without an error, looks like a bus where nobody
     * answers. When every pack has been silent for a while, the port is reopened, at growing intervals.
     */
    private void suspectSilence() {
        long silentFor = clock.nanoTime() - lastAnswerNanos;
        if (links.allFailing() && backoff.tooSilent(silentFor)) {
            lost("no pack has answered for " + TimeUnit.NANOSECONDS.toMillis(silentFor) + " ms; reopening the port");
        }
    }

    /**
     * Polls one pack; false when it only answered a probe and its full poll comes next.
     *
     * @param fresh a full poll whatever the pack's state, for a write guard that judges on what the pack says now
     */
    private boolean visit(int index, boolean fresh) throws IOException {
        PackTracker p = packs.get(index);
        boolean probe = !fresh && links.probed(index);
        boolean full = fresh || probe || p.visits % settings.fullEvery() == 0;
        List<Request> requests = probe ? List.of(p.summary.get(0)) : full ? p.full : p.summary;
        schedule.started(index, clock.nanoTime());
        PackSnapshot merged = null;
        for (Request r : requests) {
            if (r.optional() && p.skips(r)) {
                continue;
            }
            // a block the board may not serve is asked once per visit: retrying its silence costs every poll
            Outcome o = runner.run(protocol, r, timeoutMillis, probe || r.optional() ? 0 : settings.retries());
            counters.add(o);
            if (!o.ok() && r.optional()) {
                if (o.timedOut() && p.silentOn(r)) {
                    log.accept("bus " + id + ": pack " + p.address + " does not answer " + r.description()
                            + "; polled without it, asked again every " + PackTracker.SILENT_RETRY_VISITS
                            + " polls");
                }
                continue;
            }
            if (r.optional()) {
                p.answered(r);
            }
            if (!o.ok()) {
                failed(index, o.timedOut() ? "no answer" : String.valueOf(o.failure()));
                events.visited(id, p.address, null);
                return true;
            }
            Reply reply = o.reply();
            if (reply.isError()) {
                continue;
            }
            for (PackSnapshot s : reply.packs()) {
                if (s.address() == p.address) {
                    merged = merged == null ? s : merged.mergedWith(s);
                }
            }
        }
        lastAnswerNanos = clock.nanoTime();
        backoff.answered();
        publish(links.heard(index, clock.instant()));
        if (probe) {
            // answered its probe: poll it in full at once, within this same sweep
            schedule.again(index, lastAnswerNanos);
            return false;
        }
        p.visits++;
        Instant now = clock.instant();
        if (merged != null) {
            PackSnapshot snapshot = merged.toBuilder().time(now).build();
            PackSnapshot previous = p.latest;
            p.latest = previous == null || full ? snapshot : previous.mergedWith(snapshot);
            publish(links.polled(index, now));
            events.snapshot(new PackData(id, snapshot, full));
            FlagDiff.between(id, p.address, previous, snapshot, now).forEach(events::flag);
        } else {
            publish(links.polled(index, now));
        }
        events.visited(id, p.address, merged == null ? null : p.latest);
        return true;
    }

    private void failed(int index, String why) {
        if (links.asleep(index)) {
            schedule.dueAt(index, clock.nanoTime() + hibernatingProbeNanos());
            return;
        }
        PackLinkStates.Failure f = links.failed(index, clock.instant());
        publish(f.changed());
        if (f.backoffMillis() > 0) {
            schedule.dueAt(index, clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(f.backoffMillis()));
        }
        if (f.wentOffline()) {
            log.accept("bus " + id + ": pack " + links.address(index) + " does not answer (" + why + ")");
        }
    }

    private void publish(PackStatus changed) {
        if (changed != null) {
            events.packState(changed);
        }
    }

    private void publishBus(BusState state, String detail) {
        BusStatus now = new BusStatus(id, settings.transport().label(), protocol.id(), state, detail, clock.instant());
        BusStatus before = status;
        status = now;
        if (before.state() != state || !before.detail().equals(now.detail())) {
            events.busState(now);
        }
    }

    private void publishStatistics(boolean force) {
        long now = clock.nanoTime();
        if (!force && now - lastStatsNanos < STATS_PERIOD_NANOS) {
            return;
        }
        long revision = counters.revision();
        if (revision == statsRevision) {
            return;
        }
        lastStatsNanos = now;
        statsRevision = revision;
        events.link(counters.snapshot(id, clock.instant()));
    }

    // --- commands -------------------------------------------------------------------------------------------

    private void waitForWork(long nanos) {
        try {
            queue.awaitWork(nanos, () -> closing);
        } catch (InterruptedException e) {
            closing = true;
            Thread.currentThread().interrupt();
        }
    }

    private void sleep(long millis) {
        try {
            queue.pause(TimeUnit.MILLISECONDS.toNanos(millis), () -> closing);
        } catch (InterruptedException e) {
            closing = true;
            Thread.currentThread().interrupt();
        }
    }

    private void failQueued(Exception why) {
        for (QueuedCommand<?> q : queue.removeAll()) {
            q.fail(why);
        }
    }

    private <T> void runCommand(QueuedCommand<T> q) throws IOException {
        if (q.cancelRequested) {
            q.fail(new CancellationException("cancelled before it started"));
            return;
        }
        q.report(CommandProgress.State.RUNNING, 0, 0, "");
        try {
            if (q.command instanceof GuardedCommand<T> g) {
                admit(q, g);
            }
            T result = q.command.run(q);
            q.succeed(result);
        } catch (IOException e) {
            q.fail(e);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
            q.fail(new CancellationException("the bus was closed"));
        } catch (Exception e) {
            q.fail(e);
        }
    }

    /**
     * A command changes a pack only when the write guard issued it and, right now, accepts it on values the pack
     * gave a moment ago: a charge that started while a person read the confirmation is seen here.
     */
    private void admit(QueuedCommand<?> q, GuardedCommand<?> command) throws IOException, CommandException {
        WriteGuard g = guard.get();
        if (!g.issued(command)) {
            throw new CommandException(command.label() + " was not issued by the write guard: refused, nothing was sent");
        }
        int index = links.indexOf(command.address());
        if (index < 0) {
            throw new CommandException("pack " + command.address() + " is not on bus " + id + ": nothing was sent");
        }
        Instant before = clock.instant();
        visit(index, true);
        Instant good = links.lastGood(index);
        g.admit(command, good != null && !good.isBefore(before) ? packs.get(index).latest : null);
        q.changes = command.address();
    }

    /** What the bus's commands use of it. */
    private final class CommandLine implements QueuedCommand.Line {
        @Override
        public String busId() {
            return id;
        }

        @Override
        public BmsProtocol protocol() {
            return protocol;
        }

        @Override
        public BusClock clock() {
            return clock;
        }

        @Override
        public BusEvents events() {
            return events;
        }

        @Override
        public TransactionRunner runner() {
            return runner;
        }

        @Override
        public LinkCounters counters() {
            return counters;
        }

        @Override
        public int timeoutMillis() {
            return timeoutMillis;
        }

        @Override
        public int retries() {
            return settings.retries();
        }

        @Override
        public boolean closing() {
            return closing;
        }

        @Override
        public boolean unqueue(QueuedCommand<?> command) {
            return queue.remove(command);
        }

        @Override
        public void hibernating(int address, boolean asleep) {
            int index = links.indexOf(address);
            if (index < 0) {
                return;
            }
            long now = clock.nanoTime();
            if (asleep) {
                publish(links.hibernating(index, clock.instant()));
                log.accept("bus " + id + ": pack " + address + " is hibernating");
                schedule.dueAt(index, now + hibernatingProbeNanos());
            } else {
                schedule.dueAt(index, now);
            }
        }
    }

    /**
     * Any frame on the line wakes a hibernating board (modbus-native 9.5), so the other packs' polling wakes it
     * anyway and a probe every 30 s costs nothing more; alone on its bus it is left asleep until someone wakes it.
     */
    private long hibernatingProbeNanos() {
        return links.size() > 1 ? TimeUnit.MILLISECONDS.toNanos(PackLinkStates.MAX_PROBE_BACKOFF_MILLIS)
                : TimeUnit.DAYS.toNanos(365);
    }

    /** Turns the runner's frames into communication-record entries. */
    private final class Tap implements FrameTap {
        @Override
        public void sent(Request request, byte[] frame, Instant time) {
            events.frame(new FrameRecord(id, time, FrameRecord.Direction.TX, request.address(), frame, null,
                    request.description()));
        }

        @Override
        public void received(Request request, byte[] bytes, LinkErrorKind error, String note, Instant time) {
            events.frame(new FrameRecord(id, time, FrameRecord.Direction.RX, request.address(), bytes, error, note));
        }
    }

    /** How the bus polls one pack, and what it last heard. Touched only by the bus thread, except {@code latest}. */
    private static final class PackTracker {
        /** An optional block a pack was silent on is asked again after this many polls of the pack. */
        static final int SILENT_RETRY_VISITS = 30;

        final int address;
        final List<Request> summary;
        final List<Request> full;
        volatile PackSnapshot latest;
        long visits;
        /** Optional requests the pack did not answer, with the visit from which to ask them again. */
        private final Map<Request, Long> silent = new HashMap<>();

        PackTracker(int address, List<Request> summary, List<Request> full) {
            this.address = address;
            this.summary = summary;
            this.full = full;
        }

        boolean skips(Request r) {
            Long until = silent.get(r);
            return until != null && visits < until;
        }

        void answered(Request r) {
            silent.remove(r);
        }

        /** Records the silence; true the first time, to say so once rather than every retry. */
        boolean silentOn(Request r) {
            return silent.put(r, visits + SILENT_RETRY_VISITS) == null;
        }
    }
}
