package org.bmsworkbench.sim;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.DeviceBus;

/**
 * A simulated RS485 bus of 1 to 16 packs. Time moves in fixed steps, either by {@link #advance(double)}
 * (tests: as fast as the CPU allows, repeatable) or in real time multiplied by a speed-up
 * ({@link #start(double)}), where the same fixed steps are taken so a seed gives the same pack behaviour
 * at any speed of the host machine.
 */
public final class SimBus implements DeviceBus, AutoCloseable {

    public static final int MAX_PACKS = 16;
    private static final long TICK_MILLIS = 20;

    private final SimClock clock;
    private final List<SimPack> packs;
    private final double step;
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> tick;
    private double pending;
    private long lastTickNanos;
    private volatile double speed = 1;

    /**
     * @param specs       the packs, with distinct addresses
     * @param definitions the native parameter page (ranges the boards enforce), may be empty
     * @param seed        makes every pack's cells, sensors and noise repeatable
     * @param start       the boards' clocks at time 0
     * @param step        seconds of simulated time per physics step (0.1 s in real time; longer steps make
     *                    long accelerated runs cheaper)
     */
    public SimBus(List<PackSpec> specs, List<ParameterDefinition> definitions, long seed, LocalDateTime start,
            double step) {
        if (specs.isEmpty() || specs.size() > MAX_PACKS) {
            throw new IllegalArgumentException("a bus has 1 to " + MAX_PACKS + " packs, not " + specs.size());
        }
        if (specs.stream().map(PackSpec::address).distinct().count() != specs.size()) {
            throw new IllegalArgumentException("two packs share an address: " + specs.stream()
                    .map(PackSpec::address).toList());
        }
        if (!(step > 0 && step <= 10)) {
            throw new IllegalArgumentException("step " + step + " s is outside 0..10 s");
        }
        this.clock = new SimClock(start);
        this.step = step;
        List<SimPack> list = new ArrayList<>();
        for (PackSpec s : specs) {
            list.add(new SimPack(s, clock, definitions, seed));
        }
        list.sort(Comparator.comparingInt(p -> p.spec().address()));
        this.packs = List.copyOf(list);
    }

    public SimClock clock() {
        return clock;
    }

    public List<SimPack> packs() {
        return packs;
    }

    /** The pack whose board has {@code address} now (its RS485 address parameter), asleep or not. */
    public SimPack pack(int address) {
        for (SimPack p : packs) {
            if (p.address() == address) {
                return p;
            }
        }
        return null;
    }

    public double step() {
        return step;
    }

    /** Runs the physics for {@code seconds} of simulated time in whole steps (a remainder carries over). */
    public synchronized void advance(double seconds) {
        pending += seconds;
        while (pending >= step - 1e-9) {
            pending -= step;
            clock.advance(step);
            for (SimPack p : packs) {
                p.step(step);
            }
        }
    }

    /** Starts moving simulated time with real time, {@code speed} times faster. */
    public synchronized void start(double speedUp) {
        if (!(speedUp > 0 && speedUp <= 100_000)) {
            throw new IllegalArgumentException("speed-up " + speedUp + " is outside 0..100000");
        }
        this.speed = speedUp;
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bmsw-sim-physics");
                t.setDaemon(true);
                return t;
            });
            lastTickNanos = System.nanoTime();
            tick = ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    public double speed() {
        return speed;
    }

    private void tick() {
        long now = System.nanoTime();
        double real = (now - lastTickNanos) / 1e9;
        lastTickNanos = now;
        // after a stall (a debugger, a suspended laptop) the packs do not jump by hours
        advance(Math.min(real, 1.0) * speed);
    }

    /** Every frame on the line: a sleeping board wakes on RS485 activity (the frame itself is lost). */
    public void lineActivity(int address) {
        for (SimPack p : packs) {
            p.lineActivity(p.address() == address);
        }
    }

    @Override
    public Board board(int address) {
        SimPack p = pack(address);
        return p != null && p.answering() ? p : null;
    }

    @Override
    public List<Board> boards() {
        List<Board> list = new ArrayList<>();
        for (SimPack p : packs) {
            if (p.answering()) {
                list.add(p);
            }
        }
        list.sort(Comparator.comparingInt(Board::address));
        return list;
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            tick.cancel(false);
            ticker.shutdownNow();
            ticker = null;
        }
    }
}
