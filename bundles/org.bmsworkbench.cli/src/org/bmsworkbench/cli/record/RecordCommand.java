package org.bmsworkbench.cli.record;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.bmsworkbench.cli.BusRun;
import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.record.Decimation;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.service.SessionRecorder;
import org.bmsworkbench.record.store.SessionFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./bmsw record}: polls one bus without the workbench and records it into a session file, as the
 * workbench does; for scripts, long unattended runs and the crash tests. {@code ./bmsw log} is the same run with
 * more buses and sinks.
 */
@Command(name = "record", sortOptions = false,
        description = { "Polls one bus and records everything it reports into a new session file (SQLite, see"
                + " docs/recording.md), as the workbench does, until interrupted or for N seconds. Prints the session"
                + " file at the start and what was recorded at the end." },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:recorded",
                "1:recording failed (the reason is printed; what was recorded stays readable)",
                "2:wrong options", "3:the bus could not be opened" })
public final class RecordCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--bus", paramLabel = "SPEC", required = true, description = "The bus, as for ./bmsw --bus, e.g."
            + " sim:4,cells=176,temps=33 or serial:/dev/ttyUSB0,baud=9600,protocol=pylontech,packs=4")
    String spec;

    @Option(names = "--folder", paramLabel = "DIR", description = "Where the session file goes (default: ./recordings).")
    Path folder = Path.of("recordings");

    @Option(names = "--seconds", paramLabel = "N", converter = Seconds.class,
            description = "Stop after N seconds (default 0: until interrupted).")
    long seconds;

    @Option(names = "--decimation", paramLabel = "D", converter = DecimationConverter.class,
            description = "Keep every poll (every, the default) or one snapshot per 1s, 5s, 10s or 60s per pack.")
    Decimation decimation = Decimation.EVERY_POLL;

    public RecordCommand(Cli cli) {
        this.cli = cli;
    }

    /** A whole, non-negative number of seconds; the message names the option and the value, as before picocli. */
    static final class Seconds implements ITypeConverter<Long> {
        @Override
        public Long convert(String v) {
            try {
                long n = Long.parseLong(v);
                if (n < 0) {
                    throw new TypeConversionException("--seconds " + v + ": must not be negative");
                }
                return n;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("--seconds " + v + ": a whole number of seconds, 0 for no end");
            }
        }
    }

    /** {@code every}, {@code 1s}, {@code 5s}, {@code 10s} or {@code 60s}. */
    public static final class DecimationConverter implements ITypeConverter<Decimation> {
        @Override
        public Decimation convert(String v) {
            return switch (v) {
                case "every" -> Decimation.EVERY_POLL;
                case "1s" -> Decimation.ONE_SECOND;
                case "5s" -> Decimation.FIVE_SECONDS;
                case "10s" -> Decimation.TEN_SECONDS;
                case "60s" -> Decimation.ONE_MINUTE;
                default -> throw new TypeConversionException("--decimation " + v + ": every, 1s, 5s, 10s or 60s");
            };
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        BusSettings settings;
        try {
            settings = BusSettings.parse(spec, cli.links());
        } catch (IllegalArgumentException e) {
            cli.err().println("bmsw record: " + e.getMessage());
            return 2;
        }
        if (cli.protocol(settings.protocolId()).isEmpty()) {
            cli.err().println("bmsw record: no protocol '" + settings.protocolId() + "'");
            return 2;
        }
        RecordingSettings recording = RecordingSettings.defaults(Path.of(".")).withFolder(folder)
                .withDecimation(decimation);
        AtomicReference<BusRun> runRef = new AtomicReference<>();
        SessionRecorder recorder = new SessionRecorder(() -> recording,
                Map.of("application", "BMS Workbench (bmsw record)", "bus", spec), status -> {
                    BusRun run = runRef.get();
                    if (status.state() == RecordingStatus.State.FAILED && run != null) {
                        run.stop(BusRun.End.SINK_FAILED, status.detail());
                    }
                }, Clock.systemUTC(), 8192, 0).start();
        // Ctrl+C ends the JVM with its own status (130) once the file is closed, as before
        try (BusRun run = new BusRun(cli, List.of(recorder::accept), new BusEvents() {
        }, false)) {
            runRef.set(run);
            try {
                run.open(List.of(settings));
            } catch (IllegalArgumentException e) {
                recorder.close(Duration.ofSeconds(30));
                cli.err().println("bmsw record: " + e.getMessage());
                run.finished(2);
                return 2;
            }
            BusRun.Stop stop = run.await(Duration.ofSeconds(seconds));
            run.closeBuses();
            recorder.close(Duration.ofSeconds(30));
            RecordingStatus s = recorder.status();
            int status;
            if (stop.end() == BusRun.End.BUS_FAILED) {
                cli.err().println("bmsw record: the bus could not be opened: " + stop.detail());
                status = 3;
            } else if (s.state() == RecordingStatus.State.FAILED) {
                cli.err().println("bmsw record: " + s.detail());
                status = 1;
            } else {
                long bytes = s.file().isEmpty() ? 0 : SessionFiles.size(Path.of(s.file()));
                cli.out().printf(Locale.ROOT, "recorded %d snapshots of %d pack%s in %.1f s into %s (%d bytes)%s%n",
                        s.totalRows(), s.rows().size(), s.rows().size() == 1 ? "" : "s",
                        s.duration().toMillis() / 1000.0, s.file(), bytes,
                        s.skipped() > 0 ? ", " + s.skipped() + " skipped because the disk fell behind" : "");
                status = 0;
            }
            run.finished(status);
            return status;
        }
    }
}
