package org.bmsworkbench.connection.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Buses;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.PortDiscovery;
import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.tool.CommandLine;
import org.bmsworkbench.protocol.tool.Json;
import org.bmsworkbench.protocol.tool.ReplyJson;

/**
 * {@code bmsw poll}: opens one bus with the connection service's own scheduler, polls every pack
 * {@code --count} times, and prints one line per pack per sweep: JSON with the keys of {@code bmsw decode}
 * (plus bus, sweep, time and state), or a short table line. Exit status 0 when every pack answered in the
 * last sweep, 1 when some did not, 2 for wrong options, 3 when the port could not be opened.
 */
public final class PollMain {

    private final ProtocolCatalog catalog;
    private final LinkLookup links;
    private final List<String> linkProblems;
    private final PrintStream out;
    private final PrintStream err;

    /** With the link types known in this process ({@link LinkCatalog#known()}). */
    public PollMain(ProtocolCatalog catalog, PrintStream out, PrintStream err) {
        this(catalog, LinkCatalog.known(), out, err);
    }

    public PollMain(ProtocolCatalog catalog, LinkLookup links, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.links = links;
        this.linkProblems = links instanceof LinkCatalog c ? c.problems() : List.of();
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        CommandLine.exit(PollMain.class, (catalog, out, err) -> new PollMain(catalog,
                LinkCatalog.fromClassPath(PollMain.class.getClassLoader()), out, err)::run, args);
    }

    public static String help() {
        return """
                Usage: bmsw poll (--serial PORT [--baud N] [--format 8N1] | --tcp HOST:PORT | --simulate N)
                                 [--protocol ID] [--packs N | --addresses LIST] [--count N] [--interval MS]
                                 [--timeout MS] [--retries N] [--cells N] [--temps N] [--json]
                       bmsw poll --bus SPEC [--count N] [--json]

                Polls the packs of one bus and prints one line per pack per sweep.
                  --serial PORT      serial port, e.g. /dev/ttyUSB0, COM3 or a pty
                  --baud N           baud rate (default 9600; 115200 for --simulate)
                  --format 8N1       data bits, parity (N, E, O), stop bits
                  --tcp HOST:PORT    RS485-to-Ethernet gateway (raw frames over TCP)
                  --simulate N       N simulated packs in this process (1..16)
                  --bus SPEC         any installed link type, as for ./bmsw --bus, with the bus's options,
                                     e.g. serial:/dev/ttyUSB0,baud=9600,protocol=pylontech,packs=4
                  --protocol ID      protocol of the packs (default %s); bmsw protocols lists them
                  --packs N          pack quantity, addresses 1..N (default 1, or N of --simulate)
                  --addresses LIST   pack addresses instead, e.g. 1-4 or 2,5,9
                  --count N          sweeps before stopping (default 1; 0: until interrupted)
                  --interval MS      least time between two polls of a pack (default 1000; 0: as fast as the line allows)
                  --timeout MS       reply timeout (default: the protocol's)
                  --retries N        retries of a failed request (default 1)
                  --cells N --temps N  cells and sensors of simulated packs (default 176 and 33)
                  --json             one JSON object per line, with the keys of bmsw decode
                Exit status: 0 every pack answered in the last sweep, 1 some did not, 2 wrong options,
                3 the port could not be opened.
                """.formatted(ProtocolCatalog.DEFAULT_PROTOCOL);
    }

    public int run(String[] args) {
        Options o;
        try {
            o = Options.parse(args, links);
        } catch (IllegalArgumentException e) {
            err.println("bmsw poll: " + e.getMessage());
            return 2;
        }
        if (o.help) {
            out.print(help());
            return 0;
        }
        for (String problem : catalog.problems()) {
            err.println("bmsw poll: a protocol could not be loaded: " + problem);
        }
        for (String problem : linkProblems) {
            err.println("bmsw poll: a link type could not be loaded: " + problem);
        }
        Optional<BmsProtocol> protocol = catalog.find(o.settings.protocolId());
        if (protocol.isEmpty()) {
            err.println("bmsw poll: no protocol '" + o.settings.protocolId() + "' (known: "
                    + String.join(", ", ids()) + ")");
            return 2;
        }
        Printer printer = new Printer(o);
        PortDiscovery discovery = new PortDiscovery(List::of, m -> err.println("bmsw poll: " + m));
        try (Buses buses = new Buses(catalog::find, this::ids, links, printer, discovery, m -> { })) {
            String busId;
            try {
                busId = buses.open(o.settings);
            } catch (IllegalArgumentException e) {
                err.println("bmsw poll: " + e.getMessage());
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
                err.println("bmsw poll: " + printer.failure);
                return 3;
            }
            return printer.allAnswered ? 0 : 1;
        }
    }

    private List<String> ids() {
        return catalog.all().stream().map(BmsProtocol::id).toList();
    }

    /** Collects each sweep and prints it when it is complete. */
    private final class Printer implements BusEvents {
        final Options o;
        final CountDownLatch done = new CountDownLatch(1);
        final Map<Integer, PackSnapshot> answers = new TreeMap<>();
        final Map<Integer, PackStatus> states = new LinkedHashMap<>();
        volatile String failure;
        volatile boolean allAnswered;

        Printer(Options o) {
            this.o = o;
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
            if (o.count > 0 && number > o.count) {
                // a fast line may finish another sweep before the bus is closed: it is not printed
                return;
            }
            boolean all = true;
            for (int address : o.settings.addresses()) {
                PackSnapshot s = answers.get(address);
                PackStatus st = states.get(address);
                all &= s != null;
                out.println(o.json ? json(busId, number, address, s, st) : text(number, address, s, st));
            }
            out.flush();
            answers.clear();
            allAnswered = all;
            if (o.count > 0 && number >= o.count) {
                done.countDown();
            }
        }

        private String json(String busId, long sweep, int address, PackSnapshot s, PackStatus st) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bus", busId);
            m.put("sweep", sweep);
            m.put("protocol", o.settings.protocolId());
            if (s != null) {
                m.put("time", s.time().toString());
                m.put("state", PackLinkState.ONLINE.name());
                m.putAll(ReplyJson.pack(s));
            } else {
                m.put("address", address);
                // answered before but not in this sweep: its last values are no longer current
                m.put("state", st == null ? PackLinkState.OFFLINE.name()
                        : st.state() == PackLinkState.ONLINE ? PackLinkState.STALE.name() : st.state().name());
                if (st != null && st.lastGoodAnswer() != null) {
                    m.put("lastGoodAnswer", st.lastGoodAnswer().toString());
                }
            }
            return Json.write(m);
        }

        private String text(long sweep, int address, PackSnapshot s, PackStatus st) {
            if (s == null) {
                return String.format("sweep %d pack %3d  %s", sweep, address,
                        st == null ? "no answer" : st.state().name().toLowerCase() + ", no answer");
            }
            double[] stats = s.cellStatistics();
            List<String> alarms = s.flags().stream().filter(FlagChange::isWatched).map(Enum::name).toList();
            return String.format("sweep %d pack %3d  %7.2f V %8.2f A  SOC %5.1f %%  cells %d (%.3f..%.3f V)  sensors %d  alarms %s",
                    sweep, address, s.find(Quantity.VOLTAGE).orElse(Double.NaN),
                    s.find(Quantity.CURRENT).orElse(Double.NaN), s.find(Quantity.SOC).orElse(Double.NaN),
                    s.cellCount(), stats.length > 1 ? stats[0] : Double.NaN, stats.length > 1 ? stats[1] : Double.NaN,
                    s.temperatureCount(), alarms.isEmpty() ? "none" : String.join(" ", alarms));
        }
    }

    /** The parsed command line. */
    static final class Options {
        BusSettings settings;
        int count = 1;
        boolean json;
        boolean help;

        static Options parse(String[] args, LinkLookup links) {
            Options o = new Options();
            String serial = null;
            String tcp = null;
            int simulate = 0;
            Integer baud = null;
            String format = "8N1";
            String protocol = ProtocolCatalog.DEFAULT_PROTOCOL;
            Integer packs = null;
            String addresses = null;
            int interval = 1000;
            int timeout = 0;
            int retries = 1;
            int cells = 176;
            int temps = 33;
            String bus = null;
            List<String> lineOptions = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!List.of("-h", "--help", "--json", "--count", "--bus").contains(a)) {
                    lineOptions.add(a);
                }
                switch (a) {
                    case "-h", "--help" -> o.help = true;
                    case "--json" -> o.json = true;
                    case "--serial" -> serial = value(args, ++i, a);
                    case "--tcp" -> tcp = value(args, ++i, a);
                    case "--bus" -> bus = value(args, ++i, a);
                    case "--simulate" -> simulate = number(args, ++i, a, 1, BusSettings.MAX_PACKS);
                    case "--baud" -> baud = number(args, ++i, a, 300, 4_000_000);
                    case "--format" -> format = value(args, ++i, a);
                    case "--protocol" -> protocol = value(args, ++i, a);
                    case "--packs" -> packs = number(args, ++i, a, 1, BusSettings.MAX_PACKS);
                    case "--addresses" -> addresses = value(args, ++i, a);
                    case "--count" -> o.count = number(args, ++i, a, 0, Integer.MAX_VALUE);
                    case "--interval" -> interval = number(args, ++i, a, 0, 3_600_000);
                    case "--timeout" -> timeout = number(args, ++i, a, 1, 60_000);
                    case "--retries" -> retries = number(args, ++i, a, 0, 5);
                    case "--cells" -> cells = number(args, ++i, a, 1, 176);
                    case "--temps" -> temps = number(args, ++i, a, 0, 33);
                    default -> throw new IllegalArgumentException("unknown option '" + a + "' (see bmsw poll --help)");
                }
            }
            if (o.help) {
                return o;
            }
            if (bus != null) {
                if (!lineOptions.isEmpty()) {
                    throw new IllegalArgumentException("with --bus, the bus's options go into its spec, not "
                            + lineOptions.get(0) + " (e.g. --bus sim:4,protocol=pylontech,interval=0)");
                }
                o.settings = BusSettings.parse(bus, links);
                return o;
            }
            int lines = (serial != null ? 1 : 0) + (tcp != null ? 1 : 0) + (simulate > 0 ? 1 : 0);
            if (lines != 1) {
                throw new IllegalArgumentException("give exactly one of --serial, --tcp and --simulate");
            }
            Transport t;
            if (serial != null) {
                t = Transport.Serial.of(serial, baud == null ? 9600 : baud, format);
            } else if (tcp != null) {
                t = Transport.Tcp.of(tcp, baud == null ? 0 : baud);
            } else {
                // the simulator's link type, from its own bundle: 176 cells, 33 sensors, 115200 baud unless told
                Map<String, String> sim = new LinkedHashMap<>();
                sim.put("cells", String.valueOf(cells));
                sim.put("temps", String.valueOf(temps));
                if (baud != null) {
                    sim.put("baud", String.valueOf(baud));
                }
                t = links.find("sim").orElseThrow(() -> new IllegalArgumentException(
                        "--simulate needs the simulator's link type (the org.bmsworkbench.sim bundle)")).parse(null, sim);
            }
            List<Integer> list;
            if (addresses != null) {
                if (packs != null) {
                    throw new IllegalArgumentException("give --packs or --addresses, not both");
                }
                list = BusSettings.parseAddresses(addresses);
            } else {
                int n = packs != null ? packs : simulate > 0 ? simulate : 1;
                list = new ArrayList<>();
                for (int a = 1; a <= n; a++) {
                    list.add(a);
                }
            }
            o.settings = new BusSettings(t, protocol, list, timeout, retries, interval, 1, 3);
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int number(String[] args, int i, String option, int min, int max) {
            String v = value(args, i, option);
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw new IllegalArgumentException(option + " " + v + " is outside " + min + ".." + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " " + v + " is not a whole number", e);
            }
        }
    }
}
