package org.bmsworkbench.connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;

/**
 * The link state of each pack on a bus. A failed poll makes an {@code ONLINE} pack {@code STALE};
 * {@code offlineAfter} failed polls in a row make it {@code OFFLINE}, and from then on it is only probed, after
 * 1, 2, 4 ... 30 s. An {@code ONLINE} pack's state is restated at most once a second, so the shown age of its
 * last answer stays right without an event at every poll. Each method that changes a state returns the
 * status to publish, or {@code null} when there is nothing new. Written by the bus thread only; the states
 * may be read from any thread.
 */
final class PackLinkStates {

    static final long MAX_PROBE_BACKOFF_MILLIS = 30_000;
    private static final long ONLINE_REFRESH_MILLIS = 1000;
    private static final int MAX_BACKOFF_DOUBLINGS = 10;

    /** What a failed poll came to. */
    record Failure(PackStatus changed, long backoffMillis, boolean wentOffline) {
    }

    private final String busId;
    private final int[] addresses;
    private final int offlineAfter;
    private final PackStatus[] status;
    private final int[] failures;
    private final Instant[] lastGood;

    PackLinkStates(String busId, List<Integer> addresses, int offlineAfter) {
        this.busId = busId;
        this.addresses = addresses.stream().mapToInt(Integer::intValue).toArray();
        this.offlineAfter = offlineAfter;
        this.status = new PackStatus[this.addresses.length];
        this.failures = new int[this.addresses.length];
        this.lastGood = new Instant[this.addresses.length];
    }

    int size() {
        return addresses.length;
    }

    int address(int index) {
        return addresses[index];
    }

    /** The index of the pack at {@code address}, or -1. */
    int indexOf(int address) {
        for (int i = 0; i < addresses.length; i++) {
            if (addresses[i] == address) {
                return i;
            }
        }
        return -1;
    }

    /** Each pack's state now; {@code null} entries before the bus started. */
    synchronized List<PackStatus> states() {
        List<PackStatus> result = new ArrayList<>();
        for (PackStatus s : status) {
            result.add(s);
        }
        return result;
    }

    synchronized PackStatus status(int index) {
        return status[index];
    }

    /** The bus starts: every pack is offline until it answers. Returns every status, to publish. */
    synchronized List<PackStatus> start(Instant now) {
        for (int i = 0; i < addresses.length; i++) {
            status[i] = new PackStatus(busId, addresses[i], PackLinkState.OFFLINE, null, now);
        }
        return states();
    }

    /** Whether pack {@code index} is offline and therefore only probed. */
    synchronized boolean probed(int index) {
        return status[index].state() == PackLinkState.OFFLINE && failures[index] >= offlineAfter
                || status[index].state() == PackLinkState.HIBERNATING;
    }

    /** Whether pack {@code index} was sent into hibernation and has not answered since. */
    synchronized boolean asleep(int index) {
        return status[index].state() == PackLinkState.HIBERNATING;
    }

    /** Pack {@code index} was sent into forced hibernation: silent on purpose, its failures forgotten. */
    PackStatus hibernating(int index, Instant now) {
        failures[index] = 0;
        return set(index, PackLinkState.HIBERNATING, now);
    }

    /** Whether every pack failed its last poll. */
    boolean allFailing() {
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] == 0 || asleep(i)) {
                return false;
            }
        }
        return true;
    }

    /** The time of the pack's last good poll, or {@code null}. */
    Instant lastGood(int index) {
        return lastGood[index];
    }

    /**
     * Pack {@code index} answered, a probe or a poll: its failures are forgotten, and a hibernating pack is awake
     * again (stale until its full poll), which is the status to publish.
     */
    PackStatus heard(int index, Instant now) {
        failures[index] = 0;
        return asleep(index) ? set(index, PackLinkState.STALE, now) : null;
    }

    /** Pack {@code index} answered a whole poll at {@code now}. */
    PackStatus polled(int index, Instant now) {
        failures[index] = 0;
        lastGood[index] = now;
        return set(index, PackLinkState.ONLINE, now);
    }

    /** Pack {@code index} did not answer a poll or probe at {@code now}. */
    Failure failed(int index, Instant now) {
        int f = ++failures[index];
        if (f >= offlineAfter) {
            int k = Math.min(f - offlineAfter, MAX_BACKOFF_DOUBLINGS);
            long backoff = Math.min(MAX_PROBE_BACKOFF_MILLIS, 1000L << k);
            return new Failure(set(index, PackLinkState.OFFLINE, now), backoff, f == offlineAfter);
        }
        PackStatus changed = status[index].state() == PackLinkState.ONLINE ? set(index, PackLinkState.STALE, now) : null;
        return new Failure(changed, 0, false);
    }

    /** Pack {@code index} is offline because the port is gone; with {@code forget}, its failures are too. */
    PackStatus offline(int index, Instant now, boolean forget) {
        if (asleep(index)) {
            // a hibernating pack stays so when the port goes: it still sleeps
            return null;
        }
        if (forget) {
            failures[index] = 0;
        }
        return set(index, PackLinkState.OFFLINE, now);
    }

    private synchronized PackStatus set(int index, PackLinkState state, Instant now) {
        PackStatus s = status[index];
        if (s.state() == state && state != PackLinkState.ONLINE) {
            return null;
        }
        if (s.state() == state && s.lastGoodAnswer() != null
                && now.toEpochMilli() - s.time().toEpochMilli() < ONLINE_REFRESH_MILLIS) {
            return null;
        }
        status[index] = new PackStatus(busId, addresses[index], state, lastGood[index], now);
        return status[index];
    }
}
