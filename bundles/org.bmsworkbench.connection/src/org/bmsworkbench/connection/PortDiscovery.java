package org.bmsworkbench.connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bmsworkbench.events.PortList;
import org.bmsworkbench.events.SerialPortInfo;

import com.fazecast.jSerialComm.SerialPort;

/**
 * The serial ports of this computer, with their description and USB identity. jSerialComm has no hot-plug
 * notification on every system, so the list is taken again every few seconds and listeners hear only
 * about real changes (an adapter plugged in or pulled).
 */
public final class PortDiscovery implements AutoCloseable {

    private final Supplier<List<SerialPortInfo>> source;
    private final List<Consumer<PortList>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> log;
    private volatile List<SerialPortInfo> current = List.of();
    private ScheduledExecutorService watcher;

    /**
     * @param source lists the ports now; {@link #systemPorts()} in the workbench, a scripted list in tests
     * @param log    receives one line when listing fails
     */
    public PortDiscovery(Supplier<List<SerialPortInfo>> source, Consumer<String> log) {
        this.source = source;
        this.log = log;
    }

    /** The ports jSerialComm sees, sorted by name. */
    public static List<SerialPortInfo> systemPorts() {
        List<SerialPortInfo> result = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            result.add(new SerialPortInfo(p.getSystemPortPath(), describe(p), p.getVendorID(), p.getProductID(),
                    p.getSerialNumber(), p.getPortLocation()));
        }
        result.sort(Comparator.comparing(SerialPortInfo::name));
        return result;
    }

    private static String describe(SerialPort p) {
        String d = p.getPortDescription();
        if (d == null || d.isBlank()) {
            d = p.getDescriptivePortName();
        }
        return d == null ? "" : d.trim();
    }

    /** The list as last taken. */
    public List<SerialPortInfo> ports() {
        return current;
    }

    /** Takes the list again now; tells the listeners when it changed. */
    public List<SerialPortInfo> refresh() {
        List<SerialPortInfo> now;
        try {
            now = List.copyOf(source.get());
        } catch (RuntimeException | LinkageError e) {
            // a missing native library must not take the workbench down: no ports is a true answer here
            log.accept("listing serial ports failed: " + e);
            now = List.of();
        }
        boolean changed;
        synchronized (this) {
            changed = !now.equals(current);
            current = now;
        }
        if (changed) {
            PortList list = new PortList(now, Instant.now());
            for (Consumer<PortList> l : listeners) {
                l.accept(list);
            }
        }
        return now;
    }

    public void addListener(Consumer<PortList> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<PortList> listener) {
        listeners.remove(listener);
    }

    /** Re-lists the ports every {@code periodMillis} on a daemon thread until closed. */
    public synchronized void watch(long periodMillis) {
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bmsw-port-discovery");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::refresh, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
