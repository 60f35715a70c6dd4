package org.bmsworkbench.sim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.sim.Chemistry;
import org.bmsworkbench.sim.CurrentProfile;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.LineTiming;

/** The options of {@code bmsw sim}, checked as they are read; a wrong one throws with a one-line message. */
final class SimOptions {

    int packs = 1;
    int cells = 16;
    int temps = 4;
    List<Integer> addresses;
    String protocol = ProtocolCatalog.DEFAULT_PROTOCOL;
    String serial;
    String tcp;
    boolean pty;
    int baud = 9600;
    String format = "8N1";
    double turnaround = 10;
    long seed = 1;
    double speed = 1;
    double step = Double.NaN;
    String profile = "cycle";
    Chemistry chemistry = Chemistry.LFP;
    double capacity = 100;
    double soc = 60;
    double ambient = 25;
    String faults = "none";
    double status;
    double benchmarkHours;
    boolean help;

    static SimOptions parse(String[] args) {
        SimOptions o = new SimOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                o.help = true;
                continue;
            }
            if (a.equals("--pty")) {
                o.pty = true;
                continue;
            }
            String key = a;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                key = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value (see --help)");
                }
                value = args[++i];
            }
            switch (key) {
                case "--packs" -> o.packs = integer(key, value, 1, SimBus.MAX_PACKS);
                case "--cells" -> o.cells = integer(key, value, 1, 176);
                case "--temps" -> o.temps = integer(key, value, 0, 33);
                case "--addresses" -> o.addresses = addresses(value);
                case "--protocol" -> o.protocol = value;
                case "--serial" -> o.serial = value;
                case "--tcp" -> o.tcp = value;
                case "--baud" -> o.baud = integer(key, value, 300, 4_000_000);
                case "--format" -> {
                    LineTiming.bitsPerCharacter(value);
                    o.format = value;
                }
                case "--turnaround" -> o.turnaround = number(key, value, 0, 10_000);
                case "--seed" -> o.seed = seed(value);
                case "--speed" -> o.speed = number(key, value, 0.001, 100_000);
                case "--step" -> o.step = number(key, value, 0.01, 10);
                case "--profile" -> {
                    CurrentProfile.parse(value);
                    o.profile = value;
                }
                case "--chemistry" -> o.chemistry = Chemistry.parse(value);
                case "--capacity" -> o.capacity = number(key, value, 1, 2000);
                case "--soc" -> o.soc = number(key, value, 0, 100);
                case "--ambient" -> o.ambient = number(key, value, -40, 80);
                case "--faults" -> {
                    String problem = Faults.problem(value);
                    if (problem != null) {
                        throw new IllegalArgumentException("--faults: " + problem);
                    }
                    o.faults = value;
                }
                case "--status" -> o.status = number(key, value, 0, 86_400);
                case "--benchmark" -> o.benchmarkHours = number(key, value, 0.001, 100_000);
                default -> throw new IllegalArgumentException("unknown option '" + a + "' (see --help)");
            }
        }
        if (o.help) {
            return o;
        }
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

    static String help() {
        return """
                Usage: ./bmsw sim [options] (--serial <device> | --tcp <host:port> | --pty)

                A simulated RS485 bus of BMS packs that answers a host as real boards do. It runs until
                interrupted (Ctrl+C) and then prints what the line saw.

                Where the host connects (exactly one):
                  --serial DEVICE     a serial device, e.g. one end of a socat pty pair:
                                        socat -d -d pty,raw,echo=0 pty,raw,echo=0
                                      and give the other end to the host (mbpoll, the workbench)
                  --tcp HOST:PORT     raw RTU over TCP, as an RS485-to-Ethernet gateway (e.g. 127.0.0.1:5020)
                  --pty               make the socat pty pair itself and print the host's end

                The packs:
                  --packs N           packs on the bus, 1..16 (default 1)
                  --addresses LIST    their addresses, e.g. 1,2,5-8 (default 1..N)
                  --cells N           cells in series per pack, 1..176 (default 16)
                  --temps N           cell temperature sensors per pack, 0..33 (default 4)
                  --chemistry C       lfp or nmc (default lfp)
                  --capacity AH       design capacity, 1..2000 Ah (default 100)
                  --soc PERCENT       state of charge at start (default 60)
                  --ambient C         air temperature around the packs (default 25)
                  --profile P         what charger and load do (default cycle):
                                        rest | charge:50 | discharge:80 | cycle[:C-rate]
                                        | steps repeated, e.g. charge:50:2h,rest:30m,discharge:40:3h

                The line:
                  --protocol ID       the protocol the boards speak (default modbus-native; ./bmsw protocols)
                  --baud N            baud rate, paces every byte (default 9600)
                  --format F          8N1, 8E1, 8N2 ... (default 8N1)
                  --turnaround MS     board reply latency after a request (default 10)
                  --faults SPEC       injected faults, probability per request, e.g.
                                        drop=0.05,corrupt=0.02,delay=0.1@300,garbage=0.02,
                                        wrong-address=0.01,echo=1,disconnect=0.001@5   (or none)

                Time:
                  --seed N            repeatable cells, sensors, noise and faults (default 1)
                  --speed X           simulated time runs X times faster, e.g. 1000: 72 h in 4.3 min
                  --step S            seconds of simulated time per physics step (default 0.1 x speed, 0.1..2)
                  --status S          print a status line every S seconds (default 0: off)
                  --benchmark H       no line: run H hours of pack behaviour as fast as this machine can,
                                      then print how long it took (with --packs, --cells, --step ...)

                While it runs, type a command and Enter:
                  status                       packs and line counters
                  faults SPEC                  replace the faults (faults none: stop them)
                  fault KIND                   inject one fault into the next request
                  profile ADDRESS|all P        change a pack's profile
                  ambient ADDRESS|all C        change the air temperature
                  quit                         stop
                """;
    }
}
