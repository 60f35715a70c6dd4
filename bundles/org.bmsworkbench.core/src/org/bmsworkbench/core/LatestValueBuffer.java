package org.bmsworkbench.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A thread-safe buffer that keeps only the newest value per key until it is drained.
 * <p>
 * Producers (bus threads) put values as fast as they come; the display thread drains at most once per
 * frame. {@link #put} tells the producer whether it made the buffer non-empty, so exactly one drain is
 * scheduled per batch however many values arrive, and a slow display never queues more than one value
 * per key.
 *
 * @param <K> key, e.g. a pack
 * @param <V> value, e.g. that pack's newest snapshot
 */
public final class LatestValueBuffer<K, V> {

    private final Object lock = new Object();
    private LinkedHashMap<K, V> pending = new LinkedHashMap<>();
    private long received;
    private long superseded;

    /**
     * Stores {@code value} as the newest for {@code key}, replacing one not drained yet.
     *
     * @return {@code true} if the buffer was empty before this call, so the caller must schedule a drain
     */
    public boolean put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        synchronized (lock) {
            boolean wasEmpty = pending.isEmpty();
            received++;
            if (pending.put(key, value) != null) {
                superseded++;
            }
            return wasEmpty;
        }
    }

    /** Takes all pending values, oldest key first, and leaves the buffer empty. */
    public Map<K, V> drain() {
        synchronized (lock) {
            if (pending.isEmpty()) {
                return Map.of();
            }
            Map<K, V> out = pending;
            pending = new LinkedHashMap<>();
            return out;
        }
    }

    /** Whether nothing is pending. */
    public boolean isEmpty() {
        synchronized (lock) {
            return pending.isEmpty();
        }
    }

    /** Values put since creation. */
    public long receivedCount() {
        synchronized (lock) {
            return received;
        }
    }

    /** Values replaced by a newer one before they were drained (the work the buffer saved). */
    public long supersededCount() {
        synchronized (lock) {
            return superseded;
        }
    }
}
