package org.bmsworkbench.record.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

import org.bmsworkbench.model.PackSnapshot;

/**
 * The recording's rollup for trend charts (table {@code trend}, since schema version 3): per pack and per
 * {@value #BUCKET_MS} ms, the lowest and highest of every {@link TrendValue}. A 72-hour chart then reads 26 000 small
 * rows per pack instead of 260 000 wide snapshots, and keeps every spike (a spike is a bucket's high, never an
 * average). The recorder's writer fills it as snapshots arrive; a bucket is written when the next one starts or the
 * file closes, so a reader reads the snapshots after the last bucket itself.
 */
public final class TrendRollup {

    /** Width of a rollup bucket. */
    public static final long BUCKET_MS = 10_000;

    static final List<TrendValue> VALUES = TrendValue.all();

    private TrendRollup() {
    }

    /** The statements that add the table to a file; safe on a file that has it. */
    public static List<String> create() {
        StringBuilder t = new StringBuilder("CREATE TABLE IF NOT EXISTS trend (pack INTEGER NOT NULL,"
                + " bucket_ms INTEGER NOT NULL, n INTEGER NOT NULL");
        for (TrendValue v : VALUES) {
            t.append(", ").append(v.column()).append("_min REAL, ").append(v.column()).append("_max REAL");
        }
        return List.of(t.append(", PRIMARY KEY (pack, bucket_ms)) WITHOUT ROWID").toString());
    }

    /** The start of the bucket a time falls in. */
    public static long bucketOf(long timeMs) {
        return Math.floorDiv(timeMs, BUCKET_MS) * BUCKET_MS;
    }

    static PreparedStatement prepareInsert(Connection db) throws SQLException {
        StringBuilder cols = new StringBuilder("INSERT OR REPLACE INTO trend (pack, bucket_ms, n");
        StringBuilder marks = new StringBuilder("?, ?, ?");
        for (TrendValue v : VALUES) {
            cols.append(", ").append(v.column()).append("_min, ").append(v.column()).append("_max");
            marks.append(", ?, ?");
        }
        return db.prepareStatement(cols + ") VALUES (" + marks + ")");
    }

    /** The bucket of one pack being filled: the lowest and highest of each value so far. */
    static final class Bucket {
        final double[] low = new double[VALUES.size()];
        final double[] high = new double[VALUES.size()];
        long start = Long.MIN_VALUE;
        int count;

        /**
         * Adds a snapshot; returns false (and adds nothing) when it belongs to a later bucket. One older than the bucket
         * (a clock set back) counts in it: its values are kept, a little late, rather than overwrite a written bucket.
         */
        boolean add(PackSnapshot s) {
            long bucket = bucketOf(s.time().toEpochMilli());
            if (count > 0 && bucket > start) {
                return false;
            }
            if (count == 0) {
                start = bucket;
                Arrays.fill(low, Double.NaN);
                Arrays.fill(high, Double.NaN);
            }
            for (int i = 0; i < low.length; i++) {
                double v = VALUES.get(i).of(s);
                if (!Double.isNaN(v)) {
                    low[i] = Double.isNaN(low[i]) ? v : Math.min(low[i], v);
                    high[i] = Double.isNaN(high[i]) ? v : Math.max(high[i], v);
                }
            }
            count++;
            return true;
        }

        void write(PreparedStatement insert, long packId) throws SQLException {
            int p = 1;
            insert.setLong(p++, packId);
            insert.setLong(p++, start);
            insert.setInt(p++, count);
            for (int i = 0; i < low.length; i++) {
                set(insert, p++, low[i]);
                set(insert, p++, high[i]);
            }
            insert.executeUpdate();
            count = 0;
        }

        private static void set(PreparedStatement st, int index, double v) throws SQLException {
            if (Double.isNaN(v)) {
                st.setNull(index, Types.REAL);
            } else {
                st.setDouble(index, v);
            }
        }
    }
}
