package org.bmsworkbench.core.bus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.RecordingStatus;

/**
 * Thread-safe store behind {@link BusStateRegistry}; plain Java so it is tested without OSGi.
 * <p>
 * Events may arrive out of order (EventAdmin delivers asynchronously): a report older than the one
 * already held for the same bus or pack is ignored, so a late "online" can never overwrite "offline".
 * <p>
 * A bus reported {@link BusState#CLOSED} is forgotten with its packs (the activity keeps the close): it is no
 * longer shown nor counted. Reports of it that arrive late are dropped; a bus report newer than the close shows it
 * again.
 */
public final class BusStateStore implements BusStateRegistry {

    /** Default age after which an "online" pack is shown as stale even if no one said so. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(10);

    /** Default number of activity entries kept. */
    public static final int DEFAULT_ACTIVITY_CAPACITY = 1000;

    /** How many closed buses are remembered to drop their late reports; bus ids are not reused. */
    private static final int CLOSED_REMEMBERED = 256;

    private final Object lock = new Object();
    private final Duration staleAfter;
    private final int activityCapacity;
    private final Map<String, BusEntry> buses = new LinkedHashMap<>();
    private final ArrayDeque<ActivityEntry> activity = new ArrayDeque<>();
    private RecordingStatus.State recorderState;
    private String recorderFile = "";
    /** When each forgotten bus was closed: older reports of it are late and dropped. */
    private final Map<String, Instant> closed = new LinkedHashMap<>();
    private long revision;

    public BusStateStore() {
        this(DEFAULT_STALE_AFTER, DEFAULT_ACTIVITY_CAPACITY);
    }

    public BusStateStore(Duration staleAfter, int activityCapacity) {
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive");
        }
        if (activityCapacity < 1) {
            throw new IllegalArgumentException("activityCapacity must be at least 1");
        }
        this.staleAfter = staleAfter;
        this.activityCapacity = activityCapacity;
    }

    /**
     * Applies a bus or pack report.
     *
     * @return {@code true} if it changed what the registry shows (so listeners must be told)
     */
    public boolean apply(Object report) {
        if (report instanceof BusStatus bus) {
            return apply(bus);
        }
        if (report instanceof PackStatus pack) {
            return apply(pack);
        }
        if (report instanceof RecordingStatus recording) {
            return apply(recording);
        }
        return false;
    }

    /** The activity names the recorder as this bus id, so its start, pause and failure show among the buses'. */
    public static final String RECORDER = "recorder";

    private boolean apply(RecordingStatus status) {
        synchronized (lock) {
            RecordingStatus.State before = recorderState;
            boolean newFile = !status.file().equals(recorderFile);
            recorderState = status.state();
            recorderFile = status.file();
            // the recorder's first word at start-up, "not recording yet", is no change worth a line
            if (before == status.state() && !newFile || before == null && status.state() == RecordingStatus.State.OFF) {
                return false;
            }
            String detail = status.state() == RecordingStatus.State.FAILED ? status.detail() : status.file();
            log(new ActivityEntry(status.time(), RECORDER, -1, before == null ? "" : before.name(),
                    status.state().name(), detail));
            revision++;
            return true;
        }
    }

    private boolean apply(BusStatus status) {
        synchronized (lock) {
            Instant closedAt = closed.get(status.busId());
            if (closedAt != null) {
                if (!status.time().isAfter(closedAt)) {
                    return false;
                }
                closed.remove(status.busId());
            }
            BusEntry entry = buses.get(status.busId());
            if (status.state() == BusState.CLOSED) {
                return forget(entry, status);
            }
            if (entry == null) {
                entry = new BusEntry(status);
                buses.put(status.busId(), entry);
                log(new ActivityEntry(status.time(), status.busId(), -1, "", status.state().name(), status.detail()));
            } else {
                if (status.time().isBefore(entry.status.time())) {
                    return false;
                }
                BusStatus previous = entry.status;
                entry.status = status;
                if (previous.state() != status.state() || !previous.detail().equals(status.detail())) {
                    log(new ActivityEntry(status.time(), status.busId(), -1, previous.state().name(),
                            status.state().name(), status.detail()));
                }
            }
            revision++;
            return true;
        }
    }

    private boolean forget(BusEntry entry, BusStatus status) {
        if (entry != null && status.time().isBefore(entry.status.time())) {
            return false;
        }
        buses.remove(status.busId());
        closed.put(status.busId(), status.time());
        if (closed.size() > CLOSED_REMEMBERED) {
            closed.remove(closed.keySet().iterator().next());
        }
        log(new ActivityEntry(status.time(), status.busId(), -1, entry == null ? "" : entry.status.state().name(),
                status.state().name(), status.detail()));
        revision++;
        return true;
    }

    private boolean apply(PackStatus status) {
        synchronized (lock) {
            if (closed.containsKey(status.busId())) {
                return false;
            }
            BusEntry entry = buses.get(status.busId());
            if (entry == null) {
                // A pack report can overtake its bus's first report; keep it under a placeholder bus.
                entry = new BusEntry(new BusStatus(status.busId(), status.busId(), "",
                        BusState.OPEN, "", status.time()));
                buses.put(status.busId(), entry);
            }
            PackStatus previous = entry.packs.get(status.address());
            if (previous != null && status.time().isBefore(previous.time())) {
                return false;
            }
            entry.packs.put(status.address(), status);
            if (previous == null || previous.state() != status.state()) {
                log(new ActivityEntry(status.time(), status.busId(), status.address(),
                        previous == null ? "" : previous.state().name(), status.state().name(), ""));
            }
            revision++;
            return true;
        }
    }

    private void log(ActivityEntry entry) {
        if (activity.size() == activityCapacity) {
            activity.removeFirst();
        }
        activity.addLast(entry);
    }

    @Override
    public Overview overview(Instant now) {
        Objects.requireNonNull(now, "now");
        synchronized (lock) {
            List<BusView> views = new ArrayList<>(buses.size());
            for (BusEntry entry : buses.values()) {
                List<PackView> packs = new ArrayList<>(entry.packs.size());
                for (PackStatus pack : entry.packs.values()) {
                    packs.add(view(entry.status, pack, now));
                }
                views.add(new BusView(entry.status, packs));
            }
            return new Overview(revision, now, views);
        }
    }

    private PackView view(BusStatus bus, PackStatus pack, Instant now) {
        Duration age = pack.lastGoodAnswer() == null ? null : Duration.between(pack.lastGoodAnswer(), now);
        PackLinkState effective = pack.state();
        if (!bus.state().isLive()) {
            effective = PackLinkState.OFFLINE;
        } else if (effective == PackLinkState.ONLINE && age != null && age.compareTo(staleAfter) > 0) {
            effective = PackLinkState.STALE;
        }
        if (age != null && age.isNegative()) {
            age = Duration.ZERO;
        }
        return new PackView(pack, effective, age);
    }

    @Override
    public List<ActivityEntry> activity() {
        synchronized (lock) {
            return List.copyOf(activity);
        }
    }

    @Override
    public long revision() {
        synchronized (lock) {
            return revision;
        }
    }

    private static final class BusEntry {
        BusStatus status;
        final TreeMap<Integer, PackStatus> packs = new TreeMap<>();

        BusEntry(BusStatus status) {
            this.status = status;
        }
    }
}
