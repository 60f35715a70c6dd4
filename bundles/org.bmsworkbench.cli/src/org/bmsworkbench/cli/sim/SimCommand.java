package org.bmsworkbench.cli.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.sim.CurrentProfile;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.SimPack;
import org.bmsworkbench.sim.wire.Endpoint;
import org.bmsworkbench.sim.wire.Fault;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.SerialEndpoint;
import org.bmsworkbench.sim.wire.SimLine;
import org.bmsworkbench.sim.wire.TcpEndpoint;
import org.bmsworkbench.cli.Cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bmsw sim}: the simulated bus on a serial device, a pty pair or a TCP port, until interrupted.
 */
@Command(name = "sim", sortOptions = false,
        description = { "A simulated RS485 bus of BMS packs that answers a host as real boards do. It runs until"
                + " interrupted (Ctrl+C) and then prints what the line saw.",
                "Give exactly one of --serial, --tcp and --pty.", "", SimOptions.CONSOLE_HELP },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:a clean stop", "1:the line cannot be opened", "2:a wrong option" })
public final class SimCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private SimBus bus;
    private SimLine line;
    private Process socat;
    private final ProtocolCatalog catalog;
    private String hostSide;
    private Path ptyDir;

    @Mixin
    SimOptions options = new SimOptions();

    public SimCommand(Cli cli) {
        this.catalog = cli.catalog();
        this.out = cli.out();
        this.err = cli.err();
    }

    @Override
    public Integer call() {
        return run();
    }

    private int run() {
        SimOptions o;
        try {
            o = options.check();
        } catch (IllegalArgumentException e) {
            err.println("bmsw sim: " + e.getMessage());
            return 2;
        }
        for (String problem : catalog.problems()) {
            err.println("bmsw sim: a protocol could not be loaded: " + problem);
        }
        BmsProtocol protocol = catalog.find(o.protocol).orElse(null);
        DeviceCodec codec = protocol == null ? null : protocol.deviceCodec().orElse(null);
        if (codec == null) {
            List<String> ids = new ArrayList<>();
            for (BmsProtocol p : catalog.all()) {
                if (p.deviceCodec().isPresent()) {
                    ids.add(p.id());
                }
            }
            err.println("bmsw sim: no device side for protocol '" + o.protocol + "' (simulated: "
                    + String.join(", ", ids) + ")");
            return 2;
        }
        for (int a : o.addresses) {
            if (a < protocol.minAddress() || a > protocol.maxAddress()) {
                err.println("bmsw sim: address " + a + " is outside " + protocol.id() + "'s "
                        + protocol.minAddress() + ".." + protocol.maxAddress());
                return 2;
            }
        }
        List<ParameterDefinition> definitions = catalog.find(ProtocolCatalog.DEFAULT_PROTOCOL)
                .map(BmsProtocol::parameterDefinitions).orElse(List.of());
        List<PackSpec> specs = new ArrayList<>();
        for (int a : o.addresses) {
            specs.add(PackSpec.typical(a, o.cells, o.temps).withChemistry(o.chemistry).withCapacity(o.capacity)
                    .withInitialSoc(o.soc).withAmbient(o.ambient));
        }
        if (o.benchmarkHours > 0) {
            return benchmark(o, specs, definitions);
        }
        Endpoint endpoint;
        try {
            endpoint = endpoint(o);
        } catch (IOException | IllegalArgumentException e) {
            err.println("bmsw sim: cannot open the line: " + e.getMessage());
            stopSocat();
            return 1;
        }
        bus = new SimBus(specs, definitions, o.seed, LocalDateTime.now(), o.step);
        for (SimPack p : bus.packs()) {
            p.setProfile(CurrentProfile.parse(o.profile));
        }
        Faults faults = new Faults(o.seed);
        faults.set(o.faults);
        LineTiming timing = new LineTiming(o.baud, LineTiming.bitsPerCharacter(o.format), o.turnaround);
        line = new SimLine(bus, codec, endpoint, timing, faults, m -> err.println("bmsw sim: " + m));
        Thread hook = new Thread(this::shutdown, "bmsw-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        bus.start(o.speed);
        line.start();
        out.printf(Locale.ROOT, "bmsw sim: %d pack%s at %s, %d cells, %d sensors, %s %s, %s on %s at %d baud %s,"
                + " turnaround %s ms, seed %d, speed x%s, profile %s, faults %s%n", specs.size(),
                specs.size() == 1 ? "" : "s", addressList(o.addresses), o.cells, o.temps,
                o.chemistry.name(), fmt(o.capacity) + " Ah", protocol.id(), endpoint.describe(), o.baud, o.format,
                fmt(o.turnaround), o.seed, fmt(o.speed), o.profile, faults.describe());
        if (socat != null) {
            out.println("bmsw sim: connect the host to " + hostSide);
        }
        out.println("bmsw sim: ready (Ctrl+C to stop; type help for commands)");
        Thread console = new Thread(this::console, "bmsw-sim-console");
        console.setDaemon(true);
        console.start();
        if (o.status > 0) {
            Thread ticker = new Thread(() -> statusLoop(o.status), "bmsw-sim-status");
            ticker.setDaemon(true);
            ticker.start();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs the same cleanup
            return 0;
        }
        shutdown();
        return 0;
    }

    private Endpoint endpoint(SimOptions o) throws IOException {
        if (o.serial != null) {
            return new SerialEndpoint(Path.of(o.serial));
        }
        if (o.tcp != null) {
            return TcpEndpoint.open(o.tcp);
        }
        Path dir = Files.createTempDirectory("bmsw-sim-");
        ptyDir = dir;
        Path device = dir.resolve("device");
        Path host = dir.resolve("host");
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("socat is needed for --pty (apt-get install socat): " + e.getMessage(), e);
        }
        for (int i = 0; i < 100 && !(Files.exists(device) && Files.exists(host)); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while socat made the pty pair", e);
            }
        }
        if (!Files.exists(device) || !Files.exists(host)) {
            throw new IOException("socat did not make the pty pair in 2 s");
        }
        hostSide = host.toRealPath() + " (also " + host + ")";
        return new SerialEndpoint(device);
    }

    private synchronized void shutdown() {
        if (line == null) {
            return;
        }
        line.close();
        bus.close();
        stopSocat();
        err.println("bmsw sim: stopped after " + fmt(Math.round(bus.clock().seconds())) + " s of simulated time; "
                + line.stats());
        line = null;
        stopped.countDown();
    }

    private void stopSocat() {
        if (socat != null) {
            socat.destroy();
            socat = null;
        }
        if (ptyDir != null) {
            try (var links = Files.list(ptyDir)) {
                for (Path p : links.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(ptyDir);
            } catch (IOException e) {
                err.println("bmsw sim: could not remove " + ptyDir + ": " + e.getMessage());
            }
            ptyDir = null;
        }
    }

    private void statusLoop(double seconds) {
        while (stopped.getCount() > 0) {
            try {
                Thread.sleep((long) (seconds * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            status();
        }
    }

    private synchronized void status() {
        if (line == null) {
            return;
        }
        out.printf(Locale.ROOT, "bmsw sim: t=%.0f s; %s%n", bus.clock().seconds(), line.stats());
        for (SimPack p : bus.packs()) {
            PackSnapshot s = p.snapshot();
            out.printf(Locale.ROOT, "  pack %d%s: %.2f V %+.2f A SOC %.1f %% cells %.3f..%.3f V %s%s%n", p.address(),
                    p.asleep() ? " (asleep)" : "", s.get(Quantity.VOLTAGE), s.get(Quantity.CURRENT),
                    s.get(Quantity.SOC), s.get(Quantity.MIN_CELL_VOLTAGE), s.get(Quantity.MAX_CELL_VOLTAGE),
                    p.profile().describe(), s.flags().isEmpty() ? "" : " " + s.flags());
        }
    }

    private void console() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String l;
            while ((l = in.readLine()) != null) {
                String cmd = l.trim();
                if (!cmd.isEmpty()) {
                    command(cmd);
                }
            }
        } catch (IOException e) {
            err.println("bmsw sim: reading commands failed: " + e.getMessage());
        }
    }

    /** One console command; wrong ones get a message and change nothing. */
    void command(String text) {
        String[] w = text.split("\\s+");
        try {
            switch (w[0]) {
                case "help" -> out.print(SimOptions.CONSOLE_HELP);
                case "status" -> status();
                case "quit", "exit" -> stopped.countDown();
                case "faults" -> {
                    line.faults().set(w.length > 1 ? text.substring(text.indexOf(' ') + 1).replace(" ", "") : "none");
                    out.println("bmsw sim: faults " + line.faults().describe());
                }
                case "fault" -> {
                    need(w, 2, "fault KIND");
                    line.faults().once(Fault.parse(w[1]));
                    out.println("bmsw sim: " + w[1] + " armed for the next request");
                }
                case "profile" -> {
                    need(w, 3, "profile ADDRESS|all PROFILE");
                    CurrentProfile profile = CurrentProfile.parse(w[2]);
                    for (SimPack p : packs(w[1])) {
                        p.setProfile(CurrentProfile.parse(w[2]));
                    }
                    out.println("bmsw sim: profile " + profile.describe() + " for " + w[1]);
                }
                case "ambient" -> {
                    need(w, 3, "ambient ADDRESS|all CELSIUS");
                    double c = Double.parseDouble(w[2]);
                    if (!(c >= -40 && c <= 80)) {
                        throw new IllegalArgumentException("ambient " + c + " °C is outside -40..80");
                    }
                    for (SimPack p : packs(w[1])) {
                        p.setAmbient(c);
                    }
                    out.println("bmsw sim: ambient " + fmt(c) + " °C for " + w[1]);
                }
                default -> out.println("bmsw sim: unknown command '" + w[0] + "' (type help)");
            }
        } catch (IllegalArgumentException e) {
            out.println("bmsw sim: " + e.getMessage());
        }
    }

    private static void need(String[] w, int n, String usage) {
        if (w.length < n) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }

    private List<SimPack> packs(String which) {
        if (which.equals("all")) {
            return bus.packs();
        }
        int address;
        try {
            address = Integer.parseInt(which);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + which + "' is not an address or all", e);
        }
        SimPack p = bus.pack(address);
        if (p == null) {
            throw new IllegalArgumentException("no pack at address " + address);
        }
        return List.of(p);
    }

    /** Runs the physics flat out and prints simulated time per real time: the ceiling of --speed. */
    private int benchmark(SimOptions o, List<PackSpec> specs, List<ParameterDefinition> definitions) {
        try (SimBus b = new SimBus(specs, definitions, o.seed, LocalDateTime.now(), o.step)) {
            for (SimPack p : b.packs()) {
                p.setProfile(CurrentProfile.parse(o.profile));
                p.writeParameters(java.util.Map.of("storageInterval", 1.0));
            }
            double seconds = o.benchmarkHours * 3600;
            long start = System.nanoTime();
            b.advance(seconds);
            double real = (System.nanoTime() - start) / 1e9;
            long records = 0;
            long cycles = 0;
            for (SimPack p : b.packs()) {
                records += p.historyCount() + p.alarmCount();
                cycles += (long) p.snapshot().get(Quantity.CYCLES);
            }
            out.printf(Locale.ROOT, "bmsw sim: %s h of %d pack%s x %d cells x %d sensors (%s s steps, profile %s) "
                    + "in %.1f s: %.0f x real time; %d records stored, %d cycles counted%n",
                    fmt(o.benchmarkHours), specs.size(), specs.size() == 1 ? "" : "s", o.cells, o.temps, fmt(o.step),
                    o.profile, real, seconds / real, records, cycles);
        }
        return 0;
    }

    private static String addressList(List<Integer> addresses) {
        List<Integer> sorted = new ArrayList<>(addresses);
        sorted.sort(null);
        boolean contiguous = sorted.get(sorted.size() - 1) - sorted.get(0) == sorted.size() - 1;
        if (contiguous && sorted.size() > 1) {
            return "addresses " + sorted.get(0) + ".." + sorted.get(sorted.size() - 1);
        }
        return (sorted.size() == 1 ? "address " : "addresses ") + sorted.toString().replaceAll("[\\[\\] ]", "");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
