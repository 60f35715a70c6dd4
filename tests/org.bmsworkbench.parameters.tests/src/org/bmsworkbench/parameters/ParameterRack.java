package org.bmsworkbench.parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.testsupport.OneBusConnection;
import org.bmsworkbench.connection.Port;
import org.bmsworkbench.connection.WriteGuard;
import org.bmsworkbench.control.PackStates;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.link.SimLinkProvider;

/**
 * Simulated packs behind the real {@link Bus}, on an in-process framed line whose boards can be taken offline or
 * made to clamp a parameter (as a firmware with a tighter limit than the map does). Every frame is kept.
 */
final class ParameterRack extends OneBusConnection implements PackStates, AutoCloseable {

    static final String BUS = "bus-p";

    final BmsProtocol protocol = new NativeModbusProtocol();
    final SimBus sim;
    final List<FrameRecord> frames = new CopyOnWriteArrayList<>();
    final Set<Integer> offline = ConcurrentHashMap.newKeySet();
    /** Parameter key to the largest value the boards store for it. */
    final Map<String, Double> clampAt = new ConcurrentHashMap<>();
    final Bus bus;
    volatile WriteGuard guard = WriteGuard.NONE;
    private final DeviceCodec codec;
    private final BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();

    ParameterRack(int packs) throws Exception {
        List<PackSpec> specs = new ArrayList<>();
        for (int a = 1; a <= packs; a++) {
            specs.add(PackSpec.typical(a, 16, 4));
        }
        sim = new SimBus(specs, protocol.parameterDefinitions(), 7, LocalDateTime.of(2026, 7, 1, 8, 0), 1);
        sim.advance(5);
        codec = protocol.deviceCodec().orElseThrow();
        BusEvents events = new BusEvents() {
            @Override
            public void frame(FrameRecord record) {
                frames.add(record);
            }
        };
        BusSettings settings = BusSettings.parse("sim:" + packs + ",cells=16,temps=4,interval=20",
                LinkLookup.of(new SimLinkProvider())).withTiming(100, 0).withOfflineAfter(1);
        bus = new Bus(BUS, settings, protocol, this::connect, events, Clock.systemUTC(), m -> { }, () -> guard);
        attach(bus, BUS, protocol.id());
        bus.start();
        await(() -> bus.packStates().stream().allMatch(p -> p.state() == PackLinkState.ONLINE), "every pack online");
    }

    private final DeviceBus devices = new DeviceBus() {
        @Override
        public Board board(int address) {
            Board b = sim.board(address);
            return b == null || offline.contains(address) ? null : clamping(b);
        }

        @Override
        public List<Board> boards() {
            return sim.boards().stream().filter(b -> !offline.contains(b.address())).map(ParameterRack.this::clamping)
                    .toList();
        }
    };

    /** The board, storing at most {@link #clampAt} of a parameter written to it. */
    private Board clamping(Board board) {
        return (Board) Proxy.newProxyInstance(Board.class.getClassLoader(), new Class<?>[] {Board.class},
                (proxy, method, args) -> {
                    Object[] a = args;
                    if (method.getName().equals("writeParameters")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Double> values = new LinkedHashMap<>((Map<String, Double>) args[0]);
                        clampAt.forEach((k, max) -> values.computeIfPresent(k, (key, v) -> Math.min(v, max)));
                        a = new Object[] {values};
                    }
                    try {
                        return method.invoke(board, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Port connect() {
        replies.clear();
        return new Port() {
            @Override
            public InputStream in() {
                return InputStream.nullInputStream();
            }

            @Override
            public OutputStream out() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public String name() {
                return "in-process parameter rack";
            }

            @Override
            public boolean framed() {
                return true;
            }

            @Override
            public void sendFrame(byte[] frame) {
                Optional<byte[]> answer;
                synchronized (sim) {
                    answer = codec.answer(frame, devices);
                }
                answer.ifPresent(replies::add);
            }

            @Override
            public byte[] receiveFrame(long timeoutMillis) throws IOException {
                try {
                    return replies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }

            @Override
            public void close() {
                replies.clear();
            }
        };
    }

    /** Frames sent to a pack that change it (writes and control). */
    long changingFramesSent() {
        return frames.stream().filter(f -> f.direction() == FrameRecord.Direction.TX)
                .filter(f -> protocol.changesDevice(f.bytes())).count();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        OneBusConnection.await(condition, what, 20);
    }

    @Override
    public Optional<PackSnapshot> latest(String busId, int address) {
        return BUS.equals(busId) ? bus.latest(address) : Optional.empty();
    }

    @Override
    public PackLinkState state(String busId, int address) {
        return bus.packStates().stream().filter(p -> p.address() == address).map(PackStatus::state).findFirst()
                .orElse(PackLinkState.OFFLINE);
    }

    @Override
    public void close() {
        bus.close();
        sim.close();
    }
}
