package org.bmsworkbench.sim.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Buses;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.connection.LinkCounters;
import org.bmsworkbench.connection.Port;
import org.bmsworkbench.connection.PortDiscovery;
import org.bmsworkbench.connection.TransactionRunner;
import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.LinkErrorKind;
import org.bmsworkbench.events.LinkStatistics;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.PtyPair;
import org.bmsworkbench.sim.wire.SerialEndpoint;
import org.bmsworkbench.sim.wire.SimLine;

/**
 * Bus efficiency: how much of the time a full sweep takes is time the line could not have saved. For each
 * protocol and baud rate it runs the simulator (8 packs × 176 cells × 33 sensors) in this JVM on one side of
 * a socat pty pair and the connection service's own scheduler ({@link Bus}, polling as fast as the line
 * allows) on the other, times the ends of the sweeps after a warm-up sweep, and compares the mean measured
 * sweep with its theoretical time: (bytes sent + bytes received) × bits per character ÷ baud, plus, per
 * transaction, the boards' turnaround and the protocol's inter-frame gap. Bytes come from the bus's
 * {@link LinkCounters} and transactions from the requests it sent, both read at the sweep boundaries, so
 * retries count as the line time they took. The target is an efficiency of at least 0.85 at every rate;
 * a run that saw timeouts or bad frames is flagged, as its figures are not a clean sweep.
 * <p>
 * Exit status 0 when every run met the target without errors, 1 when one did not, 2 for wrong options,
 * 3 when the pty pair or the port could not be set up.
 */
public final class BusBenchmark {

    private static final String NAME = "bus benchmark";
    private static final int PACKS = 8;
    private static final int CELLS = 176;
    private static final int SENSORS = 33;
    private static final int DATA_BITS = 8;
    private static final char PARITY = 'N';
    private static final int STOP_BITS = 1;
    private static final int WARM_UP_SWEEPS = 1;
    private static final long SEED = 1;
    private static final double TARGET = 0.85;
    /** A sweep at 9600 baud takes seconds; two minutes without one means the bus is stuck. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final ProtocolCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;

    public BusBenchmark(ProtocolCatalog catalog, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    /** Runs the measurements ({@code ./bmsw bus-benchmark}, options checked by the command line) and returns the exit status. */
    public int run(Options o) {
        for (String problem : catalog.problems()) {
            err.println(NAME + ": a protocol could not be loaded: " + problem);
        }
        List<BmsProtocol> protocols = new ArrayList<>();
        for (String id : o.protocols) {
            Optional<BmsProtocol> p = catalog.find(id);
            if (p.isEmpty() || p.get().deviceCodec().isEmpty()) {
                err.println(NAME + ": no simulated protocol '" + id + "' (simulated: " + String.join(", ",
                        catalog.all().stream().filter(x -> x.deviceCodec().isPresent()).map(BmsProtocol::id).toList())
                        + ")");
                return 2;
            }
            protocols.add(p.get());
        }
        // the boards keep the native parameter page whatever they speak, as under bmsw sim
        List<ParameterDefinition> definitions = catalog.find(ProtocolCatalog.DEFAULT_PROTOCOL)
                .map(BmsProtocol::parameterDefinitions).orElse(List.of());
        int bits = new Transport.Serial("pty", 9600, DATA_BITS, PARITY, STOP_BITS).bitsPerCharacter();
        out.printf(Locale.ROOT, "bus efficiency: %d packs x %d cells x %d sensors over a socat pty, %d%c%d (%d bits"
                + " per character), turnaround %s ms, %d warm-up sweep, target %.2f%n", PACKS, CELLS, SENSORS,
                DATA_BITS, PARITY, STOP_BITS, bits, fmt(o.turnaroundMillis), WARM_UP_SWEEPS, TARGET);
        out.println("theoretical = (bytes sent + received) x bits / baud + transactions x (turnaround + gap)");
        out.printf(Locale.ROOT, "%-14s %7s %6s %11s %8s %7s %11s %11s %10s %10s %6s%n", "protocol", "baud", "sweeps",
                "bytes/sweep", "tx/sweep", "gap ms", "theory ms", "measured ms", "efficiency", "over/tx ms", "errors");
        List<Result> results = new ArrayList<>();
        for (BmsProtocol protocol : protocols) {
            for (int baud : o.bauds) {
                int sweeps = o.sweeps > 0 ? o.sweeps : baud <= 9600 ? 3 : baud <= 19200 ? 5 : 10;
                Result r;
                try {
                    r = measure(protocol, baud, bits, sweeps, o.turnaroundMillis, definitions);
                } catch (IOException e) {
                    err.println(NAME + ": " + e.getMessage());
                    return 3;
                }
                results.add(r);
                out.println(r.row());
                for (String line : r.notes) {
                    out.println("    " + line);
                }
                if (r.setupFailed) {
                    return 3;
                }
            }
        }
        List<String> low = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        for (Result r : results) {
            if (!(r.efficiency >= TARGET)) {
                low.add(r.protocol + " " + r.baud + " (" + fmt2(r.efficiency) + ")");
            }
            if (r.errors > 0 || !r.notes.isEmpty()) {
                flagged.add(r.protocol + " " + r.baud);
            }
        }
        String verdict = low.isEmpty() ? "every efficiency >= " + fmt2(TARGET)
                : "below " + fmt2(TARGET) + " at " + String.join(", ", low);
        out.println("verdict: " + verdict + (flagged.isEmpty() ? "; no errors" : "; runs with errors: "
                + String.join(", ", flagged)));
        return low.isEmpty() && flagged.isEmpty() ? 0 : 1;
    }

    private List<String> ids() {
        return catalog.all().stream().map(BmsProtocol::id).toList();
    }

    /** One protocol at one baud rate, on a pty pair of its own. */
    private Result measure(BmsProtocol protocol, int baud, int bits, int sweeps, double turnaroundMillis,
            List<ParameterDefinition> definitions) throws IOException {
        Path dir = Files.createTempDirectory("bmsw-bench-");
        PtyPair pty = null;
        SimBus sim = null;
        SimLine line = null;
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try {
            pty = PtyPair.open(dir);
            List<PackSpec> specs = new ArrayList<>();
            List<Integer> addresses = new ArrayList<>();
            for (int a = 1; a <= PACKS; a++) {
                specs.add(PackSpec.typical(a, CELLS, SENSORS));
                addresses.add(a);
            }
            sim = new SimBus(specs, definitions, SEED, LocalDateTime.now(), 0.1);
            // the physics runs in real time as under bmsw sim, so it takes its share of the CPU here too
            sim.start(1);
            line = new SimLine(sim, protocol.deviceCodec().orElseThrow(), new SerialEndpoint(pty.device()),
                    new LineTiming(baud, bits, turnaroundMillis), new Faults(SEED), m -> log.add("simulator: " + m));
            line.start();
            Transport.Serial transport = new Transport.Serial(pty.host().toString(), baud, DATA_BITS, PARITY,
                    STOP_BITS);
            BusSettings settings = new BusSettings(transport, protocol.id(), addresses, 0, 1, 0, 1, 3);
            Recorder recorder = new Recorder(WARM_UP_SWEEPS + sweeps);
            try (Buses buses = new Buses(catalog::find, this::ids, LinkCatalog.known(), recorder, new PortDiscovery(List::of, log::add),
                    log::add)) {
                recorder.buses = buses;
                String busId = buses.open(settings);
                Bus bus = buses.bus(busId).orElseThrow();
                String stall = recorder.await();
                buses.close(busId);
                long gapNanos = new TransactionRunner(Port.of("timing", InputStream.nullInputStream(),
                        OutputStream.nullOutputStream(), () -> { }), baud, bits).gapNanos(protocol);
                Result r = recorder.result(protocol.id(), baud, bits, sweeps, turnaroundMillis, gapNanos);
                if (recorder.failure != null) {
                    r.notes.add("the port could not be opened: " + recorder.failure);
                    r.setupFailed = recorder.marks.isEmpty();
                }
                if (stall != null) {
                    r.notes.add(stall);
                }
                if (bus.opens() > 1) {
                    r.notes.add("the port was reopened " + (bus.opens() - 1) + " times");
                }
                if (!r.notes.isEmpty() || r.errors > 0) {
                    synchronized (log) {
                        log.forEach(m -> r.notes.add("log: " + m));
                    }
                }
                return r;
            }
        } finally {
            if (line != null) {
                line.close();
            }
            if (sim != null) {
                sim.close();
            }
            if (pty != null) {
                try {
                    pty.close();
                } catch (IOException e) {
                    err.println(NAME + ": " + e.getMessage());
                }
            }
        }
    }

    /** The same pty pair as {@code bmsw sim --pty}: the simulator on {@code device}, the host on {@code host}. */
    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The line's counters at the end of one sweep. */
    private record Mark(long sweep, long nanos, long bytes, long requests, long errors, long timeouts) {
    }

    /** Takes the counters at each sweep end, on the bus thread, and says when enough sweeps are done. */
    private static final class Recorder implements BusEvents {
        final int last;
        final CountDownLatch done = new CountDownLatch(1);
        final List<Mark> marks = Collections.synchronizedList(new ArrayList<>());
        volatile Buses buses;
        volatile String failure;
        volatile long progressNanos = System.nanoTime();
        /** Requests sent so far; the bus thread alone writes it. */
        long requests;

        Recorder(int last) {
            this.last = last;
        }

        @Override
        public void frame(FrameRecord record) {
            if (record.direction() == FrameRecord.Direction.TX) {
                requests++;
            }
        }

        @Override
        public void busState(BusStatus status) {
            if (status.state() == BusState.FAILED) {
                failure = status.detail();
                done.countDown();
            }
        }

        @Override
        public void sweep(String busId, long number) {
            long now = System.nanoTime();
            Optional<Bus> bus = buses.bus(busId);
            if (bus.isEmpty()) {
                // the bus is being closed: nothing is timed any more
                return;
            }
            LinkCounters c = bus.get().counters();
            LinkStatistics s = c.snapshot(busId, Instant.now());
            marks.add(new Mark(number, now, c.bytesSent() + c.bytesReceived(), requests, s.totalErrors(),
                    s.errorCount(LinkErrorKind.TIMEOUT)));
            progressNanos = now;
            if (number >= last) {
                done.countDown();
            }
        }

        /** Waits for the last sweep; says why when the bus got stuck instead. */
        String await() {
            try {
                while (!done.await(1, TimeUnit.SECONDS)) {
                    if (System.nanoTime() - progressNanos > STALL_NANOS) {
                        return "stalled: no sweep ended in " + TimeUnit.NANOSECONDS.toSeconds(STALL_NANOS) + " s";
                    }
                }
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }

        Result result(String protocol, int baud, int bits, int sweeps, double turnaroundMillis, long gapNanos) {
            List<Mark> copy;
            synchronized (marks) {
                copy = List.copyOf(marks);
            }
            Result r = new Result(protocol, baud, gapNanos);
            Mark from = find(copy, WARM_UP_SWEEPS);
            Mark to = find(copy, WARM_UP_SWEEPS + sweeps);
            if (from != null && from.errors > 0) {
                r.notes.add("warm-up sweep: " + from.errors + " errors (" + from.timeouts + " timeouts)");
            }
            if (from == null || to == null) {
                r.notes.add("only " + copy.size() + " of " + (WARM_UP_SWEEPS + sweeps) + " sweeps ended");
                r.errors = copy.isEmpty() ? 0 : copy.get(copy.size() - 1).errors;
                return r;
            }
            r.sweeps = sweeps;
            r.bytes = (double) (to.bytes - from.bytes) / sweeps;
            r.requests = (double) (to.requests - from.requests) / sweeps;
            r.errors = to.errors - from.errors;
            r.timeouts = to.timeouts - from.timeouts;
            r.theoryMillis = r.bytes * bits * 1000.0 / baud + r.requests * (turnaroundMillis + gapNanos / 1e6);
            r.measuredMillis = (to.nanos - from.nanos) / 1e6 / sweeps;
            r.efficiency = r.theoryMillis / r.measuredMillis;
            if (r.errors > 0) {
                r.notes.add("ERRORS in the timed sweeps: " + r.errors + " (" + r.timeouts + " timeouts)");
            }
            return r;
        }

        private static Mark find(List<Mark> marks, long sweep) {
            for (Mark m : marks) {
                if (m.sweep == sweep) {
                    return m;
                }
            }
            return null;
        }
    }

    /** The figures of one run; NaN where the sweeps did not end. */
    private static final class Result {
        final String protocol;
        final int baud;
        final long gapNanos;
        final List<String> notes = new ArrayList<>();
        int sweeps;
        double bytes = Double.NaN;
        double requests = Double.NaN;
        double theoryMillis = Double.NaN;
        double measuredMillis = Double.NaN;
        double efficiency = Double.NaN;
        long errors;
        long timeouts;
        boolean setupFailed;

        Result(String protocol, int baud, long gapNanos) {
            this.protocol = protocol;
            this.baud = baud;
            this.gapNanos = gapNanos;
        }

        String row() {
            double overhead = (measuredMillis - theoryMillis) / requests;
            return String.format(Locale.ROOT, "%-14s %7d %6d %11.0f %8.1f %7.3f %11.1f %11.1f %10.3f %10.3f %6d%s",
                    protocol, baud, sweeps, bytes, requests, gapNanos / 1e6, theoryMillis, measuredMillis, efficiency,
                    overhead, errors, errors > 0 || !notes.isEmpty() ? "  FLAGGED" : "");
        }
    }

    /** What to measure. */
    public static final class Options {
        public List<String> protocols = List.of(ProtocolCatalog.DEFAULT_PROTOCOL, "pylontech");
        public List<Integer> bauds = List.of(9600, 19200, 115200);
        /** Timed sweeps after the warm-up; 0: 3 up to 9600 baud, 5 up to 19200, 10 above. */
        public int sweeps;
        public double turnaroundMillis = 10;
    }
}
