package org.bmsworkbench.cli.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.sim.Chemistry;
import org.bmsworkbench.sim.CurrentProfile;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.LineTiming;

import picocli.CommandLine.Option;

/**
 * The options of {@code bmsw sim} (a picocli mixin of {@link SimCommand}), given as text and checked by
 * {@link #check()}; a wrong one throws with a one-line message.
 */
final class SimOptions {

    @Option(names = "--serial", paramLabel = "DEVICE", description = "where the host connects (exactly one of --serial,"
            + " --tcp, --pty): a serial device, e.g. one end of a socat pty pair (socat -d -d pty,raw,echo=0"
            + " pty,raw,echo=0); give the other end to the host (mbpoll, the workbench)")
    String serial;
    @Option(names = "--tcp", paramLabel = "HOST:PORT", description = "raw RTU over TCP, as an RS485-to-Ethernet"
            + " gateway (e.g. 127.0.0.1:5020)")
    String tcp;
    @Option(names = "--pty", description = "make the socat pty pair itself and print the host's end")
    boolean pty;
    @Option(names = "--packs", paramLabel = "N", description = "packs on the bus, 1..16 (default 1)")
    String packsText;
    @Option(names = "--addresses", paramLabel = "LIST", description = "their addresses, e.g. 1,2,5-8 (default 1..N)")
    String addressesText;
    @Option(names = "--cells", paramLabel = "N", description = "cells in series per pack, 1..176 (default 16)")
    String cellsText;
    @Option(names = "--temps", paramLabel = "N", description = "cell temperature sensors per pack, 0..33 (default 4)")
    String tempsText;
    @Option(names = "--chemistry", paramLabel = "C", description = "lfp or nmc (default lfp)")
    String chemistryText;
    @Option(names = "--capacity", paramLabel = "AH", description = "design capacity, 1..2000 Ah (default 100)")
    String capacityText;
    @Option(names = "--soc", paramLabel = "PERCENT", description = "state of charge at start (default 60)")
    String socText;
    @Option(names = "--ambient", paramLabel = "C", description = "air temperature around the packs (default 25)")
    String ambientText;
    @Option(names = "--profile", paramLabel = "P", description = "what charger and load do (default cycle): rest |"
            + " charge:50 | discharge:80 | cycle[:C-rate] | steps repeated, e.g. charge:50:2h,rest:30m,discharge:40:3h")
    String profile = "cycle";
    @Option(names = "--protocol", paramLabel = "ID", description = "the protocol the boards speak (default"
            + " modbus-native; ./bmsw protocols)")
    String protocol = ProtocolCatalog.DEFAULT_PROTOCOL;
    @Option(names = "--baud", paramLabel = "N", description = "baud rate, paces every byte (default 9600)")
    String baudText;
    @Option(names = "--format", paramLabel = "F", description = "8N1, 8E1, 8N2 ... (default 8N1)")
    String format = "8N1";
    @Option(names = "--turnaround", paramLabel = "MS", description = "board reply latency after a request (default 10)")
    String turnaroundText;
    @Option(names = "--faults", paramLabel = "SPEC", description = "injected faults, probability per request, e.g."
            + " drop=0.05,corrupt=0.02,delay=0.1@300,garbage=0.02,wrong-address=0.01,echo=1,disconnect=0.001@5"
            + " (or none)")
    String faults = "none";
    @Option(names = "--seed", paramLabel = "N", description = "repeatable cells, sensors, noise and faults (default 1)")
    String seedText;
    @Option(names = "--speed", paramLabel = "X", description = "simulated time runs X times faster, e.g. 1000: 72 h in"
            + " 4.3 min")
    String speedText;
    @Option(names = "--step", paramLabel = "S", description = "seconds of simulated time per physics step (default"
            + " 0.1 x speed, 0.1..2)")
    String stepText;
    @Option(names = "--status", paramLabel = "S", description = "print a status line every S seconds (default 0: off)")
    String statusText;
    @Option(names = "--benchmark", paramLabel = "H", description = "no line: run H hours of pack behaviour as fast as"
            + " this machine can, then print how long it took (with --packs, --cells, --step ...)")
    String benchmarkText;

    int packs = 1;
    int cells = 16;
    int temps = 4;
    List<Integer> addresses;
    int baud = 9600;
    double turnaround = 10;
    long seed = 1;
    double speed = 1;
    double step = Double.NaN;
    Chemistry chemistry = Chemistry.LFP;
    double capacity = 100;
    double soc = 60;
    double ambient = 25;
    double status;
    double benchmarkHours;

    /** What may be typed while the simulator runs. */
    static final String CONSOLE_HELP = """
            While it runs, type a command and Enter:
              status                       packs and line counters
              faults SPEC                  replace the faults (faults none: stop them)
              fault KIND                   inject one fault into the next request
              profile ADDRESS|all P        change a pack's profile
              ambient ADDRESS|all C        change the air temperature
              quit                         stop
            """;

    /** Checks the options as given and fills in the typed values and defaults. */
    SimOptions check() {
        SimOptions o = this;
        if (packsText != null) {
            o.packs = integer("--packs", packsText, 1, SimBus.MAX_PACKS);
        }
        if (cellsText != null) {
            o.cells = integer("--cells", cellsText, 1, 176);
        }
        if (tempsText != null) {
            o.temps = integer("--temps", tempsText, 0, 33);
        }
        o.addresses = addressesText == null ? null : addresses(addressesText);
        if (baudText != null) {
            o.baud = integer("--baud", baudText, 300, 4_000_000);
        }
        LineTiming.bitsPerCharacter(format);
        if (turnaroundText != null) {
            o.turnaround = number("--turnaround", turnaroundText, 0, 10_000);
        }
        if (seedText != null) {
            o.seed = seed(seedText);
        }
        if (speedText != null) {
            o.speed = number("--speed", speedText, 0.001, 100_000);
        }
        o.step = stepText == null ? Double.NaN : number("--step", stepText, 0.01, 10);
        CurrentProfile.parse(profile);
        if (chemistryText != null) {
            o.chemistry = Chemistry.parse(chemistryText);
        }
        if (capacityText != null) {
            o.capacity = number("--capacity", capacityText, 1, 2000);
        }
        if (socText != null) {
            o.soc = number("--soc", socText, 0, 100);
        }
        if (ambientText != null) {
            o.ambient = number("--ambient", ambientText, -40, 80);
        }
        String problem = Faults.problem(faults);
        if (problem != null) {
            throw new IllegalArgumentException("--faults: " + problem);
        }
        o.status = statusText == null ? 0 : number("--status", statusText, 0, 86_400);
        o.benchmarkHours = benchmarkText == null ? 0 : number("--benchmark", benchmarkText, 0.001, 100_000);
        if (o.benchmarkHours > 0) {
            if (o.serial != null || o.tcp != null || o.pty) {
                throw new IllegalArgumentException("--benchmark runs without a line: leave out --serial, --tcp and --pty");
            }
            o.addresses = o.addresses != null ? o.addresses : defaultAddresses(o.packs);
            if (Double.isNaN(o.step)) {
                o.step = 2.0;
            }
            return o;
        }
        int endpoints = (o.serial != null ? 1 : 0) + (o.tcp != null ? 1 : 0) + (o.pty ? 1 : 0);
        if (endpoints != 1) {
            throw new IllegalArgumentException("give exactly one of --serial <device>, --tcp <host:port> or --pty");
        }
        if (o.addresses == null) {
            o.addresses = defaultAddresses(o.packs);
        } else if (o.addresses.size() != o.packs) {
            throw new IllegalArgumentException("--addresses lists " + o.addresses.size() + " addresses for "
                    + o.packs + " packs");
        }
        if (Double.isNaN(o.step)) {
            // 0.1 s steps in real time; long accelerated runs take up to 2 s steps so they stay cheap
            o.step = Math.max(0.1, Math.min(2.0, 0.1 * o.speed));
        }
        return o;
    }

    private static List<Integer> defaultAddresses(int packs) {
        List<Integer> list = new ArrayList<>();
        for (int a = 1; a <= packs; a++) {
            list.add(a);
        }
        return list;
    }

    private static int integer(String key, String value, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a whole number", e);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    private static double number(String key, String value, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a number", e);
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(key + " " + value + " is outside " + min + ".." + max);
        }
        return v;
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed '" + value + "' is not a whole number", e);
        }
    }

    /** "1,2,5-8" into the addresses, each 1..247, none twice. */
    static List<Integer> addresses(String value) {
        TreeSet<Integer> seen = new TreeSet<>();
        List<Integer> list = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.trim();
            int from;
            int to;
            try {
                if (p.contains("-")) {
                    String[] r = p.split("-", 2);
                    from = Integer.parseInt(r[0].trim());
                    to = Integer.parseInt(r[1].trim());
                } else {
                    from = Integer.parseInt(p);
                    to = from;
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--addresses: '" + p + "' is not an address or a range like 5-8", e);
            }
            for (int a = from; a <= to; a++) {
                if (a < 1 || a > 247) {
                    throw new IllegalArgumentException("--addresses: " + a + " is outside 1..247");
                }
                if (!seen.add(a)) {
                    throw new IllegalArgumentException("--addresses: " + a + " is given twice");
                }
                list.add(a);
            }
        }
        return list;
    }
}
