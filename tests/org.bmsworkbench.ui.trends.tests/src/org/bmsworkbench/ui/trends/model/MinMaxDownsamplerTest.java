package org.bmsworkbench.ui.trends.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.bmsworkbench.record.store.TrendSamples;
import org.bmsworkbench.record.store.TrendValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinMaxDownsamplerTest {

    /** Random values with random spikes: for every column, its lowest and highest value are among the points. */
    @ParameterizedTest
    @ValueSource(ints = { 1, 7, 100, 1366 })
    void everyColumnKeepsItsMinimumAndMaximum(int columns) {
        Random random = new Random(columns);
        int n = 200_000;
        long[] t = new long[n];
        double[] v = new double[n];
        long time = 1_000_000;
        for (int i = 0; i < n; i++) {
            time += 1 + random.nextInt(20);
            t[i] = time;
            v[i] = 52 + random.nextGaussian() * 0.1 + (random.nextInt(5000) == 0 ? (random.nextBoolean() ? 9 : -9) : 0);
        }
        long from = t[0];
        long to = t[n - 1];
        MinMaxDownsampler s = new MinMaxDownsampler();
        s.begin(from, to, columns);
        for (int i = 0; i < n; i++) {
            s.add(t[i], v[i], v[i]);
        }
        MinMaxDownsampler.Points p = s.finish();
        assertTrue(p.size() <= 2 * columns, "at most two points per column: " + p.size());
        double[] lo = new double[columns];
        double[] hi = new double[columns];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int c = s.column(t[i]);
            lo[c] = Math.min(lo[c], v[i]);
            hi[c] = Math.max(hi[c], v[i]);
        }
        for (int c = 0; c < columns; c++) {
            if (lo[c] == Double.POSITIVE_INFINITY) {
                continue;
            }
            boolean foundLo = false;
            boolean foundHi = false;
            for (int i = 0; i < p.size(); i++) {
                if (s.column((long) p.x()[i]) == c) {
                    foundLo |= p.y()[i] == lo[c];
                    foundHi |= p.y()[i] == hi[c];
                }
            }
            assertTrue(foundLo, "column " + c + " keeps its minimum " + lo[c]);
            assertTrue(foundHi, "column " + c + " keeps its maximum " + hi[c]);
        }
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.x()[i] >= p.x()[i - 1], "points in time order");
        }
        assertEquals(n, s.added());
    }

    @Test
    void aSingleSpikeSurvivesAnyWidth() {
        MinMaxDownsampler s = new MinMaxDownsampler();
        s.begin(0, 72L * 3600 * 1000, 800);
        for (long t = 0; t <= 72L * 3600 * 1000; t += 1000) {
            s.add(t, t == 36L * 3600 * 1000 + 17_000 ? 99.5 : 50, t == 36L * 3600 * 1000 + 17_000 ? 99.5 : 50);
        }
        MinMaxDownsampler.Points p = s.finish();
        assertEquals(99.5, java.util.Arrays.stream(p.y()).max().orElse(0));
        assertTrue(p.size() <= 1600);
    }

    @Test
    void traceUsesBucketsBeforeItsRingAndEveryValueInIt() {
        Trace trace = new Trace("bus-1", 1, TrendValue.VOLTAGE, 100);
        TrendSamples buckets = new TrendSamples();
        // an hour of 10 s buckets, one with a spike to 60 V
        for (long b = 0; b < 360; b++) {
            buckets.add(b * 10_000, 51, b == 100 ? 60 : 52);
        }
        TrendSamples recent = new TrendSamples();
        trace.load(buckets, recent);
        for (long t = 3_600_000; t < 3_600_000 + 500 * 1000; t += 1000) {
            trace.append(t, t == 3_600_000 + 450_000 ? 40 : 51.5);
        }
        assertEquals(100, trace.capacity());
        // the ring holds the newest 100 values; older live values live on in their buckets
        assertEquals(3_600_000 + 400_000, trace.fineStart());
        MinMaxDownsampler s = new MinMaxDownsampler();
        s.begin(0, 3_600_000 + 500_000, 50);
        trace.feed(s, 0, 3_600_000 + 500_000);
        MinMaxDownsampler.Points p = s.finish();
        double max = java.util.Arrays.stream(p.y()).max().orElse(0);
        double min = java.util.Arrays.stream(p.y()).min().orElse(0);
        assertEquals(60, max, "the recorded spike is drawn");
        assertEquals(40, min, "the live dip is drawn");
        // a value not newer than the newest held is not appended twice
        int size = trace.size();
        trace.append(3_600_000, 1);
        assertEquals(size, trace.size());
    }

    @Test
    void windowFollowsUntilZoomedOrPanned() {
        TimeWindow w = new TimeWindow();
        w.setSpan(java.time.Duration.ofMinutes(1));
        w.update(0, 600_000);
        assertEquals(540_000, w.from());
        assertEquals(600_000, w.to());
        w.zoom(0.5, 570_000);
        assertEquals(30_000, w.to() - w.from());
        w.update(0, 700_000);
        assertTrue(w.to() < 700_000, "a zoomed window stays");
        w.follow();
        w.update(0, 700_000);
        assertEquals(700_000, w.to());
        w.setSpan(null);
        w.update(5, 700_000);
        assertEquals(5, w.from());
    }

    @Test
    void heatMapColoursDeviationFromTheMean() {
        org.bmsworkbench.model.PackSnapshot s = org.bmsworkbench.model.PackSnapshot.builder(1)
                .time(java.time.Instant.ofEpochMilli(500)).cellVoltage(0, 3.300).cellVoltage(1, 3.310)
                .cellVoltage(2, 3.320).build();
        float[] d = HeatMap.deviations(s);
        assertEquals(-10, d[0], 1e-3);
        assertEquals(0, d[1], 1e-3);
        assertEquals(10, d[2], 1e-3);
        assertEquals(0xFFFFFF, HeatMap.rgb(0, 10));
        assertEquals(0xFF0000, HeatMap.rgb(10, 10));
        assertEquals(0x0000FF, HeatMap.rgb(-20, 10));
        HeatMap map = new HeatMap(0, 1000, 10);
        assertTrue(map.put(s));
        assertEquals(3, map.cells());
        assertEquals(10, map.scale(), 1e-3);
    }
}
