package org.bmsworkbench.cli.benchmark;

import java.util.List;
import java.util.concurrent.Callable;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.config.firmware.FirmwareBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bmsw firmware-benchmark}: a firmware transfer against its wire time (docs/benchmarks.md). */
@Command(name = "firmware-benchmark", sortOptions = false,
        description = { "Upgrades the firmware of one simulated pack over a socat pty through the bus, the guarded"
                + " write path and the firmware write, and compares the measured transfer time (first block sent to"
                + " last block acknowledged) with the theoretical wire time of every frame of the transfer ((bytes"
                + " sent + received) x bits / baud, plus turnaround and inter-frame gap per transaction)." },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:every upgrade confirmed", "1:one was not", "2:wrong options", "3:no pty pair" })
public final class FirmwareBenchmarkCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--sizes", paramLabel = "LIST", split = ",",
            description = "image sizes in KiB, header included, e.g. 32,128 (default 32)")
    List<Integer> sizes = List.of(32);

    @Option(names = "--bauds", paramLabel = "LIST", split = ",", description = "baud rates (default 9600,115200)")
    List<Integer> bauds = List.of(9600, 115200);

    @Option(names = "--turnaround", paramLabel = "MS", description = "the simulated board's reply delay (default 10)")
    double turnaround = 10;

    public FirmwareBenchmarkCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        try {
            sizes.forEach(k -> Ranges.check("--sizes (KiB)", k, 1, 1024));
            bauds.forEach(b -> Ranges.check("--bauds", b, 300, 921_600));
            if (!(turnaround >= 0 && turnaround <= 1000)) {
                throw new IllegalArgumentException("--turnaround " + turnaround + " is outside 0..1000 ms");
            }
        } catch (IllegalArgumentException e) {
            cli.err().println("bmsw firmware-benchmark: " + e.getMessage());
            return 2;
        }
        return new FirmwareBenchmark(cli.catalog(), cli.out(), cli.err()).run(sizes, bauds, turnaround);
    }
}
