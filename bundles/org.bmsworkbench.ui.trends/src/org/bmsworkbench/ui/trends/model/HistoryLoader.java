package org.bmsworkbench.ui.trends.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.SessionReader;
import org.bmsworkbench.record.store.TrendReader;
import org.bmsworkbench.record.store.TrendSamples;
import org.bmsworkbench.record.store.TrendValue;

/**
 * Fills the lines of a chart from a session file: the buckets of the whole session (the rollup) and the single
 * values of the last minutes, as many as a line's ring holds. Runs off the display thread.
 */
public final class HistoryLoader {

    /** How far back single values are read: beyond it the chart draws the 10-second buckets. */
    public static final long RECENT_MS = 15 * 60_000L;

    /** What a load read. */
    public record Loaded(int lines, long samples, long millis) {
    }

    private HistoryLoader() {
    }

    /**
     * Loads every line of {@code traces} from {@code file}; a line's bus is found in the file as {@code fileBusId}
     * (the same id for the live recording; the recorded id for a replay). Packs the file does not hold stay empty.
     *
     * @param untilMs the newest time to read (a replay's position), {@link Long#MAX_VALUE} for all
     */
    public static Loaded load(Path file, String fileBusId, List<Trace> traces, long untilMs) throws Exception {
        long start = System.nanoTime();
        long samples = 0;
        int lines = 0;
        try (SessionReader reader = SessionReader.open(file)) {
            TrendReader trends = new TrendReader(reader);
            Map<Integer, RecordedPack> packs = new LinkedHashMap<>();
            for (RecordedPack p : reader.packs()) {
                if (p.busId().equals(fileBusId) && p.last() != null) {
                    packs.put(p.address(), p);
                }
            }
            Map<Integer, List<Trace>> byPack = new LinkedHashMap<>();
            for (Trace t : traces) {
                byPack.computeIfAbsent(t.address(), a -> new ArrayList<>()).add(t);
            }
            for (Map.Entry<Integer, List<Trace>> e : byPack.entrySet()) {
                RecordedPack pack = packs.get(e.getKey());
                if (pack == null) {
                    continue;
                }
                List<TrendValue> values = e.getValue().stream().map(Trace::value).toList();
                long first = pack.first().toEpochMilli();
                long last = Math.min(pack.last().toEpochMilli(), untilMs);
                if (last < first) {
                    continue;
                }
                Map<TrendValue, TrendSamples> buckets = trends.buckets(pack.id(), values, first, last);
                Map<TrendValue, TrendSamples> recent = trends.points(pack.id(), values,
                        Math.max(first, last - RECENT_MS), last);
                for (Trace t : e.getValue()) {
                    TrendSamples b = buckets.get(t.value());
                    TrendSamples r = tail(recent.get(t.value()), t.capacity());
                    t.load(b, r);
                    samples += b.size() + r.size();
                    lines++;
                }
            }
        }
        return new Loaded(lines, samples, (System.nanoTime() - start) / 1_000_000);
    }

    /** The newest {@code n} samples. */
    private static TrendSamples tail(TrendSamples s, int n) {
        if (s.size() <= n) {
            return s;
        }
        TrendSamples out = new TrendSamples(n);
        for (int i = s.size() - n; i < s.size(); i++) {
            out.add(s.time(i), s.low(i), s.high(i));
        }
        return out;
    }
}
