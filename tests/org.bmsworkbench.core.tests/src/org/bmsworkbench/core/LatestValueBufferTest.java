package org.bmsworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LatestValueBufferTest {

    @Test
    void onlyThePutIntoAnEmptyBufferAsksForADrain() {
        LatestValueBuffer<String, Integer> buffer = new LatestValueBuffer<>();
        assertTrue(buffer.put("a", 1));
        assertFalse(buffer.put("b", 1));
        assertFalse(buffer.put("a", 2));
        buffer.drain();
        assertTrue(buffer.put("a", 3), "after a drain the next put must schedule again");
    }

    @Test
    void keepsTheNewestValuePerKeyInFirstSeenOrder() {
        LatestValueBuffer<String, Integer> buffer = new LatestValueBuffer<>();
        buffer.put("pack-2", 1);
        buffer.put("pack-1", 1);
        buffer.put("pack-2", 2);
        buffer.put("pack-2", 3);
        Map<String, Integer> drained = buffer.drain();
        assertEquals(List.of("pack-2", "pack-1"), new ArrayList<>(drained.keySet()));
        assertEquals(3, drained.get("pack-2"));
        assertEquals(4, buffer.receivedCount());
        assertEquals(2, buffer.supersededCount());
        assertTrue(buffer.isEmpty());
        assertTrue(buffer.drain().isEmpty());
    }

    @Test
    void rejectsNulls() {
        LatestValueBuffer<String, Integer> buffer = new LatestValueBuffer<>();
        assertThrows(NullPointerException.class, () -> buffer.put(null, 1));
        assertThrows(NullPointerException.class, () -> buffer.put("a", null));
    }

    @Test
    void concurrentProducersLoseNothingButSupersededValues() throws InterruptedException {
        LatestValueBuffer<Integer, Long> buffer = new LatestValueBuffer<>();
        int producers = 4;
        int keysPerProducer = 4;
        int putsPerProducer = 50_000;
        CountDownLatch done = new CountDownLatch(producers);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong drainRequests = new AtomicLong();
        for (int p = 0; p < producers; p++) {
            int base = p * keysPerProducer;
            Thread t = new Thread(() -> {
                for (long i = 0; i < putsPerProducer; i++) {
                    if (buffer.put(base + (int) (i % keysPerProducer), i)) {
                        drainRequests.incrementAndGet();
                    }
                }
                done.countDown();
            }, "producer-" + p);
            t.start();
        }
        Map<Integer, Long> latest = new HashMap<>();
        long drainedValues = 0;
        long drains = 0;
        while (!stop.get()) {
            if (done.await(1, TimeUnit.MILLISECONDS)) {
                stop.set(true);
            }
            Map<Integer, Long> batch = buffer.drain();
            if (!batch.isEmpty()) {
                drains++;
            }
            drainedValues += batch.size();
            latest.putAll(batch);
        }
        assertEquals((long) producers * putsPerProducer, buffer.receivedCount());
        assertEquals(buffer.receivedCount(), drainedValues + buffer.supersededCount(),
                "every value is either drained or superseded");
        assertEquals(producers * keysPerProducer, latest.size());
        for (int key = 0; key < producers * keysPerProducer; key++) {
            long expectedLast = putsPerProducer - keysPerProducer + (key % keysPerProducer);
            assertEquals(expectedLast, latest.get(key), "newest value of key " + key);
        }
        assertTrue(drainRequests.get() >= drains, "a non-empty drain needs a preceding request");
    }
}
