package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The command queue's order and its waits, on the virtual clock. */
class CommandQueueTest {

    /** A command of a priority (lower first), then first come. */
    private record Item(int priority, long seq) implements Comparable<Item> {
        @Override
        public int compareTo(Item o) {
            int c = Integer.compare(priority, o.priority);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-07-01T08:00:00Z"));
    private final CommandQueue<Item> queue = new CommandQueue<>(clock);

    @Test
    void commandsLeaveByPriorityThenInTheOrderTheyCame() {
        Item transfer = new Item(2, 1);
        Item settings = new Item(1, 2);
        Item control = new Item(0, 3);
        Item settings2 = new Item(1, 4);
        List.of(transfer, settings, control, settings2).forEach(queue::add);
        assertTrue(queue.remove(settings2), "cancelled while waiting");
        assertFalse(queue.remove(settings2));
        List<Item> order = new ArrayList<>();
        for (Item i; (i = queue.poll()) != null;) {
            order.add(i);
        }
        assertEquals(List.of(control, settings, transfer), order);
        assertNull(queue.poll());
    }

    @Test
    void removeAllEmptiesTheQueueToFailWhatWaited() {
        queue.add(new Item(1, 1));
        queue.add(new Item(0, 2));
        assertEquals(2, queue.removeAll().size());
        assertNull(queue.poll());
    }

    @Test
    void waitsPassOnTheBusClockAndEndAtOnceWhenThereIsWork() throws InterruptedException {
        clock.release();
        queue.awaitWork(300_000_000L, () -> false);
        assertEquals(Duration.ofMillis(300), clock.elapsed());
        queue.awaitWork(5_000_000_000L, () -> false);
        assertEquals(Duration.ofMillis(1300), clock.elapsed(), "at most a second at a time");
        queue.add(new Item(0, 1));
        queue.awaitWork(1_000_000_000L, () -> false);
        assertEquals(Duration.ofMillis(1300), clock.elapsed(), "a command waits: no waiting");
        queue.pause(2_000_000_000L, () -> false);
        assertEquals(Duration.ofMillis(3300), clock.elapsed(), "a pause passes whatever waits");
        queue.pause(2_000_000_000L, () -> true);
        assertEquals(Duration.ofMillis(3300), clock.elapsed(), "closing: no pause");
    }
}
