package org.bmsworkbench.config.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.config.BusPackStates;
import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Buses;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.connection.Port;
import org.bmsworkbench.connection.PortDiscovery;
import org.bmsworkbench.connection.TransactionRunner;
import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.control.GuardedWrites;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.core.security.AccessControl;
import org.bmsworkbench.core.security.AccessRefusedException;
import org.bmsworkbench.core.security.AuditLogFile;
import org.bmsworkbench.core.security.PasswordVault;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.sim.CurrentProfile;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.SimPack;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.PtyPair;
import org.bmsworkbench.sim.wire.SerialEndpoint;
import org.bmsworkbench.sim.wire.SimLine;

/**
 * How close a firmware transfer comes to the line's limit: the simulator (one pack at rest, with its firmware
 * target) on one side of a socat pty pair, the connection service's {@link Bus} on the other, and the upgrade
 * sent as the workbench sends it: a {@link FirmwareWrite} through {@link GuardedWrites} (unlocked gate, audit log),
 * run by {@link FirmwareUpgrade}. The measured time is the write's own transfer time (first block sent to last
 * block acknowledged); the theoretical time is that of every frame on the line from the first block request to
 * the reply to the last: (bytes sent + received) × bits per character ÷ baud, plus, per transaction, the board's
 * turnaround and the protocol's inter-frame gap. The simulated board writes no flash, so the figure is the
 * host's and the line's share; a real board adds up to 100 ms per block (docs/benchmarks.md).
 * <p>
 * Returns 0 when every upgrade was confirmed (the new version read back), 1 when one was not, 2 without the
 * simulated protocol, 3 when the pty pair could not be set up; {@code ./bmsw firmware-benchmark} runs it.
 */
public final class FirmwareBenchmark {

    private static final String NAME = "firmware benchmark";
    private static final long SEED = 1;
    private static final int ADDRESS = 1;
    private static final String NEW_VERSION = "NB176-9.0.0";
    private static final long WRITE_MAX_SECONDS = 1800;

    private final ProtocolCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;

    public FirmwareBenchmark(ProtocolCatalog catalog, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the transfers and prints the figures.
     *
     * @param sizes      image sizes in KiB, header included
     * @param bauds      baud rates
     * @param turnaround the simulated board's reply delay, ms
     */
    public int run(List<Integer> sizes, List<Integer> bauds, double turnaround) {
        BmsProtocol protocol = catalog.find(ProtocolCatalog.DEFAULT_PROTOCOL).orElse(null);
        if (protocol == null || protocol.deviceCodec().isEmpty() || protocol.setup().isEmpty()) {
            err.println(NAME + ": no simulated protocol " + ProtocolCatalog.DEFAULT_PROTOCOL + " with a firmware upgrade");
            return 2;
        }
        int bits = new Transport.Serial("pty", 9600, 8, 'N', 1).bitsPerCharacter();
        out.printf(Locale.ROOT, "firmware transfer: one simulated pack (%s) at rest over a socat pty, 8N1 (%d bits per"
                + " character), %d-byte blocks, turnaround %s ms, through Bus + GuardedWrites + FirmwareWrite%n",
                protocol.id(), bits, protocol.setup().get().firmwareBlockSize(), fmt(turnaround));
        out.println("theoretical = (bytes sent + received) x bits / baud + transactions x (turnaround + gap),"
                + " frames from the first block request to the last block reply");
        out.printf(Locale.ROOT, "%7s %6s %7s %7s %9s %9s %6s %7s %10s %11s %10s %9s %10s %7s%n", "baud", "KiB",
                "blocks", "bytes", "sent B", "recv B", "tx", "gap ms", "theory s", "measured s", "efficiency",
                "image B/s", "upgrade s", "errors");
        boolean all = true;
        try {
            for (int baud : bauds) {
                for (int kib : sizes) {
                    all &= measure(protocol, baud, bits, kib, turnaround);
                }
            }
        } catch (IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(NAME + ": interrupted");
            return 1;
        }
        out.println("verdict: " + (all ? "every upgrade confirmed, the new version read back" : "an upgrade failed"));
        return all ? 0 : 1;
    }

    /**
     * Counts the frames of the transfer: from the first block request (FC 10 at 0x3009) to the reply that follows
     * the request of the last block, state reads of a recovery in between included.
     */
    private static final class TransferFrames implements BusEvents {
        private final int lastBlock;
        private boolean counting;
        private boolean lastSent;
        private boolean done;
        long sentBytes;
        long receivedBytes;
        long transactions;
        long errors;
        int largestRequest;
        int largestReply;

        TransferFrames(int blocks) {
            this.lastBlock = blocks - 1;
        }

        private static boolean blockRequest(byte[] b) {
            return b.length > 6 && b[1] == 0x10 && (b[2] & 0xFF) == 0x30 && (b[3] & 0xFF) == 0x09;
        }

        private static int blockNumber(byte[] b) {
            return (b[7] & 0xFF) << 8 | (b[8] & 0xFF);
        }

        @Override
        public synchronized void frame(FrameRecord record) {
            byte[] b = record.bytes();
            if (done) {
                return;
            }
            if (record.direction() == FrameRecord.Direction.TX) {
                boolean block = blockRequest(b);
                counting |= block;
                if (!counting) {
                    return;
                }
                sentBytes += b.length;
                transactions++;
                largestRequest = Math.max(largestRequest, b.length);
                lastSent = block && b.length > 8 && blockNumber(b) == lastBlock;
            } else if (counting) {
                receivedBytes += b.length;
                largestReply = Math.max(largestReply, b.length);
                if (!record.ok()) {
                    errors++;
                } else if (lastSent) {
                    done = true;
                }
            }
        }
    }

    private boolean measure(BmsProtocol protocol, int baud, int bits, int kib, double turnaround)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bmsw-firmware-bench-");
        PtyPair pty = null;
        SimBus sim = null;
        SimLine line = null;
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try {
            pty = PtyPair.open(Files.createTempDirectory("bmsw-firmware-pty-"));
            List<ParameterDefinition> definitions = protocol.parameterDefinitions();
            sim = new SimBus(List.of(PackSpec.typical(ADDRESS, 16, 4)), definitions, SEED, LocalDateTime.now(), 0.1);
            SimPack pack = sim.pack(ADDRESS);
            pack.setProfile(CurrentProfile.rest());
            sim.start(1);
            line = new SimLine(sim, protocol.deviceCodec().orElseThrow(), new SerialEndpoint(pty.device()),
                    new LineTiming(baud, bits, turnaround), new Faults(SEED), m -> log.add("simulator: " + m));
            line.start();
            byte[] payload = new byte[kib * 1024 - FirmwareImage.HEADER_SIZE];
            new Random(SEED).nextBytes(payload);
            FirmwareImage image = FirmwareImage.of("bench.bin",
                    FirmwareImage.build(pack.text("hardwareVersion"), NEW_VERSION, payload));
            int blocks = image.blocks(protocol.setup().get().firmwareBlockSize());
            TransferFrames frames = new TransferFrames(blocks);
            Transport.Serial transport = new Transport.Serial(pty.host().toString(), baud, 8, 'N', 1);
            BusSettings settings = new BusSettings(transport, protocol.id(), List.of(ADDRESS), 0, 1, 1000, 1, 3);
            AccessControl gate = new AccessControl(new PasswordVault(dir.resolve("access")), Clock.systemUTC(),
                    s -> { });
            try {
                if (!gate.unlock(PasswordVault.FACTORY_PASSWORD.toCharArray())) {
                    err.println(NAME + ": the factory password did not unlock the gate");
                    return false;
                }
            } catch (AccessRefusedException e) {
                err.println(NAME + ": " + e.getMessage());
                return false;
            }
            try (Buses buses = new Buses(catalog::find, () -> catalog.all().stream().map(BmsProtocol::id).toList(),
                    LinkCatalog.known(), frames, new PortDiscovery(List::of, log::add), log::add)) {
                String busId = buses.open(settings);
                GuardedWrites writes = new GuardedWrites(buses, new BusPackStates(buses), gate,
                        new AuditLogFile(dir.resolve("audit.log")), Clock.systemUTC());
                buses.setWriteGuard(writes);
                BusPackStates states = new BusPackStates(buses);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (states.state(busId, ADDRESS) != PackLinkState.ONLINE) {
                    if (System.nanoTime() > deadline) {
                        err.println(NAME + ": the pack did not answer at " + baud + " baud: " + log);
                        return false;
                    }
                    Thread.sleep(20);
                }
                long gapNanos = new TransactionRunner(Port.of("timing", InputStream.nullInputStream(),
                        OutputStream.nullOutputStream(), () -> { }), baud, bits).gapNanos(protocol);
                FirmwareWrite write = new FirmwareWrite(busId, ADDRESS, image, false, p -> { });
                FirmwareUpgrade upgrade = new FirmwareUpgrade(writes, m -> log.add("upgrade: " + m));
                long start = System.nanoTime();
                WriteOutcome<FirmwareResult> outcome = upgrade.run(write);
                double whole = (System.nanoTime() - start) / 1e9;
                if (outcome.kind() != WriteOutcome.Kind.CONFIRMED) {
                    out.printf(Locale.ROOT, "%7d %6d %7d %7d  upgrade %s: %s%n", baud, kib, blocks, image.size(),
                            outcome.kind(), outcome.detail());
                    err.println(NAME + ": " + log);
                    return false;
                }
                FirmwareResult r = outcome.value();
                double measured = r.transferNanos() / 1e9;
                long bytes;
                long transactions;
                long errors;
                synchronized (frames) {
                    bytes = frames.sentBytes + frames.receivedBytes;
                    transactions = frames.transactions;
                    errors = frames.errors;
                }
                double theory = bytes * (double) bits / baud + transactions * (turnaround / 1000 + gapNanos / 1e9);
                out.printf(Locale.ROOT, "%7d %6d %7d %7d %9d %9d %6d %7.2f %10.2f %11.2f %10.3f %9.0f %10.1f %7d%n",
                        baud, kib, r.blocks(), image.size(), frames.sentBytes, frames.receivedBytes, transactions,
                        gapNanos / 1e6, theory, measured, theory / measured, r.bytesSent() / measured, whole, errors);
                out.printf(Locale.ROOT, "        block request %d bytes, reply %d bytes; pack %d now runs %s (was %s)%s%n",
                        frames.largestRequest, frames.largestReply, ADDRESS, r.newVersion(), r.oldVersion(),
                        r.resumedAt() > 0 ? ", resumed at block " + r.resumedAt() : "");
                return r.runsImage();
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
            deleteAll(dir);
        }
    }

    private void deleteAll(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            err.println(NAME + ": could not remove " + dir + ": " + e.getMessage());
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
