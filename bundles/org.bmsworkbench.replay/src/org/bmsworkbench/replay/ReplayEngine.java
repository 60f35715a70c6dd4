package org.bmsworkbench.replay;

import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.record.store.RecordedPack;

/**
 * Plays a session file back on the bus topics, as a bus would publish it: {@code BUS_STATE} (the replay bus open),
 * {@code PACK_STATE} (each pack online, repeated every second like a polled pack), {@code PACK_SNAPSHOT} (each
 * recorded snapshot as it was recorded, its time included) and {@code PACK_FLAG} (the alarm, protection and
 * detection flags that came on or went off between two snapshots). Each recorded bus becomes a replay bus
 * ({@link BusStatus#REPLAY_ID_PREFIX}), so every view shows it as it shows a live one and marks it REPLAY.
 * <p>
 * Speed 1× to 1000× of the recorded time, pause, step (one snapshot) and seek. Plain Java: the work is done by
 * {@link #pump()}, which publishes what is due and says how long to wait; {@link #start()} runs it on a thread,
 * tests call it with their own clock.
 * <p>
 * Link states are the replay's own, on the wall clock: a pack is ONLINE while the replay is open, so the views'
 * staleness (judged on the wall clock) does not mark a paused replay stale. A seek back closes and opens the replay
 * buses again, because views keep only the newest snapshot of a pack and would otherwise ignore older ones.
 */
public final class ReplayEngine implements AutoCloseable {

    public static final double MIN_SPEED = 1;
    public static final double MAX_SPEED = 1000;
    /** What a replay publishes at most in one go, so that controls take effect at once even at 1000×. */
    private static final int BATCH = 256;
    private static final long IDLE_NANOS = 200_000_000L;
    private static final long HEARTBEAT_NANOS = 1_000_000_000L;
    private static final Set<PackFlag> NONE = EnumSet.noneOf(PackFlag.class);

    /** Where events go: EventAdmin in the workbench, a list in tests. */
    @FunctionalInterface
    public interface Publisher {
        void publish(String topic, Object payload);
    }

    /** The wall clock. */
    public interface Ticker {
        long nanos();

        Instant now();

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public Instant now() {
                return Instant.now();
            }
        };
    }

    /** A replay's state as controls and views see it. */
    public record State(Instant first, Instant last, Instant position, boolean playing, double speed, boolean ended,
            long published) {
    }

    private final ReplayFile file;
    private final Publisher out;
    private final Ticker ticker;
    private final Map<String, String> replayIds;
    private final String fileName;
    private final Map<Long, Set<PackFlag>> flags = new HashMap<>();
    private final Object lock = new Object();
    private Thread thread;

    // guarded by lock
    private boolean opened;
    private boolean playing;
    private double speed = 1;
    private long anchorNanos;
    private Instant anchorTime;
    private Instant position;
    private int steps;
    private Instant seekTo;
    private boolean closed;
    private boolean ended;
    private long published;
    private long lastHeartbeat;

    /**
     * @param replayIds the replay bus id of each recorded bus id of the file ({@code bus-1} → {@code replay-1})
     */
    public ReplayEngine(ReplayFile file, Map<String, String> replayIds, Publisher out, Ticker ticker) {
        this.file = Objects.requireNonNull(file, "file");
        this.replayIds = Map.copyOf(replayIds);
        for (RecordedPack p : file.packs()) {
            if (!BusStatus.isReplayBus(this.replayIds.getOrDefault(p.busId(), ""))) {
                throw new IllegalArgumentException("no replay bus id for recorded bus " + p.busId());
            }
        }
        this.out = Objects.requireNonNull(out, "out");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.fileName = file.file().getFileName().toString();
        this.position = file.first();
        this.anchorTime = file.first();
    }

    public ReplayFile file() {
        return file;
    }

    /** The replay bus id of a recorded bus. */
    public Map<String, String> replayIds() {
        return replayIds;
    }

    public State state() {
        synchronized (lock) {
            return new State(file.first(), file.last(), position, playing, speed, ended, published);
        }
    }

    /** Plays from the position at the current speed. */
    public void play() {
        synchronized (lock) {
            if (ended) {
                seekTo = file.first();
                ended = false;
            }
            playing = true;
            anchor();
            lock.notifyAll();
        }
    }

    public void pause() {
        synchronized (lock) {
            playing = false;
            lock.notifyAll();
        }
    }

    /** Publishes the next snapshot (and pauses). */
    public void step() {
        synchronized (lock) {
            playing = false;
            steps++;
            lock.notifyAll();
        }
    }

    /** Sets the speed, a multiple of the recorded time from {@value #MIN_SPEED} to {@value #MAX_SPEED}. */
    public void setSpeed(double next) {
        if (!(next >= MIN_SPEED && next <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed " + next + " is outside " + MIN_SPEED + ".." + MAX_SPEED);
        }
        synchronized (lock) {
            speed = next;
            anchor();
            lock.notifyAll();
        }
    }

    /** Goes to a time of the recording (clamped to its first and last snapshot). */
    public void seek(Instant time) {
        Instant t = time.isBefore(file.first()) ? file.first() : time.isAfter(file.last()) ? file.last() : time;
        synchronized (lock) {
            seekTo = t;
            ended = false;
            lock.notifyAll();
        }
    }

    /** Runs {@link #pump()} on a daemon thread until {@link #close()}. */
    public ReplayEngine start() {
        Thread t = new Thread(this::run, "replay " + fileName);
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    private void run() {
        try {
            while (true) {
                long wait = pump();
                if (wait < 0) {
                    return;
                }
                if (wait > 0) {
                    synchronized (lock) {
                        if (!closed) {
                            lock.wait(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // the file went away or broke: the replay ends, its buses say why
            for (String id : replayIds.values()) {
                out.publish(BmsTopics.BUS_STATE, new BusStatus(id, label(id), "", BusState.FAILED,
                        "the recording cannot be read: " + e.getMessage(), ticker.now()));
            }
        }
    }

    /**
     * Does what is due now: opens the replay buses, repeats the packs' link states every second, moves to a time
     * sought, and publishes the snapshots whose recorded time has come at the current speed (or one for a step).
     *
     * @return nanoseconds to wait before the next call, 0 to call again at once, -1 after {@link #close()}
     */
    public long pump() throws SQLException {
        long now = ticker.nanos();
        synchronized (lock) {
            if (closed) {
                return -1;
            }
            if (!opened) {
                openBuses();
                opened = true;
                lastHeartbeat = now;
            } else if (now - lastHeartbeat >= HEARTBEAT_NANOS) {
                packStates();
                lastHeartbeat = now;
            }
            if (seekTo != null) {
                if (seekTo.isBefore(position)) {
                    for (String id : replayIds.values()) {
                        out.publish(BmsTopics.BUS_STATE, new BusStatus(id, label(id), "", BusState.CLOSED,
                                "seek back in the recording", ticker.now()));
                    }
                    openBuses();
                    flags.clear();
                }
                file.seek(seekTo);
                position = seekTo;
                seekTo = null;
                anchor();
            }
            if (steps > 0) {
                steps--;
                if (!publishNext()) {
                    ended = true;
                }
                return 0;
            }
            if (!playing) {
                return Math.min(IDLE_NANOS, HEARTBEAT_NANOS - (now - lastHeartbeat));
            }
            Instant next = file.peekTime();
            if (next == null) {
                playing = false;
                ended = true;
                return IDLE_NANOS;
            }
            long dueNanos = anchorNanos + (long) ((next.toEpochMilli() - anchorTime.toEpochMilli()) * 1e6 / speed);
            if (dueNanos > now) {
                return Math.max(1, Math.min(dueNanos - now, HEARTBEAT_NANOS - (now - lastHeartbeat)));
            }
            // the next one is due; with it every one whose recorded time the replay has reached
            publishNext();
            long reached = anchorTime.toEpochMilli() + (long) ((now - anchorNanos) / 1e6 * speed);
            for (int i = 1; i < BATCH; i++) {
                Instant t = file.peekTime();
                if (t == null || t.toEpochMilli() > reached) {
                    break;
                }
                publishNext();
            }
            return 0;
        }
    }

    private boolean publishNext() throws SQLException {
        ReplayFile.Entry e = file.next();
        if (e == null) {
            return false;
        }
        String busId = replayIds.get(e.pack().busId());
        PackSnapshot s = e.row().snapshot();
        out.publish(BmsTopics.PACK_SNAPSHOT, new PackData(busId, s, s.cellCount() > 0));
        Set<PackFlag> before = flags.getOrDefault(e.pack().id(), NONE);
        Set<PackFlag> now = s.flags().isEmpty() ? NONE : EnumSet.copyOf(s.flags());
        for (PackFlag f : now) {
            if (!before.contains(f) && FlagChange.isWatched(f)) {
                out.publish(BmsTopics.PACK_FLAG, new FlagChange(busId, s.address(), f, true, s.time()));
            }
        }
        for (PackFlag f : before) {
            if (!now.contains(f) && FlagChange.isWatched(f) && s.reportedFlagCategories().contains(f.category())) {
                out.publish(BmsTopics.PACK_FLAG, new FlagChange(busId, s.address(), f, false, s.time()));
            }
        }
        flags.put(e.pack().id(), now);
        position = s.time();
        published++;
        return true;
    }

    private void anchor() {
        anchorNanos = ticker.nanos();
        anchorTime = position;
    }

    private String label(String replayId) {
        String recorded = file.packs().stream().filter(p -> replayId.equals(replayIds.get(p.busId()))).findFirst()
                .map(RecordedPack::busLabel).orElse("");
        return fileName + (recorded.isEmpty() ? "" : " (" + recorded + ")");
    }

    private void openBuses() {
        Instant t = ticker.now();
        for (String id : replayIds.values()) {
            out.publish(BmsTopics.BUS_STATE, new BusStatus(id, label(id), "", BusState.OPEN,
                    "replay of " + file.file(), t));
        }
        packStates();
    }

    private void packStates() {
        Instant t = ticker.now();
        for (RecordedPack p : file.packs()) {
            out.publish(BmsTopics.PACK_STATE,
                    new PackStatus(replayIds.get(p.busId()), p.address(), PackLinkState.ONLINE, t, t));
        }
    }

    /** Ends the replay: its buses close, the file is closed. */
    @Override
    public void close() throws SQLException {
        Thread t;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Instant now = ticker.now();
        for (String id : replayIds.values()) {
            out.publish(BmsTopics.BUS_STATE, new BusStatus(id, label(id), "", BusState.CLOSED, "replay closed", now));
        }
        file.close();
    }

    /** The recorded buses of a file, for naming their replay buses. */
    public static List<String> recordedBuses(ReplayFile file) {
        return file.packs().stream().map(RecordedPack::busId).distinct().toList();
    }
}
