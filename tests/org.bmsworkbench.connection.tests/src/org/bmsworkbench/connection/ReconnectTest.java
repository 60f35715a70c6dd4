package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.wire.Fault;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.SerialEndpoint;
import org.bmsworkbench.sim.wire.SimLine;
import org.junit.jupiter.api.Test;

/**
 * Lost lines: the simulator's disconnect fault 100 times over, and a socat pty killed and made again at the
 * same path, each time through the real jSerialComm port. The bus must come back every time and leave no
 * thread or file descriptor behind.
 */
class ReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static int threads() {
        return Thread.getAllStackTraces().size();
    }

    /**
     * Lets threads that are ending end, so counts are steady: a loaded machine may need more than a fixed pause, so
     * it waits until the thread count has not fallen for 300 ms (at most 5 s).
     */
    private static void settle() throws InterruptedException {
        System.gc();
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int before = threads();
        do {
            Thread.sleep(300);
            int now = threads();
            if (now >= before) {
                return;
            }
            before = now;
        } while (System.nanoTime() < end);
    }

    @Test
    void aHundredDisconnectsOfTheSimulatedLineLeakNothing() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 2, 16, 4, LineTiming.none())) {
            h.line.faults().set(Fault.DISCONNECT, 0, 0.005);
            Bus bus = h.open(SimHarness.settings("modbus-native", List.of(1, 2)));
            Recorder.await(WAIT, "first sweep", () -> h.events.sweeps >= 1);
            // one cycle before counting, so lazily created threads and buffers are already there
            cycle(h, bus);
            settle();
            long files = openFiles();
            int threads = threads();
            for (int i = 0; i < 100; i++) {
                cycle(h, bus);
            }
            settle();
            assertEquals(102, bus.opens(), "opened once and reopened after each of 101 disconnects");
            assertTrue(openFiles() <= files + 2, "open files " + files + " -> " + openFiles());
            assertTrue(threads() <= threads + 1, "threads " + threads + " -> " + threads());
            assertTrue(h.events.buses.stream().filter(s -> s.state() == BusState.RECONNECTING).count() >= 101);
            assertTrue(bus.counters().snapshot("bus-t", java.time.Instant.now())
                    .errorCount(org.bmsworkbench.events.LinkErrorKind.IO) >= 101);
        }
    }

    private static void cycle(SimHarness h, Bus bus) throws InterruptedException {
        long opens = bus.opens();
        long snapshots = h.events.snapshots.size();
        h.line.faults().once(Fault.DISCONNECT);
        Recorder.await(WAIT, "reopened after disconnect " + opens, () -> bus.opens() > opens);
        Recorder.await(WAIT, "polling after reconnection " + opens, () -> h.events.snapshots.size() > snapshots + 1
                && bus.status().state() == BusState.OPEN);
    }

    /** A socat pty pair at fixed paths, with the simulator on its device side. */
    private static final class Pty implements AutoCloseable {
        final Path device;
        final Path host;
        final Process socat;
        final SimLine line;

        Pty(Path dir, SimBus sim, BmsProtocol protocol) throws Exception {
            device = dir.resolve("device");
            host = dir.resolve("host");
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 500 && !(Files.exists(device) && Files.exists(host)); i++) {
                Thread.sleep(10);
            }
            assertTrue(Files.exists(host), "socat made " + host);
            line = new SimLine(sim, protocol.deviceCodec().orElseThrow(), new SerialEndpoint(device),
                    new LineTiming(115200, 10, 1), new Faults(3), m -> { });
            line.start();
        }

        @Override
        public void close() throws Exception {
            socat.destroy();
            socat.waitFor();
            line.close();
            Files.deleteIfExists(device);
            Files.deleteIfExists(host);
        }
    }

    @Test
    void aSocatPtyKilledAndMadeAgainIsReopenedEachTimeWithoutLeaks() throws Exception {
        BmsProtocol protocol = new NativeModbusProtocol();
        Path dir = Files.createTempDirectory("bmsw-reconnect-");
        Recorder events = new Recorder();
        try (SimBus sim = new SimBus(List.of(PackSpec.typical(1, 16, 4), PackSpec.typical(2, 16, 4)),
                protocol.parameterDefinitions(), 5, LocalDateTime.of(2026, 7, 1, 0, 0), 1)) {
            sim.advance(5);
            Pty pty = new Pty(dir, sim, protocol);
            BusSettings settings = new BusSettings(new Transport.Serial(dir.resolve("host").toString(), 115200, 8, 'N', 1),
                    "modbus-native", List.of(1, 2), 100, 1, 0, 1, 2);
            Bus bus = new Bus("bus-pty", settings, protocol, Connector.of(settings.transport(), 1000), events,
                    Clock.systemUTC(), m -> { });
            bus.setRecovery(20, 200, 600);
            bus.start();
            try {
                Recorder.await(WAIT, "first sweep", () -> events.sweeps >= 1);
                int cycles = 100;
                long files = 0;
                int threads = 0;
                for (int i = 0; i <= cycles; i++) {
                    if (i == 1) {
                        settle();
                        files = openFiles();
                        threads = threads();
                    }
                    long opens = bus.opens();
                    pty.close();
                    Recorder.await(WAIT, "the lost pty noticed (cycle " + i + ")",
                            () -> bus.status().state() != BusState.OPEN);
                    pty = new Pty(dir, sim, protocol);
                    long snapshots = events.snapshots.size();
                    Recorder.await(WAIT, "reopened on the new pty (cycle " + i + ")",
                            () -> bus.opens() > opens && events.snapshots.size() > snapshots + 1);
                }
                settle();
                assertTrue(openFiles() <= files + 2, "open files " + files + " -> " + openFiles());
                assertTrue(threads() <= threads + 1, "threads " + threads + " -> " + threads());
                assertEquals(cycles + 2, bus.opens());
            } finally {
                bus.close();
                pty.close();
                Files.deleteIfExists(dir);
            }
        }
    }
}
