package org.bmsworkbench.record.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Buses;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.PortDiscovery;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.tool.CommandLine;
import org.bmsworkbench.record.Decimation;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.service.SessionRecorder;
import org.bmsworkbench.record.store.SessionFiles;

/**
 * {@code ./bmsw record}: polls one bus without the workbench and records it into a session file, as the
 * workbench does; for scripts, long unattended runs and the crash tests.
 */
public final class RecordMain {

    private final ProtocolCatalog catalog;
    private final LinkLookup links;
    private final PrintStream out;
    private final PrintStream err;

    public RecordMain(ProtocolCatalog catalog, LinkLookup links, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.links = links;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        CommandLine.exit(RecordMain.class, (catalog, out, err) -> new RecordMain(catalog,
                LinkCatalog.fromClassPath(RecordMain.class.getClassLoader()), out, err)::run, args);
    }

    public static String help() {
        return """
                Usage: bmsw record --bus SPEC [--folder DIR] [--seconds N] [--decimation every|1s|5s|10s|60s]

                Polls one bus and records everything it reports into a new session file (SQLite, see
                docs/recording.md), as the workbench does, until interrupted or for N seconds.
                  --bus SPEC       the bus, as for ./bmsw --bus, e.g. sim:4,cells=176,temps=33 or
                                   serial:/dev/ttyUSB0,baud=9600,protocol=pylontech,packs=4
                  --folder DIR     where the session file goes (default: ./recordings)
                  --seconds N      stop after N seconds (default 0: until interrupted)
                  --decimation D   keep every poll (default) or one snapshot per 1, 5, 10 or 60 s per pack
                Prints the session file at the start and what was recorded at the end.
                Exit status: 0 recorded, 1 recording failed (the reason is printed; what was recorded stays
                readable), 2 wrong options, 3 the bus could not be opened.
                """;
    }

    public int run(String[] args) {
        Options o;
        try {
            o = Options.parse(args, links);
        } catch (IllegalArgumentException e) {
            err.println("bmsw record: " + e.getMessage());
            return 2;
        }
        if (o.help) {
            out.print(help());
            return 0;
        }
        Optional<BmsProtocol> protocol = catalog.find(o.settings.protocolId());
        if (protocol.isEmpty()) {
            err.println("bmsw record: no protocol '" + o.settings.protocolId() + "'");
            return 2;
        }
        RecordingSettings settings = RecordingSettings.defaults(Path.of(".")).withFolder(o.folder)
                .withDecimation(o.decimation);
        CountDownLatch done = new CountDownLatch(1);
        String[] busFailure = new String[1];
        SessionRecorder recorder = new SessionRecorder(() -> settings,
                Map.of("application", "BMS Workbench (bmsw record)", "bus", o.spec),
                status -> {
                    if (status.state() == RecordingStatus.State.FAILED) {
                        done.countDown();
                    }
                }, Clock.systemUTC(), 8192, 0).start();
        BusEvents events = new BusEvents() {
            @Override
            public void busState(BusStatus status) {
                recorder.accept(status);
                if (status.state() == BusState.FAILED && !status.retrying()) {
                    busFailure[0] = status.detail();
                    done.countDown();
                }
            }

            @Override
            public void packState(PackStatus status) {
                recorder.accept(status);
            }

            @Override
            public void snapshot(PackData data) {
                recorder.accept(data);
            }

            @Override
            public void flag(FlagChange change) {
                recorder.accept(change);
            }

            @Override
            public void progress(CommandProgress progress) {
                recorder.accept(progress);
            }
        };
        PortDiscovery discovery = new PortDiscovery(List::of, m -> err.println("bmsw record: " + m));
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C: the JVM waits for this hook, so the recorder gets to commit and close the file
        Thread hook = new Thread(() -> {
            done.countDown();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try (Buses buses = new Buses(catalog::find, () -> catalog.all().stream().map(BmsProtocol::id).toList(),
                links, events, discovery, m -> { })) {
            buses.open(o.settings);
            if (o.seconds > 0) {
                done.await(o.seconds, TimeUnit.SECONDS);
            } else {
                done.await();
            }
            buses.closeAll();
            recorder.close(Duration.ofSeconds(30));
            RecordingStatus s = recorder.status();
            if (busFailure[0] != null) {
                err.println("bmsw record: the bus could not be opened: " + busFailure[0]);
                return 3;
            }
            if (s.state() == RecordingStatus.State.FAILED) {
                err.println("bmsw record: " + s.detail());
                return 1;
            }
            long bytes = s.file().isEmpty() ? 0 : SessionFiles.size(Path.of(s.file()));
            out.printf(Locale.ROOT, "recorded %d snapshots of %d pack%s in %.1f s into %s (%d bytes)%s%n",
                    s.totalRows(), s.rows().size(), s.rows().size() == 1 ? "" : "s", s.duration().toMillis() / 1000.0,
                    s.file(), bytes,
                    s.skipped() > 0 ? ", " + s.skipped() + " skipped because the disk fell behind" : "");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("bmsw record: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl+C): the hook ran, and the recorder has been closed above
                err.println("bmsw record: interrupted");
            }
        }
    }

    /** The parsed command line. */
    static final class Options {
        BusSettings settings;
        String spec;
        Path folder = Path.of("recordings");
        long seconds;
        Decimation decimation = Decimation.EVERY_POLL;
        boolean help;

        static Options parse(String[] args, LinkLookup links) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> o.help = true;
                    case "--bus" -> {
                        o.spec = value(args, ++i, a);
                        o.settings = BusSettings.parse(o.spec, links);
                    }
                    case "--folder" -> o.folder = Path.of(value(args, ++i, a));
                    case "--seconds" -> {
                        String v = value(args, ++i, a);
                        try {
                            o.seconds = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seconds " + v + ": a whole number of seconds, 0 for no end");
                        }
                        if (o.seconds < 0) {
                            throw new IllegalArgumentException("--seconds " + v + ": must not be negative");
                        }
                    }
                    case "--decimation" -> o.decimation = decimation(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option '" + a + "' (see bmsw record --help)");
                }
            }
            if (!o.help && o.settings == null) {
                throw new IllegalArgumentException("--bus is missing, e.g. --bus sim:4 (see bmsw record --help)");
            }
            return o;
        }

        private static Decimation decimation(String v) {
            return switch (v) {
                case "every" -> Decimation.EVERY_POLL;
                case "1s" -> Decimation.ONE_SECOND;
                case "5s" -> Decimation.FIVE_SECONDS;
                case "10s" -> Decimation.TEN_SECONDS;
                case "60s" -> Decimation.ONE_MINUTE;
                default -> throw new IllegalArgumentException("--decimation " + v + ": every, 1s, 5s, 10s or 60s");
            };
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
