package org.bmsworkbench.mqtt;

import java.util.ArrayDeque;

/**
 * Messages waiting for the broker, oldest first, at most {@code capacity}: when full, the oldest is dropped
 * (and counted), so a long broker outage costs bounded memory and the newest values get through first.
 * Not thread-safe: the sink's one publisher thread owns it.
 */
final class Outbox {

    private final ArrayDeque<Message> messages = new ArrayDeque<>();
    private final int capacity;
    private long dropped;

    Outbox(int capacity) {
        this.capacity = capacity;
    }

    void add(Message m) {
        if (messages.size() >= capacity) {
            messages.pollFirst();
            dropped++;
        }
        messages.addLast(m);
    }

    Message peek() {
        return messages.peekFirst();
    }

    void remove() {
        messages.pollFirst();
    }

    int size() {
        return messages.size();
    }

    long dropped() {
        return dropped;
    }
}
