package org.bmsworkbench.ui.comm.model;

import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.events.FrameRecord;

/**
 * The communication record a view shows: the newest {@code capacity} frames of every bus, appended from
 * EventAdmin's thread (a ring, nothing else), read by the display thread. While paused, frames are still kept (up
 * to the capacity) but the view's copy stays as it was, so the rows hold still to be read.
 */
public final class CommLog {

    private final FrameRecord[] ring;
    private int head;
    private int size;
    private long total;
    private long dropped;

    public CommLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        ring = new FrameRecord[capacity];
    }

    public synchronized void add(FrameRecord r) {
        if (size == ring.length) {
            ring[head] = r;
            head = (head + 1) % ring.length;
            dropped++;
        } else {
            ring[(head + size) % ring.length] = r;
            size++;
        }
        total++;
    }

    /** Frames received since the start; a view compares it to know whether anything is new. */
    public synchronized long total() {
        return total;
    }

    /** Frames that fell out of the ring (the oldest, when more than its capacity arrived). */
    public synchronized long dropped() {
        return dropped;
    }

    /** The frames held, oldest first. */
    public synchronized List<FrameRecord> entries() {
        List<FrameRecord> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(ring[(head + i) % ring.length]);
        }
        return out;
    }

    public synchronized void clear() {
        head = 0;
        size = 0;
        java.util.Arrays.fill(ring, null);
    }
}
