package org.bmsworkbench.cli.benchmark;

import java.util.concurrent.Callable;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.records.RecordReadBenchmark;
import org.bmsworkbench.records.RecordReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bmsw record-read-benchmark}: a record download against its wire time (docs/benchmarks.md). */
@Command(name = "record-read-benchmark", sortOptions = false,
        description = { "Reads N data records of a simulated pack over a socat pty through the connection service's"
                + " command queue, with the bus polling a second pack meanwhile, and compares the measured time with"
                + " the theoretical wire time of every frame on the line ((bytes sent + received) x bits / baud, plus"
                + " turnaround and inter-frame gap per transaction). Target: 0.9 or more." },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:target met", "1:not met or the read failed", "2:wrong options", "3:no pty pair" })
public final class RecordReadBenchmarkCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--records", paramLabel = "N", description = "data records on the board, 1..100000 (default 10000)")
    int records = 10_000;

    @Option(names = "--baud", paramLabel = "B", description = "baud rate (default 9600)")
    int baud = 9600;

    @Option(names = "--step", paramLabel = "N", description = "records per bus command, 1..100 (default "
            + RecordReader.DEFAULT_STEP + ")")
    int step = RecordReader.DEFAULT_STEP;

    @Option(names = "--turnaround", paramLabel = "MS", description = "the simulated boards' reply delay (default 10)")
    double turnaround = 10;

    @Option(names = "--interval", paramLabel = "MS", description = "the bus's poll interval (default 1000)")
    int interval = 1000;

    public RecordReadBenchmarkCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        try {
            Ranges.check("--records", records, 1, 100_000);
            Ranges.check("--baud", baud, 300, 4_000_000);
            Ranges.check("--step", step, 1, 100);
            Ranges.check("--interval", interval, 0, 3_600_000);
        } catch (IllegalArgumentException e) {
            cli.err().println("bmsw record-read-benchmark: " + e.getMessage());
            return 2;
        }
        return new RecordReadBenchmark(cli.catalog(), cli.out(), cli.err()).run(records, baud, step, turnaround, interval);
    }
}
