package org.bmsworkbench.connection.testsupport;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.CommandHandle;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.SerialPortInfo;

/**
 * The connection service of a test rack: one real {@link Bus} (over a simulated line), which the services under
 * test drive as they drive the workbench's buses. Opening other buses is refused; there are no serial ports.
 */
public abstract class OneBusConnection implements ConnectionService {

    private Bus bus;
    private String busId;
    private String protocolId;
    /**
     * The protocol {@link #protocolOf} names for the bus: by default the one it speaks; a test may name a read-only
     * protocol to see a write refused before anything is sent.
     */
    public volatile org.bmsworkbench.protocol.BmsProtocol judgedProtocol;

    /** Names the rack's bus once it is built; every method of the service acts on it. */
    protected final void attach(Bus bus, String busId, String protocolId) {
        this.bus = bus;
        this.busId = busId;
        this.protocolId = protocolId;
    }

    /** Waits up to {@code seconds} for a condition, checking every 5 ms; fails naming what it waited for. */
    public static void await(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public String open(BusSettings settings) {
        throw new UnsupportedOperationException("one bus only");
    }

    @Override
    public void close(String busId) {
        bus.close();
    }

    @Override
    public void closeAll() {
        bus.close();
    }

    @Override
    public List<BusStatus> buses() {
        return List.of(bus.status());
    }

    @Override
    public Optional<org.bmsworkbench.protocol.BmsProtocol> protocolOf(String busId) {
        return this.busId.equals(busId) ? Optional.ofNullable(judgedProtocol) : Optional.empty();
    }

    @Override
    public Optional<BusSettings> settings(String busId) {
        return this.busId.equals(busId) ? Optional.of(bus.settings()) : Optional.empty();
    }

    @Override
    public <T> CommandHandle<T> submit(String busId, BusCommand<T> command) {
        if (!this.busId.equals(busId)) {
            throw new IllegalArgumentException("no bus " + busId);
        }
        return bus.submit(command);
    }

    @Override
    public List<SerialPortInfo> serialPorts() {
        return List.of();
    }

    @Override
    public List<SerialPortInfo> refreshPorts() {
        return List.of();
    }

    @Override
    public List<String> protocols() {
        return List.of(protocolId);
    }
}
