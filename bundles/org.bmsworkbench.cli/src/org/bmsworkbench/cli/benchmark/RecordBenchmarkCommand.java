package org.bmsworkbench.cli.benchmark;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.record.service.RecorderBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bmsw record-benchmark}: the recorder's throughput, bytes per snapshot and heap (docs/benchmarks.md). */
@Command(name = "record-benchmark", sortOptions = false,
        description = { "Measures the recorder: snapshots/s written for 176-cell / 33-sensor packs, bytes per snapshot,"
                + " and the heap while hours of packs at 1 Hz are recorded from the simulator at high speed." },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:measured", "1:the files could not be written", "2:wrong options" })
public final class RecordBenchmarkCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--hours", paramLabel = "H", description = "simulated hours of the long session (default 72)")
    double hours = 72;

    @Option(names = "--packs", paramLabel = "N", description = "packs of the long session, 1..16 (default 8)")
    int packs = 8;

    @Option(names = "--burst", paramLabel = "N", description = "snapshots of the throughput burst, at least 1000"
            + " (default 40000)")
    int burst = 40_000;

    @Option(names = "--folder", paramLabel = "DIR", description = "where the session files go (default: a temporary folder)")
    Path folder;

    public RecordBenchmarkCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        try {
            if (!(hours > 0)) {
                throw new IllegalArgumentException("--hours " + hours + " must be more than 0");
            }
            Ranges.check("--packs", packs, 1, 16);
            Ranges.check("--burst", burst, 1000, Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            cli.err().println("bmsw record-benchmark: " + e.getMessage());
            return 2;
        }
        return new RecorderBenchmark(cli.catalog(), cli.out(), cli.err()).run(hours, packs, burst, folder);
    }
}
