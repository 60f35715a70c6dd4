package org.bmsworkbench.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bmsworkbench.model.PackSnapshot;

/**
 * A write guard for the connection tests: it issues wrapped commands and admits them when the pack answered the
 * fresh poll, counting what it was asked.
 */
final class TestGuard implements WriteGuard {

    final Set<GuardedCommand<?>> issued = ConcurrentHashMap.newKeySet();
    final AtomicInteger admitted = new AtomicInteger();
    volatile PackSnapshot lastFresh;

    /** {@code command}, made a guarded command for the pack at {@code address} by this guard. */
    <T> GuardedCommand<T> issue(int address, BusCommand<T> command) {
        GuardedCommand<T> g = GuardedCommand.of(address, command.priority(), command);
        issued.add(g);
        return g;
    }

    @Override
    public boolean issued(GuardedCommand<?> command) {
        return issued.contains(command);
    }

    @Override
    public void admit(GuardedCommand<?> command, PackSnapshot fresh) throws CommandException {
        lastFresh = fresh;
        if (fresh == null) {
            throw new CommandException("pack " + command.address() + " did not answer the fresh poll");
        }
        admitted.incrementAndGet();
    }
}
