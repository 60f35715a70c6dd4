package org.bmsworkbench.record.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.PackSnapshot;

/**
 * Reads a pack's trend history from a session file: every recorded value ({@link #points}) for a short window, and
 * the lowest and highest value per {@value TrendRollup#BUCKET_MS} ms ({@link #buckets}) for a long one, from the
 * rollup where the file has it, from the snapshots where it has not (older files, and the snapshots after the last
 * bucket written). Not thread-safe, as its {@link SessionReader}.
 */
public final class TrendReader {

    private final SessionReader reader;
    private final boolean rollup;

    public TrendReader(SessionReader reader) throws SQLException {
        this.reader = reader;
        try (PreparedStatement st = reader.connection()
                .prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'trend'");
                ResultSet rs = st.executeQuery()) {
            rollup = rs.next();
        }
    }

    /** Whether the file has the rollup (schema version 3 on). */
    public boolean hasRollup() {
        return rollup;
    }

    /** Every recorded value of a pack between two times (inclusive), in time order; low = high for each. */
    public Map<TrendValue, TrendSamples> points(long packId, List<TrendValue> values, long fromMs, long toMs)
            throws Exception {
        Map<TrendValue, TrendSamples> out = empty(values, 1024);
        scan(packId, fromMs, toMs, Integer.MAX_VALUE, s -> {
            long t = s.time().toEpochMilli();
            for (Map.Entry<TrendValue, TrendSamples> e : out.entrySet()) {
                double v = e.getKey().of(s);
                e.getValue().add(t, v, v);
            }
            return true;
        });
        return out;
    }

    /**
     * The lowest and highest value of a pack per rollup bucket between two times, each sample at its bucket's start,
     * in time order. The rollup gives the buckets it holds; the snapshots after its last bucket (the one being filled
     * while recording, or all of a file without the rollup) are bucketed here, the same way.
     */
    public Map<TrendValue, TrendSamples> buckets(long packId, List<TrendValue> values, long fromMs, long toMs)
            throws Exception {
        Map<TrendValue, TrendSamples> out = empty(values, 4096);
        long rawFrom = fromMs;
        if (rollup) {
            StringBuilder sql = new StringBuilder("SELECT bucket_ms");
            for (TrendValue v : values) {
                sql.append(", ").append(v.column()).append("_min, ").append(v.column()).append("_max");
            }
            sql.append(" FROM trend WHERE pack = ? AND bucket_ms >= ? AND bucket_ms <= ? ORDER BY bucket_ms");
            long last = Long.MIN_VALUE;
            try (PreparedStatement st = reader.connection().prepareStatement(sql.toString())) {
                st.setLong(1, packId);
                st.setLong(2, TrendRollup.bucketOf(fromMs));
                st.setLong(3, toMs);
                st.setFetchSize(1024);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        int c = 2;
                        for (TrendValue v : values) {
                            double lo = rs.getDouble(c++);
                            boolean loNull = rs.wasNull();
                            double hi = rs.getDouble(c++);
                            if (!loNull && !rs.wasNull()) {
                                out.get(v).add(last, lo, hi);
                            }
                        }
                    }
                }
            }
            if (last != Long.MIN_VALUE) {
                rawFrom = Math.max(fromMs, last + TrendRollup.BUCKET_MS);
            }
        }
        if (rawFrom <= toMs) {
            bucketRows(packId, values, rawFrom, toMs, out);
        }
        return out;
    }

    private void bucketRows(long packId, List<TrendValue> values, long fromMs, long toMs,
            Map<TrendValue, TrendSamples> out) throws Exception {
        int n = values.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        long[] bucket = { Long.MIN_VALUE };
        scan(packId, fromMs, toMs, Integer.MAX_VALUE, s -> {
            long b = TrendRollup.bucketOf(s.time().toEpochMilli());
            if (b > bucket[0]) {
                flush(values, bucket[0], lo, hi, out);
                bucket[0] = b;
                java.util.Arrays.fill(lo, Double.NaN);
                java.util.Arrays.fill(hi, Double.NaN);
            }
            for (int i = 0; i < n; i++) {
                double v = values.get(i).of(s);
                if (!Double.isNaN(v)) {
                    lo[i] = Double.isNaN(lo[i]) ? v : Math.min(lo[i], v);
                    hi[i] = Double.isNaN(hi[i]) ? v : Math.max(hi[i], v);
                }
            }
            return true;
        });
        flush(values, bucket[0], lo, hi, out);
    }

    private static void flush(List<TrendValue> values, long bucket, double[] lo, double[] hi,
            Map<TrendValue, TrendSamples> out) {
        if (bucket == Long.MIN_VALUE) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            out.get(values.get(i)).add(bucket, lo[i], hi[i]);
        }
    }

    /**
     * The cell voltages (V) of the first snapshot of a pack at or after a time and before {@code beforeMs}, or
     * {@code null} when there is none: one column of a cell heat map, found through the time index.
     */
    public PackSnapshot snapshotAt(long packId, long atMs, long beforeMs) throws Exception {
        PackSnapshot[] found = { null };
        scan(packId, atMs, beforeMs - 1, 1, s -> {
            found[0] = s;
            return true;
        });
        return found[0];
    }

    /** Receives snapshots in time order; returns false to stop. */
    @FunctionalInterface
    private interface Visitor {
        boolean visit(PackSnapshot s) throws Exception;
    }

    /** The snapshots of a pack between two times (inclusive) in time order, through the (pack, time) index. */
    private void scan(long packId, long fromMs, long toMs, int limit, Visitor visitor) throws Exception {
        int address = reader.address(packId);
        try (PreparedStatement st = reader.connection().prepareStatement(SessionReader.SELECT_ROWS
                + " WHERE pack = ? AND time_ms >= ? AND time_ms <= ? ORDER BY time_ms LIMIT ?")) {
            st.setLong(1, packId);
            st.setLong(2, fromMs);
            st.setLong(3, toMs);
            st.setInt(4, limit);
            st.setFetchSize(256);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (!visitor.visit(SessionReader.row(rs, address).snapshot())) {
                        return;
                    }
                }
            }
        }
    }

    private static Map<TrendValue, TrendSamples> empty(List<TrendValue> values, int capacity) {
        Map<TrendValue, TrendSamples> out = new LinkedHashMap<>();
        for (TrendValue v : values) {
            out.put(v, new TrendSamples(capacity));
        }
        return out;
    }
}
