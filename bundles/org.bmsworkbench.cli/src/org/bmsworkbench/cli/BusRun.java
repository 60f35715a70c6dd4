package org.bmsworkbench.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Buses;
import org.bmsworkbench.connection.PortDiscovery;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackStatus;

/**
 * Polls buses without the workbench, with the workbench's own connection service ({@link Buses}), and hands
 * every event payload to the sinks ({@code bmsw record}: the session recorder; {@code bmsw log}: the recorder,
 * MQTT and PostgreSQL). Ends when asked ({@link #stop}), when its time is up, when a bus cannot be opened at the
 * start (a bus lost later is reopened with backoff), or on
 * SIGTERM / Ctrl+C: a shutdown hook then waits until the command has flushed its sinks ({@link #finished}).
 */
public final class BusRun implements AutoCloseable {

    /** Why a run ended. */
    public enum End {
        /** Its time was up. */
        TIME,
        /** SIGTERM or Ctrl+C. */
        SIGNAL,
        /** A bus could not be opened and will not be retried. */
        BUS_FAILED,
        /** A sink gave up (the session file could not be written, a server refused us). */
        SINK_FAILED
    }

    /** The reason the run ended and one line about it. */
    public record Stop(End end, String detail) {
    }

    private final Cli cli;
    private final List<Consumer<Object>> sinks;
    private final BusEvents watcher;
    private final boolean exitOnSignal;
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private final java.util.Set<String> opened = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread hook;
    private volatile int exitStatus;
    private Buses buses;

    /**
     * @param sinks        get every payload, on the bus threads: they must not block
     * @param watcher      also told everything, e.g. to print a line per event of note
     * @param exitOnSignal whether SIGTERM / Ctrl+C end the JVM with the command's own status after the flush
     *                     ({@code bmsw log}, for service managers) instead of the JVM's 143 / 130
     */
    public BusRun(Cli cli, List<Consumer<Object>> sinks, BusEvents watcher, boolean exitOnSignal) {
        this.cli = cli;
        this.sinks = List.copyOf(sinks);
        this.watcher = watcher;
        this.exitOnSignal = exitOnSignal;
        this.hook = new Thread(this::onSignal, "bmsw-shutdown");
    }

    /** Opens every bus; a bus that cannot be opened at all throws (wrong settings, no such protocol). */
    public List<String> open(List<BusSettings> settings) {
        Runtime.getRuntime().addShutdownHook(hook);
        PortDiscovery discovery = new PortDiscovery(List::of, m -> cli.err().println("bmsw: " + m));
        buses = new Buses(cli.catalog()::find, cli::protocolIds, cli.links(), BusEvents.all(List.of(fanOut(), watcher)),
                discovery, m -> {
                });
        return settings.stream().map(buses::open).toList();
    }

    private BusEvents fanOut() {
        return new BusEvents() {
            @Override
            public void busState(BusStatus status) {
                give(status);
                if (status.state() == BusState.OPEN) {
                    opened.add(status.busId());
                }
                // a port missing at the start ends the run (a service manager starts it again later); one lost
                // later is reopened with backoff, as in the workbench
                if (status.state() == BusState.FAILED && (!status.retrying() || !opened.contains(status.busId()))) {
                    stop(End.BUS_FAILED, status.busId() + " (" + status.label() + ") could not be opened: "
                            + status.detail());
                }
            }

            @Override
            public void packState(PackStatus status) {
                give(status);
            }

            @Override
            public void snapshot(PackData data) {
                give(data);
            }

            @Override
            public void flag(FlagChange change) {
                give(change);
            }

            @Override
            public void progress(CommandProgress progress) {
                give(progress);
            }
        };
    }

    private void give(Object payload) {
        for (Consumer<Object> s : sinks) {
            s.accept(payload);
        }
    }

    /** Ends the run (the first reason given wins). */
    public void stop(End end, String detail) {
        if (stop.compareAndSet(null, new Stop(end, detail))) {
            done.countDown();
        }
    }

    /** Waits until the run ends: {@code time} (zero: no limit) is up or {@link #stop} was called. */
    public Stop await(Duration time) throws InterruptedException {
        if (time.isZero()) {
            done.await();
        } else if (!done.await(time.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(End.TIME, "");
        }
        return stop.get();
    }

    /** Closes the buses; the sinks are the command's to flush. */
    public void closeBuses() {
        if (buses != null) {
            buses.closeAll();
        }
    }

    /** The command has flushed everything and ends with {@code status}: a waiting shutdown hook may let go. */
    public void finished(int status) {
        exitStatus = status;
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (a signal): the hook is running and ends the process with this status
            cli.err().println("bmsw: stopped by a signal");
        }
    }

    @Override
    public void close() {
        closeBuses();
        if (finished.getCount() > 0) {
            finished(exitStatus);
        }
    }

    private void onSignal() {
        stop(End.SIGNAL, "");
        try {
            if (finished.await(60, TimeUnit.SECONDS) && exitOnSignal) {
                cli.out().flush();
                cli.err().flush();
                // a service manager reads the status: a clean stop on request is 0, not the JVM's 143
                Runtime.getRuntime().halt(exitStatus);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
