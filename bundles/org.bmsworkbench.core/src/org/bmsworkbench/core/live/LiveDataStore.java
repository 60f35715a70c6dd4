package org.bmsworkbench.core.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bmsworkbench.events.PackData;

/** The plain-Java store behind {@link LiveData}: one entry per bus and address, the newest snapshot wins. */
public final class LiveDataStore implements LiveData {

    private record Key(String busId, int address) {
    }

    private final Map<Key, PackData> latest = new ConcurrentHashMap<>();
    private final AtomicLong revision = new AtomicLong();

    /** Keeps {@code data} unless a newer snapshot of the same pack is already held (events may arrive out of order). */
    public boolean put(PackData data) {
        Key key = new Key(data.busId(), data.address());
        PackData kept = latest.merge(key, data, (old, neu) ->
                neu.snapshot().time().isBefore(old.snapshot().time()) ? old : neu);
        if (kept == data) {
            revision.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Forgets a bus's packs (the bus was closed). */
    public void forget(String busId) {
        if (latest.keySet().removeIf(k -> k.busId().equals(busId))) {
            revision.incrementAndGet();
        }
    }

    @Override
    public Optional<PackData> latest(String busId, int address) {
        return Optional.ofNullable(latest.get(new Key(busId, address)));
    }

    @Override
    public List<PackData> packs(String busId) {
        List<PackData> result = new ArrayList<>();
        latest.forEach((k, v) -> {
            if (k.busId().equals(busId)) {
                result.add(v);
            }
        });
        result.sort(Comparator.comparingInt(PackData::address));
        return result;
    }

    @Override
    public long revision() {
        return revision.get();
    }
}
