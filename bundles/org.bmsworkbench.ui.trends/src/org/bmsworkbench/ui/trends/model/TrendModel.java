package org.bmsworkbench.ui.trends.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.record.store.TrendValue;

/**
 * The lines of a trend chart: which packs and values, each a {@link Trace}, and where live snapshots go. The ring
 * buffers share a fixed budget of values, so 16 packs × 33 sensors cost no more memory than one line.
 * {@link #append} may be called from any thread while the display thread draws.
 */
public final class TrendModel {

    /** Single values held by all rings together (12 bytes each): about 24 MB. */
    public static final int VALUE_BUDGET = 2_000_000;
    /** The most single values one line holds: 1.8 hours at 10 Hz. */
    public static final int MAX_RING = 65_536;
    /** The fewest: 7 minutes at 10 Hz. */
    public static final int MIN_RING = 4_096;

    /**
     * What is drawn: a bus, its packs, the choice; {@code epoch} changes when the bus was opened again (a replay that
     * went back in time), which starts the lines anew.
     */
    public record Selection(String busId, List<Integer> addresses, TrendChoice choice, int sensors, long epoch) {
        public Selection {
            Objects.requireNonNull(busId, "busId");
            addresses = List.copyOf(addresses);
            Objects.requireNonNull(choice, "choice");
        }
    }

    private volatile Selection selection;
    private volatile List<Trace> traces = List.of();
    private volatile Map<Integer, List<Trace>> byAddress = Map.of();
    private volatile long revision;

    /** Makes empty lines for a new selection; returns false (keeping the lines) when it is the one shown. */
    public synchronized boolean select(Selection next) {
        if (next.equals(selection)) {
            return false;
        }
        List<Trace> list = new ArrayList<>();
        Map<Integer, List<Trace>> map = new HashMap<>();
        int perPack = next.choice().values(next.sensors()).size();
        int count = Math.max(1, perPack * next.addresses().size());
        int capacity = Math.max(MIN_RING, Math.min(MAX_RING, VALUE_BUDGET / count));
        for (int address : next.addresses()) {
            for (TrendValue v : next.choice().values(next.sensors())) {
                Trace t = new Trace(next.busId(), address, v, capacity);
                list.add(t);
                map.computeIfAbsent(address, a -> new ArrayList<>()).add(t);
            }
        }
        selection = next;
        traces = List.copyOf(list);
        byAddress = Map.copyOf(map);
        revision++;
        return true;
    }

    public Selection selection() {
        return selection;
    }

    public List<Trace> traces() {
        return traces;
    }

    /** Adds a live snapshot to the lines of its pack; false when none is drawn. */
    public boolean append(String busId, PackSnapshot s) {
        Selection sel = selection;
        if (sel == null || !sel.busId().equals(busId)) {
            return false;
        }
        List<Trace> lines = byAddress.get(s.address());
        if (lines == null) {
            return false;
        }
        long t = s.time().toEpochMilli();
        for (Trace line : lines) {
            line.append(t, line.value().of(s));
        }
        revision++;
        return true;
    }

    /** Increases with every change of lines or values. */
    public long revision() {
        return revision;
    }

    /** The first and last time of all lines, or {@code null} when they hold nothing. */
    public long[] span() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Trace t : traces) {
            long[] s = t.span();
            if (s != null) {
                first = Math.min(first, s[0]);
                last = Math.max(last, s[1]);
            }
        }
        return first == Long.MAX_VALUE ? null : new long[] { first, last };
    }
}
