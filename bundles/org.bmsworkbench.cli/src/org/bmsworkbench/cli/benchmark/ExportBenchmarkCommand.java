package org.bmsworkbench.cli.benchmark;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.export.ExportBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bmsw export-benchmark}: SXSSF against XSSFWorkbook and CSV in fixed-heap JVMs (docs/benchmarks.md). */
@Command(name = "export-benchmark", sortOptions = false,
        description = { "Writes a recording of 1,000,000 rows (8 packs of 176 cells and 33 sensors), then exports it in"
                + " child JVMs with the same fixed heap: SXSSF, a plain XSSFWorkbook as the baseline (reported where it"
                + " runs out of memory) and CSV. Prints rows/s and the peak heap of each." },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:measured", "1:the benchmark failed", "2:wrong options" })
public final class ExportBenchmarkCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--rows", paramLabel = "N", description = "rows of the recording (default 1000000)")
    long rows = 1_000_000;

    @Option(names = "--packs", paramLabel = "N", description = "packs, 1..16 (default 8)")
    int packs = 8;

    @Option(names = "--heap", paramLabel = "SIZE", description = "-Xmx of each child JVM (default 1g)")
    String heap = "1g";

    @Option(names = "--timeout", paramLabel = "S", description = "seconds each child may take (default 900)")
    int timeout = 900;

    @Option(names = "--folder", paramLabel = "DIR", description = "where the recording and the exports go (default:"
            + " <tmp>/bmsw-export-benchmark)")
    Path folder = Path.of(System.getProperty("java.io.tmpdir"), "bmsw-export-benchmark");

    public ExportBenchmarkCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        try {
            Ranges.check("--packs", packs, 1, 16);
            Ranges.check("--timeout", timeout, 1, 86_400);
            if (rows < 1) {
                throw new IllegalArgumentException("--rows " + rows + " must be at least 1");
            }
            if (!heap.matches("\\d+[kmgKMG]?")) {
                throw new IllegalArgumentException("--heap " + heap + ": a size such as 512m or 1g");
            }
        } catch (IllegalArgumentException e) {
            cli.err().println("bmsw export-benchmark: " + e.getMessage());
            return 2;
        }
        try {
            ExportBenchmark.run(rows, packs, heap, timeout, folder, cli.out());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cli.err().println("bmsw export-benchmark: interrupted");
            return 1;
        } catch (Exception e) {
            cli.err().println("bmsw export-benchmark: " + e.getMessage());
            return 1;
        }
    }
}
