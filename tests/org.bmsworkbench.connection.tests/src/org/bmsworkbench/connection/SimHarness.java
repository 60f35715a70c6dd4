package org.bmsworkbench.connection;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.link.SimulatedTransport;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.InProcessEndpoint;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.Link;
import org.bmsworkbench.sim.wire.SimLine;

/**
 * A simulated rack, and a {@link Bus} polling it: either behind an in-process line in real time with the
 * line's timing and faults ({@link #open}), or on a {@link VirtualClock} through a {@link SyncPort}
 * ({@link #openOnClock}), where the test moves time on and nothing depends on how fast threads run.
 * Simulated time stands still unless a test advances it, so every reading can be compared with the board's
 * own. Requests to the addresses in {@link #deaf} never reach the boards, as if that pack's cable were cut.
 */
final class SimHarness implements AutoCloseable {

    /** How long after a request its reply is there to read on the synchronous port: 5 ms, a short reply at 115200 baud. */
    static final long REPLY_NANOS = 5_000_000L;
    private static final Duration STEP = Duration.ofMillis(10);

    final BmsProtocol protocol;
    final SimBus sim;
    final SimLine line;
    final InProcessEndpoint endpoint = new InProcessEndpoint();
    final Recorder events = new Recorder();
    final Set<Integer> deaf = ConcurrentHashMap.newKeySet();
    final TestGuard guard = new TestGuard();
    /** What the bus logged. */
    final List<String> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
    final VirtualClock clock = new VirtualClock(Instant.parse("2026-07-01T08:00:00Z"));
    Bus bus;

    SimHarness(BmsProtocol protocol, int packs, int cells, int temps, LineTiming timing) {
        this.protocol = protocol;
        List<PackSpec> specs = new ArrayList<>();
        for (int a = 1; a <= packs; a++) {
            specs.add(PackSpec.typical(a, cells, temps));
        }
        sim = new SimBus(specs, new NativeModbusProtocol().parameterDefinitions(), 7, LocalDateTime.of(2026, 7, 1, 8, 0), 1);
        sim.advance(5);
        line = new SimLine(sim, protocol.deviceCodec().orElseThrow(), endpoint, timing, new Faults(11), m -> { });
        line.start();
    }

    /** Opens a bus on the line with these settings' addresses and timing. */
    Bus open(BusSettings settings) throws ProtocolException {
        bus = new Bus("bus-t", settings, protocol, this::connect, events, Clock.systemUTC(), m -> { }, () -> guard);
        bus.setRecovery(10, 100, 2000);
        bus.start();
        return bus;
    }

    /**
     * Opens a bus on the virtual clock, the line's faults applied by the {@link SyncPort}; it stands at time 0
     * until the test lets time pass.
     */
    Bus openOnClock(BusSettings settings) throws ProtocolException {
        bus = new Bus("bus-t", settings, protocol, () -> new SyncPort(sim, protocol.deviceCodec().orElseThrow(), clock,
                REPLY_NANOS, deaf, line.faults()), events, clock, logs::add, () -> guard);
        bus.setRecovery(10, 100, 2000);
        bus.start();
        return bus;
    }

    /**
     * Lets virtual time pass in steps of 10 ms until {@code condition} holds, failing with {@code what} when it
     * does not within {@code limit} of virtual time. The bus then stands at the end of a step, so what a test
     * sees does not depend on how fast the threads ran.
     */
    void until(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        Duration end = clock.elapsed().plus(limit);
        while (!condition.getAsBoolean()) {
            if (clock.elapsed().compareTo(end) >= 0) {
                throw new AssertionError("not within " + limit.toMillis() + " ms of virtual time: " + what);
            }
            clock.runFor(STEP);
        }
    }

    /** Lets virtual time pass until {@code command} ended, and returns its result. */
    <T> T result(CommandHandle<T> command) throws Exception {
        until(Duration.ofSeconds(60), "command " + command.id() + " ended", () -> command.result().isDone());
        return command.result().get(0, TimeUnit.SECONDS);
    }

    static BusSettings settings(String protocolId, List<Integer> addresses) {
        return new BusSettings(new SimulatedTransport(176, 33, 1, 1, 0, 0), protocolId, addresses, 200, 1, 0, 1, 3);
    }

    private Port connect() throws IOException {
        Link link = endpoint.connect();
        OutputStream toLine = link.out();
        OutputStream filtered = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!deaf.isEmpty() && deaf.contains(addressOf(b, off, len))) {
                    return;
                }
                toLine.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                toLine.flush();
            }
        };
        return Port.of("in-process", link.in(), filtered, link::close);
    }

    /** The address a request frame is for: byte 0 in Modbus RTU, ADR of a YD/T1363 frame. */
    private int addressOf(byte[] b, int off, int len) {
        if (len > 0 && b[off] == '~' && len >= 9) {
            return Integer.parseInt(new String(b, off + 3, 2, java.nio.charset.StandardCharsets.US_ASCII), 16);
        }
        return len > 0 ? b[off] & 0xFF : -1;
    }

    @Override
    public void close() {
        clock.release();
        if (bus != null) {
            bus.close();
        }
        line.close();
        endpoint.close();
        sim.close();
    }
}
