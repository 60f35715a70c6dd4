package org.bmsworkbench.cli.poll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.cli.json.ReplyJson;
import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Buses;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.connection.PortDiscovery;
import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ProtocolCatalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bmsw poll}: opens one bus with the connection service's own scheduler, polls every pack
 * {@code --count} times, and prints one line per pack per sweep: JSON with the keys of {@code bmsw decode}
 * (plus bus, sweep, time and state), or a short table line.
 */
@Command(name = "poll", sortOptions = false,
        description = { "Polls the packs of one bus and prints one line per pack per sweep.",
                "Give one of --serial, --tcp and --simulate with the line's options, or --bus SPEC with everything"
                        + " in the spec, e.g. serial:/dev/ttyUSB0,baud=9600,protocol=pylontech,packs=4." },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:every pack answered in the last sweep", "1:some did not", "2:wrong options",
                "3:the port could not be opened" })
public final class PollCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--serial", paramLabel = "PORT", description = "serial port, e.g. /dev/ttyUSB0, COM3 or a pty")
    String serial;
    @Option(names = "--baud", paramLabel = "N", description = "baud rate (default 9600; 115200 for --simulate)")
    Integer baud;
    @Option(names = "--format", paramLabel = "8N1", description = "data bits, parity (N, E, O), stop bits (default 8N1)")
    String format;
    @Option(names = "--tcp", paramLabel = "HOST:PORT", description = "RS485-to-Ethernet gateway (raw frames over TCP)")
    String tcp;
    @Option(names = "--simulate", paramLabel = "N", description = "N simulated packs in this process (1..16)")
    Integer simulate;
    @Option(names = "--bus", paramLabel = "SPEC", description = "any installed link type, as for ./bmsw --bus, with the"
            + " bus's options, e.g. serial:/dev/ttyUSB0,baud=9600,protocol=pylontech,packs=4")
    String bus;
    @Option(names = "--protocol", paramLabel = "ID", description = "protocol of the packs (default "
            + ProtocolCatalog.DEFAULT_PROTOCOL + "); bmsw protocols lists them")
    String protocol;
    @Option(names = "--packs", paramLabel = "N", description = "pack quantity, addresses 1..N (default 1, or N of --simulate)")
    Integer packs;
    @Option(names = "--addresses", paramLabel = "LIST", description = "pack addresses instead, e.g. 1-4 or 2,5,9")
    String addresses;
    @Option(names = "--count", paramLabel = "N", description = "sweeps before stopping (default 1; 0: until interrupted)")
    Integer count;
    @Option(names = "--interval", paramLabel = "MS", description = "least time between two polls of a pack (default 1000;"
            + " 0: as fast as the line allows)")
    Integer interval;
    @Option(names = "--timeout", paramLabel = "MS", description = "reply timeout (default: the protocol's)")
    Integer timeout;
    @Option(names = "--retries", paramLabel = "N", description = "retries of a failed request (default 1)")
    Integer retries;
    @Option(names = "--cells", paramLabel = "N", description = "cells of simulated packs (default 176)")
    Integer cells;
    @Option(names = "--temps", paramLabel = "N", description = "sensors of simulated packs (default 33)")
    Integer temps;
    @Option(names = "--json", description = "one JSON object per line, with the keys of bmsw decode")
    boolean json;

    public PollCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        BusSettings settings;
        int sweeps;
        try {
            sweeps = range("--count", count, 0, Integer.MAX_VALUE, 1);
            settings = settings();
        } catch (IllegalArgumentException e) {
            cli.err().println("bmsw poll: " + e.getMessage());
            return 2;
        }
        for (String problem : cli.catalog().problems()) {
            cli.err().println("bmsw poll: a protocol could not be loaded: " + problem);
        }
        if (cli.links() instanceof LinkCatalog c) {
            for (String problem : c.problems()) {
                cli.err().println("bmsw poll: a link type could not be loaded: " + problem);
            }
        }
        if (cli.protocol(settings.protocolId()).isEmpty()) {
            cli.err().println("bmsw poll: no protocol '" + settings.protocolId() + "' (known: "
                    + String.join(", ", cli.protocolIds()) + ")");
            return 2;
        }
        Printer printer = new Printer(settings, sweeps);
        PortDiscovery discovery = new PortDiscovery(List::of, m -> cli.err().println("bmsw poll: " + m));
        try (Buses buses = new Buses(cli.catalog()::find, cli::protocolIds, cli.links(), printer, discovery, m -> {
        })) {
            String busId;
            try {
                busId = buses.open(settings);
            } catch (IllegalArgumentException e) {
                cli.err().println("bmsw poll: " + e.getMessage());
                return 2;
            }
            Thread hook = new Thread(printer.done::countDown);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                printer.done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl+C): the hook has run, nothing to remove
                return 130;
            }
            buses.close(busId);
            if (printer.failure != null) {
                cli.err().println("bmsw poll: " + printer.failure);
                return 3;
            }
            return printer.allAnswered ? 0 : 1;
        }
    }

    private static int range(String option, Integer value, int min, int max, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    private BusSettings settings() {
        if (bus != null) {
            String line = firstLineOption();
            if (line != null) {
                throw new IllegalArgumentException("with --bus, the bus's options go into its spec, not " + line
                        + " (e.g. --bus sim:4,protocol=pylontech,interval=0)");
            }
            return BusSettings.parse(bus, cli.links());
        }
        int sim = simulate == null ? 0 : range("--simulate", simulate, 1, BusSettings.MAX_PACKS, 0);
        Integer b = baud == null ? null : range("--baud", baud, 300, 4_000_000, 0);
        int lines = (serial != null ? 1 : 0) + (tcp != null ? 1 : 0) + (sim > 0 ? 1 : 0);
        if (lines != 1) {
            throw new IllegalArgumentException("give exactly one of --serial, --tcp and --simulate");
        }
        Transport t;
        if (serial != null) {
            t = Transport.Serial.of(serial, b == null ? 9600 : b, format == null ? "8N1" : format);
        } else if (tcp != null) {
            t = Transport.Tcp.of(tcp, b == null ? 0 : b);
        } else {
            // the simulator's link type, from its own bundle: 176 cells, 33 sensors, 115200 baud unless told
            Map<String, String> s = new LinkedHashMap<>();
            s.put("cells", String.valueOf(range("--cells", cells, 1, 176, 176)));
            s.put("temps", String.valueOf(range("--temps", temps, 0, 33, 33)));
            if (b != null) {
                s.put("baud", String.valueOf(b));
            }
            t = cli.links().find("sim").orElseThrow(() -> new IllegalArgumentException(
                    "--simulate needs the simulator's link type (the org.bmsworkbench.sim bundle)")).parse(null, s);
        }
        List<Integer> list;
        if (addresses != null) {
            if (packs != null) {
                throw new IllegalArgumentException("give --packs or --addresses, not both");
            }
            list = BusSettings.parseAddresses(addresses);
        } else {
            int n = packs != null ? range("--packs", packs, 1, BusSettings.MAX_PACKS, 1) : sim > 0 ? sim : 1;
            list = new ArrayList<>();
            for (int a = 1; a <= n; a++) {
                list.add(a);
            }
        }
        return new BusSettings(t, protocol == null ? ProtocolCatalog.DEFAULT_PROTOCOL : protocol, list,
                range("--timeout", timeout, 1, 60_000, 0), range("--retries", retries, 0, 5, 1),
                range("--interval", interval, 0, 3_600_000, 1000), 1, 3);
    }

    /** The first option of a line given beside --bus, which its spec should carry instead. */
    private String firstLineOption() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("--serial", serial);
        given.put("--baud", baud);
        given.put("--format", format);
        given.put("--tcp", tcp);
        given.put("--simulate", simulate);
        given.put("--protocol", protocol);
        given.put("--packs", packs);
        given.put("--addresses", addresses);
        given.put("--interval", interval);
        given.put("--timeout", timeout);
        given.put("--retries", retries);
        given.put("--cells", cells);
        given.put("--temps", temps);
        return given.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    /** Collects each sweep and prints it when it is complete. */
    private final class Printer implements BusEvents {
        final BusSettings settings;
        final int sweeps;
        final CountDownLatch done = new CountDownLatch(1);
        final Map<Integer, PackSnapshot> answers = new TreeMap<>();
        final Map<Integer, PackStatus> states = new LinkedHashMap<>();
        volatile String failure;
        volatile boolean allAnswered;

        Printer(BusSettings settings, int sweeps) {
            this.settings = settings;
            this.sweeps = sweeps;
        }

        @Override
        public void busState(BusStatus status) {
            if (status.state() == BusState.FAILED) {
                // poll does not wait for the bus's next attempt: it says why and stops
                String why = status.detail();
                if (why.endsWith(Bus.RETRYING)) {
                    why = why.substring(0, why.length() - Bus.RETRYING.length());
                }
                failure = why + "; giving up";
                done.countDown();
            }
        }

        @Override
        public void packState(PackStatus status) {
            states.put(status.address(), status);
        }

        @Override
        public void visited(String busId, int address, PackSnapshot snapshot) {
            if (snapshot != null) {
                answers.put(address, snapshot);
            } else {
                answers.remove(address);
            }
        }

        @Override
        public void sweep(String busId, long number) {
            if (sweeps > 0 && number > sweeps) {
                // a fast line may finish another sweep before the bus is closed: it is not printed
                return;
            }
            boolean all = true;
            for (int address : settings.addresses()) {
                PackSnapshot s = answers.get(address);
                PackStatus st = states.get(address);
                all &= s != null;
                cli.out().println(json ? json(busId, number, address, s, st) : text(number, address, s, st));
            }
            cli.out().flush();
            answers.clear();
            allAnswered = all;
            if (sweeps > 0 && number >= sweeps) {
                done.countDown();
            }
        }

        private String json(String busId, long sweep, int address, PackSnapshot s, PackStatus st) {
            JsonObject m = new JsonObject();
            m.addProperty("bus", busId);
            m.addProperty("sweep", sweep);
            m.addProperty("protocol", settings.protocolId());
            if (s != null) {
                m.addProperty("time", s.time().toString());
                m.addProperty("state", PackLinkState.ONLINE.name());
                for (Map.Entry<String, JsonElement> e : ReplyJson.pack(s).entrySet()) {
                    m.add(e.getKey(), e.getValue());
                }
            } else {
                m.addProperty("address", address);
                // answered before but not in this sweep: its last values are no longer current
                m.addProperty("state", st == null ? PackLinkState.OFFLINE.name()
                        : st.state() == PackLinkState.ONLINE ? PackLinkState.STALE.name() : st.state().name());
                if (st != null && st.lastGoodAnswer() != null) {
                    m.addProperty("lastGoodAnswer", st.lastGoodAnswer().toString());
                }
            }
            return ReplyJson.GSON.toJson(m);
        }

        private String text(long sweep, int address, PackSnapshot s, PackStatus st) {
            if (s == null) {
                return String.format("sweep %d pack %3d  %s", sweep, address,
                        st == null ? "no answer" : st.state().name().toLowerCase() + ", no answer");
            }
            double[] stats = s.cellStatistics();
            List<String> alarms = s.flags().stream().filter(FlagChange::isWatched).map(Enum::name).toList();
            return String.format("sweep %d pack %3d  %7.2f V %8.2f A  SOC %5.1f %%  cells %d (%.3f..%.3f V)  sensors %d"
                    + "  alarms %s", sweep, address, s.find(Quantity.VOLTAGE).orElse(Double.NaN),
                    s.find(Quantity.CURRENT).orElse(Double.NaN), s.find(Quantity.SOC).orElse(Double.NaN),
                    s.cellCount(), stats.length > 1 ? stats[0] : Double.NaN, stats.length > 1 ? stats[1] : Double.NaN,
                    s.temperatureCount(), alarms.isEmpty() ? "none" : String.join(" ", alarms));
        }
    }
}
