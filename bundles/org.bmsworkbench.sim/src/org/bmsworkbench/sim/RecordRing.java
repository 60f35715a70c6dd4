package org.bmsworkbench.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded record store like a board's flash ring: when full, the oldest record is dropped, so index 0 is
 * always the oldest one kept.
 */
final class RecordRing<T> {

    private final Object[] slots;
    private int first;
    private int size;
    private long dropped;

    RecordRing(int capacity) {
        slots = new Object[capacity];
    }

    synchronized void add(T record) {
        if (size == slots.length) {
            slots[first] = record;
            first = (first + 1) % slots.length;
            dropped++;
        } else {
            slots[(first + size) % slots.length] = record;
            size++;
        }
    }

    synchronized int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    synchronized T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("record " + index + " of " + size);
        }
        return (T) slots[(first + index) % slots.length];
    }

    synchronized List<T> all() {
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(get(i));
        }
        return list;
    }

    synchronized void clear() {
        java.util.Arrays.fill(slots, null);
        first = 0;
        size = 0;
    }

    /** Records pushed out of the ring since start. */
    synchronized long dropped() {
        return dropped;
    }

    int capacity() {
        return slots.length;
    }
}
