package org.bmsworkbench.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Buses;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.connection.Port;
import org.bmsworkbench.connection.PortDiscovery;
import org.bmsworkbench.connection.TransactionRunner;
import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.events.FrameRecord;
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
 * How close a record download comes to the line's limit: the simulator on one side of a socat pty pair holds
 * N data records on pack 1, the connection service's {@link Bus} on the other side polls packs 1 and 2 while a
 * {@link RecordReader} reads them all through the command queue. The measured time (from the start of the read
 * to its end) is compared with the theoretical wire time of every frame on the line meanwhile, polls included:
 * (bytes sent + received) × bits per character ÷ baud, plus per transaction the boards' turnaround and the
 * protocol's inter-frame gap. Target: 0.9 or more. Exit status 0 target met, 1 not met or the read failed, 2 wrong
 * options, 3 the pty pair could not be set up.
 */
public final class RecordReadBenchmark {

    private static final String NAME = "record read benchmark";
    private static final double TARGET = 0.9;
    private static final long SEED = 1;

    private final ProtocolCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;

    public RecordReadBenchmark(ProtocolCatalog catalog, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    /**
     * Reads {@code records} records ({@code ./bmsw record-read-benchmark}, options checked by the command line) and
     * returns the exit status: 0 target met, 1 not met or the read failed, 2 no simulated protocol, 3 no pty pair.
     */
    public int run(int records, int baud, int step, double turnaround, int interval) {
        BmsProtocol protocol = catalog.find(ProtocolCatalog.DEFAULT_PROTOCOL).orElse(null);
        if (protocol == null || protocol.deviceCodec().isEmpty()) {
            err.println(NAME + ": no simulated protocol " + ProtocolCatalog.DEFAULT_PROTOCOL);
            return 2;
        }
        try {
            return measure(protocol, records, baud, step, turnaround, interval);
        } catch (IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(NAME + ": interrupted");
            return 1;
        }
    }

    /** Counts the frames on the line. */
    private static final class Counter implements BusEvents {
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong transactions = new AtomicLong();
        final AtomicLong errors = new AtomicLong();

        @Override
        public void frame(FrameRecord record) {
            bytes.addAndGet(record.bytes().length);
            if (record.direction() == FrameRecord.Direction.TX) {
                transactions.incrementAndGet();
            } else if (record.error() != null) {
                errors.incrementAndGet();
            }
        }
    }

    private int measure(BmsProtocol protocol, int records, int baud, int step, double turnaround, int interval)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bmsw-records-bench-");
        PtyPair pty = null;
        SimBus sim = null;
        SimLine line = null;
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try {
            pty = PtyPair.open(dir);
            List<ParameterDefinition> definitions = protocol.parameterDefinitions();
            sim = new SimBus(List.of(PackSpec.typical(1, 16, 4), PackSpec.typical(2, 16, 4)), definitions, SEED,
                    LocalDateTime.now(), 0.1);
            sim.pack(1).storePastRecords(records, 0);
            sim.start(1);
            int bits = new Transport.Serial("pty", baud, 8, 'N', 1).bitsPerCharacter();
            line = new SimLine(sim, protocol.deviceCodec().orElseThrow(), new SerialEndpoint(pty.device()),
                    new LineTiming(baud, bits, turnaround), new Faults(SEED), m -> log.add("simulator: " + m));
            line.start();
            Transport.Serial transport = new Transport.Serial(pty.host().toString(), baud, 8, 'N', 1);
            BusSettings settings = new BusSettings(transport, protocol.id(), List.of(1, 2), 0, 1, interval, 1, 3);
            Counter counter = new Counter();
            try (Buses buses = new Buses(catalog::find, () -> catalog.all().stream().map(BmsProtocol::id).toList(),
                    LinkCatalog.known(), counter, new PortDiscovery(List::of, log::add), log::add)) {
                String busId = buses.open(settings);
                Bus bus = buses.bus(busId).orElseThrow();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (bus.packStates().stream().filter(p -> p.state() == org.bmsworkbench.events.PackLinkState.ONLINE)
                        .count() < 2) {
                    if (System.nanoTime() > deadline) {
                        err.println(NAME + ": the packs did not answer: " + log);
                        return 1;
                    }
                    Thread.sleep(20);
                }
                out.printf(Locale.ROOT, "record read: %d data records of pack 1 at %d baud (%d bits per character) over"
                        + " a socat pty, %d records per bus command, pack 2 polled every %d ms, turnaround %s ms,"
                        + " target %.2f%n", records, baud, bits, step, interval, turnaround, TARGET);
                long gapNanos = new TransactionRunner(Port.of("timing", InputStream.nullInputStream(),
                        OutputStream.nullOutputStream(), () -> { }), baud, bits).gapNanos(protocol);
                MemoryRecordStore store = new MemoryRecordStore();
                AtomicLong lastShown = new AtomicLong(System.nanoTime());
                RecordReader reader = new RecordReader(buses, busId, 1, RecordKind.DATA, store, () -> true,
                        new RecordReader.Listener() {
                            @Override
                            public void records(List<DeviceRecord> list) {
                                // nothing to show: the figures are the counters'
                            }

                            @Override
                            public void progress(ReadProgress p) {
                                long now = System.nanoTime();
                                if (now - lastShown.get() > TimeUnit.SECONDS.toNanos(60)) {
                                    lastShown.set(now);
                                    out.printf(Locale.ROOT, "  %d of %d records, %.2f records/s, %.0f s left%n",
                                            p.done(), p.total(), p.recordsPerSecond(), p.secondsLeft());
                                }
                            }
                        }).step(step);
                long bytes0 = counter.bytes.get();
                long tx0 = counter.transactions.get();
                long start = System.nanoTime();
                ReadProgress end = reader.start(RecordReader.Mode.ALL).join();
                long measured = System.nanoTime() - start;
                long bytes = counter.bytes.get() - bytes0;
                long transactions = counter.transactions.get() - tx0;
                double theory = bytes * (double) bits / baud + transactions * (turnaround / 1000 + gapNanos / 1e9);
                double seconds = measured / 1e9;
                double efficiency = theory / seconds;
                boolean same = store.records(end.board(), RecordKind.DATA).size() == sim.pack(1).historyCount();
                out.printf(Locale.ROOT, "%-9s %8s %12s %12s %11s %11s %10s %11s %7s%n", "state", "records", "bytes",
                        "transactions", "theory s", "measured s", "efficiency", "records/s", "errors");
                out.printf(Locale.ROOT, "%-9s %8d %12d %12d %11.1f %11.1f %10.3f %11.2f %7d%n", end.state(),
                        end.done(), bytes, transactions, theory, seconds, efficiency, end.done() / seconds,
                        counter.errors.get());
                out.println("all records read equal the board's ring: " + (same ? "yes" : "NO"));
                boolean ok = end.state() == ReadProgress.State.DONE && same && efficiency >= TARGET;
                out.println("verdict: " + (ok ? "efficiency >= " + TARGET : "target not met: " + end.message()));
                return ok ? 0 : 1;
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
}
