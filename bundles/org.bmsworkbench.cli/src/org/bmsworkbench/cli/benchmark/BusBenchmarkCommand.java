package org.bmsworkbench.cli.benchmark;

import java.util.List;
import java.util.concurrent.Callable;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.sim.link.BusBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bmsw bus-benchmark}: the bus efficiency over a socat pty to the simulator (docs/benchmarks.md). */
@Command(name = "bus-benchmark", sortOptions = false,
        description = { "Measures bus efficiency: the theoretical time of a full sweep of 8 packs x 176 cells x 33"
                + " sensors (bytes x bits per character / baud, plus turnaround and inter-frame gap per transaction)"
                + " divided by the measured time, with the simulator on a socat pty pair and the connection service's"
                + " scheduler polling as fast as the line allows. Target: 0.85 or more." },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:every run reached 0.85 without errors", "1:some did not", "2:wrong options",
                "3:the pty pair or the port could not be set up" })
public final class BusBenchmarkCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--protocols", paramLabel = "LIST", split = ",", description = "protocols to measure (default "
            + ProtocolCatalog.DEFAULT_PROTOCOL + ",pylontech)")
    List<String> protocols;

    @Option(names = "--bauds", paramLabel = "LIST", split = ",", description = "baud rates (default 9600,19200,115200)")
    List<Integer> bauds;

    @Option(names = "--sweeps", paramLabel = "N", description = "timed sweeps after one warm-up sweep (default 3 up to"
            + " 9600 baud, 5 up to 19200, 10 above)")
    Integer sweeps;

    @Option(names = "--turnaround", paramLabel = "MS", description = "the simulated boards' reply delay (default 10)")
    Double turnaround;

    public BusBenchmarkCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        BusBenchmark.Options o = new BusBenchmark.Options();
        try {
            if (protocols != null) {
                o.protocols = List.copyOf(protocols);
            }
            if (bauds != null) {
                for (int b : bauds) {
                    Ranges.check("--bauds", b, 300, 4_000_000);
                }
                o.bauds = List.copyOf(bauds);
            }
            if (sweeps != null) {
                o.sweeps = Ranges.check("--sweeps", sweeps, 1, 1000);
            }
            if (turnaround != null) {
                if (!(turnaround >= 0 && turnaround <= 10_000)) {
                    throw new IllegalArgumentException("--turnaround " + turnaround + " is outside 0..10000 ms");
                }
                o.turnaroundMillis = turnaround;
            }
        } catch (IllegalArgumentException e) {
            cli.err().println("bmsw bus-benchmark: " + e.getMessage());
            return 2;
        }
        return new BusBenchmark(cli.catalog(), cli.out(), cli.err()).run(o);
    }
}
