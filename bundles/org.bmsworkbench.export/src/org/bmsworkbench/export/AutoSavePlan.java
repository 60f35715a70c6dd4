package org.bmsworkbench.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides the automatic saves of the Real-time Data page: each time a pack has {@code every} new committed rows
 * since its last automatic file, one file of exactly those rows (by sequence number). Not thread-safe: the
 * {@link AutoSaver} calls it from its one thread.
 */
public final class AutoSavePlan {

    /**
     * One file to write.
     *
     * @param session the session file name
     * @param packKey {@code busId#address}
     * @param busId   the pack's bus
     * @param address the pack's address
     * @param fromSeq first sequence number
     * @param toSeq   last sequence number
     */
    public record Save(String session, String packKey, String busId, int address, long fromSeq, long toSeq) {
        public long rows() {
            return toSeq - fromSeq + 1;
        }
    }

    private String session = "";
    /** The last sequence number saved (or passed over) per pack key. */
    private final Map<String, Long> saved = new HashMap<>();

    /**
     * The files due after a recording status.
     *
     * @param sessionFile the session being written ({@code ""} when none)
     * @param rows        committed rows per pack key {@code busId#address}
     * @param every       rows per automatic file; 0: automatic saving is off, and rows recorded meanwhile are not
     *                    saved later
     */
    public List<Save> update(String sessionFile, Map<String, Long> rows, int every) {
        String file = sessionFile == null ? "" : sessionFile;
        if (!file.equals(session)) {
            // a new session numbers its rows from 1 again
            session = file;
            saved.clear();
        }
        List<Save> due = new ArrayList<>();
        if (file.isEmpty()) {
            return due;
        }
        for (Map.Entry<String, Long> e : new TreeMap<>(rows).entrySet()) {
            long committed = e.getValue();
            long last = saved.getOrDefault(e.getKey(), 0L);
            if (every <= 0) {
                saved.put(e.getKey(), Math.max(last, committed));
                continue;
            }
            int hash = e.getKey().lastIndexOf('#');
            String busId = hash < 0 ? "" : e.getKey().substring(0, hash);
            int address = hash < 0 ? 0 : Integer.parseInt(e.getKey().substring(hash + 1));
            while (committed - last >= every) {
                due.add(new Save(file, e.getKey(), busId, address, last + 1, last + every));
                last += every;
            }
            saved.put(e.getKey(), last);
        }
        return due;
    }
}
