package org.bmsworkbench.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Records kept in memory only, for a workbench that records no session. Thread-safe. */
public final class MemoryRecordStore implements RecordStore {

    private final Map<String, List<DeviceRecord>> records = new HashMap<>();
    private final Map<String, Set<String>> fingerprints = new HashMap<>();

    private static String key(String board, RecordKind kind) {
        return board + "\u0000" + kind.key();
    }

    @Override
    public synchronized int add(String board, String busId, int address, List<DeviceRecord> list) {
        int added = 0;
        for (DeviceRecord r : list) {
            String k = key(board, r.kind());
            if (fingerprints.computeIfAbsent(k, x -> new HashSet<>()).add(r.fingerprint())) {
                records.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized Optional<DeviceRecord> newest(String board, RecordKind kind) {
        List<DeviceRecord> list = records.getOrDefault(key(board, kind), List.of());
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    @Override
    public synchronized List<DeviceRecord> records(String board, RecordKind kind) {
        return List.copyOf(records.getOrDefault(key(board, kind), List.of()));
    }
}
