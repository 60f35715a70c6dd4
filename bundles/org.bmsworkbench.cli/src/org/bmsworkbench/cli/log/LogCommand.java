package org.bmsworkbench.cli.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.bmsworkbench.cli.BusRun;
import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.cli.DurationConverter;
import org.bmsworkbench.cli.Hosts;
import org.bmsworkbench.cli.record.RecordCommand;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.mqtt.MqttSettings;
import org.bmsworkbench.mqtt.MqttSink;
import org.bmsworkbench.events.MqttStatus;
import org.bmsworkbench.postgres.PostgresSettings;
import org.bmsworkbench.postgres.PostgresSink;
import org.bmsworkbench.postgres.PostgresStatus;
import org.bmsworkbench.record.Decimation;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.service.SessionRecorder;
import org.bmsworkbench.record.store.SessionFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bmsw log}: the headless logger. Polls one or more buses with the workbench's connection service, records
 * them into session files as the workbench does and feeds the MQTT and PostgreSQL sinks; one line per event of
 * note on standard output. None of the sinks can slow the buses: each takes events without blocking.
 */
@Command(name = "log", sortOptions = false,
        description = { "Polls one or more buses without a window, records them into session files (docs/recording.md)"
                + " and publishes them to an MQTT broker (with Home Assistant discovery) and/or a PostgreSQL server."
                + " Prints one line per event of note; stops cleanly on SIGTERM or Ctrl+C with everything flushed"
                + " (docs/headless.md)." },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:ended as asked (--duration, SIGTERM, Ctrl+C)",
                "1:recording failed (the session file could not be written; what was recorded stays readable)",
                "2:wrong options", "3:a bus could not be opened at the start (one lost later is reopened)",
                "4:the MQTT broker or the PostgreSQL server refused the logger (user, password, database, TLS)" })
public final class LogCommand implements Callable<Integer> {

    static final int RECORDING_FAILED = 1;
    static final int WRONG_OPTIONS = 2;
    static final int BUS_FAILED = 3;
    static final int REFUSED = 4;

    private final Cli cli;

    @Option(names = "--bus", paramLabel = "SPEC", required = true, description = { "A bus, as for ./bmsw --bus;"
            + " repeat for more, e.g. serial:/dev/ttyUSB0,baud=9600,protocol=pylontech,packs=4 or sim:8,cells=16."
            + " The buses are bus-1, bus-2, ... in this order (topic and database names)." })
    List<String> buses = new ArrayList<>();

    @Option(names = "--recordings", paramLabel = "DIR", description = "Where the session files go (default: ./recordings).")
    Path recordings = Path.of("recordings");

    @Option(names = "--decimation", paramLabel = "D", converter = RecordCommand.DecimationConverter.class,
            description = "Keep every poll (every, the default) or one snapshot per 1s, 5s, 10s or 60s per pack, in the"
                    + " session file and in PostgreSQL.")
    Decimation decimation = Decimation.EVERY_POLL;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop after this long (30s, 5m, 2h, 7d; default: until SIGTERM or Ctrl+C).")
    Duration duration = Duration.ZERO;

    @Option(names = "--mqtt", paramLabel = "URL", description = "Publish to this MQTT broker: tcp://host:1883 or ssl://host:8883.")
    String mqtt;

    @Option(names = "--mqtt-base", paramLabel = "TOPIC", description = "The first topic level(s) (default: bmsw).")
    String mqttBase = MqttSettings.DEFAULT_BASE;

    @Option(names = "--mqtt-client-id", paramLabel = "ID", description = "The MQTT client id (default: bmsw-<pid>).")
    String mqttClientId;

    @Option(names = "--mqtt-qos", paramLabel = "N", description = "QoS of every message: 0, 1 (default) or 2.")
    int mqttQos = 1;

    @Option(names = "--mqtt-interval", paramLabel = "D", converter = DurationConverter.class,
            description = "At most one state message per pack this often (default 1s; 0: every snapshot).")
    Duration mqttInterval = MqttSettings.DEFAULT_INTERVAL;

    @Option(names = "--mqtt-user", paramLabel = "USER", description = "MQTT user name.")
    String mqttUser = "";

    @Option(names = "--mqtt-password-file", paramLabel = "FILE", description = "A file holding the MQTT password"
            + " (or set BMSW_MQTT_PASSWORD); never on the command line, where every user could read it.")
    Path mqttPasswordFile;

    @Option(names = "--mqtt-ca", paramLabel = "FILE", description = "PEM certificate authority of an ssl:// broker"
            + " (default: the authorities the JVM trusts).")
    Path mqttCa;

    @Option(names = "--mqtt-buffer", paramLabel = "N", description = "Messages kept while the broker is unreachable"
            + " (default 10000; the oldest go first).")
    int mqttBuffer = MqttSettings.DEFAULT_BUFFER;

    @Option(names = "--ha-prefix", paramLabel = "TOPIC", description = "Home Assistant's discovery prefix (default: homeassistant).")
    String haPrefix = MqttSettings.DEFAULT_DISCOVERY_PREFIX;

    @Option(names = "--no-ha-discovery", description = "Do not announce the packs to Home Assistant.")
    boolean noDiscovery;

    @Option(names = "--postgres", paramLabel = "JDBC-URL", description = "Write to this PostgreSQL database, e.g."
            + " jdbc:postgresql://db.example:5432/bms (tables are created if missing).")
    String postgres;

    @Option(names = "--postgres-user", paramLabel = "USER", description = "PostgreSQL user (default: the URL's).")
    String postgresUser = "";

    @Option(names = "--postgres-password-file", paramLabel = "FILE", description = "A file holding the PostgreSQL"
            + " password (or set BMSW_POSTGRES_PASSWORD).")
    Path postgresPasswordFile;

    @Option(names = "--postgres-buffer", paramLabel = "N", description = "Entries kept while the server is"
            + " unreachable (default 100000; beyond it snapshots are skipped and the stretch is a gap row).")
    int postgresBuffer = PostgresSettings.DEFAULT_CAPACITY;

    public LogCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        Options o;
        try {
            o = options();
        } catch (IllegalArgumentException e) {
            cli.err().println("bmsw log: " + e.getMessage() + " (see bmsw log --help)");
            return WRONG_OPTIONS;
        }
        Clock clock = Clock.systemUTC();
        AtomicReference<BusRun> runRef = new AtomicReference<>();
        RecordingSettings recording = RecordingSettings.defaults(Path.of(".")).withFolder(recordings)
                .withDecimation(o.decimation);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("application", "BMS Workbench (bmsw log)");
        info.put("host", Hosts.name());
        info.put("bus", String.join(" ", buses));
        String[] file = { "" };
        SessionRecorder recorder = new SessionRecorder(() -> recording, info, status -> {
            if (!status.file().isEmpty() && !status.file().equals(file[0])) {
                file[0] = status.file();
                line("recording into " + status.file());
            }
            if (status.state() == RecordingStatus.State.FAILED) {
                line(status.detail());
                stop(runRef, BusRun.End.SINK_FAILED, "recording");
            }
        }, clock, 8192, 0).start();
        List<Consumer<Object>> sinks = new ArrayList<>();
        sinks.add(recorder::accept);
        MqttSink mqttSink = null;
        if (o.mqtt != null) {
            mqttSink = new MqttSink(o.mqtt, this::line, s -> {
                if (s.state() == MqttStatus.State.FAILED) {
                    stop(runRef, BusRun.End.SINK_FAILED, "mqtt");
                }
            }, clock).start();
            sinks.add(mqttSink::accept);
        }
        PostgresSink pgSink = null;
        if (o.postgres != null) {
            pgSink = new PostgresSink(o.postgres, info, () -> {
                Path f = recorder.currentFile();
                return f == null ? "" : f.toString();
            }, this::line, s -> {
                if (s.state() == PostgresStatus.State.FAILED) {
                    stop(runRef, BusRun.End.SINK_FAILED, "postgres");
                }
            }, clock).start();
            sinks.add(pgSink::accept);
        }
        int status = 0;
        try (BusRun run = new BusRun(cli, sinks, watcher(), true)) {
            runRef.set(run);
            try {
                List<String> ids = run.open(o.settings);
                for (int i = 0; i < ids.size(); i++) {
                    line(ids.get(i) + ": " + buses.get(i));
                }
            } catch (IllegalArgumentException e) {
                cli.err().println("bmsw log: " + e.getMessage());
                run.stop(BusRun.End.BUS_FAILED, e.getMessage());
                status = WRONG_OPTIONS;
            }
            BusRun.Stop stop = run.await(duration);
            line("stopping: " + describe(stop));
            run.closeBuses();
            recorder.close(Duration.ofSeconds(30));
            if (mqttSink != null) {
                mqttSink.close(Duration.ofSeconds(10));
            }
            if (pgSink != null) {
                pgSink.close(Duration.ofSeconds(30));
            }
            RecordingStatus rs = recorder.status();
            long bytes = rs.file().isEmpty() ? 0 : SessionFiles.size(Path.of(rs.file()));
            StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                    "recorded %d snapshots of %d pack%s in %.1f s into %s (%d bytes)", rs.totalRows(), rs.rows().size(),
                    rs.rows().size() == 1 ? "" : "s", rs.duration().toMillis() / 1000.0,
                    rs.file().isEmpty() ? "no file" : rs.file(), bytes));
            if (rs.skipped() > 0) {
                summary.append(", ").append(rs.skipped()).append(" skipped because the disk fell behind");
            }
            if (mqttSink != null) {
                MqttStatus m = mqttSink.status();
                summary.append("; MQTT: ").append(m.published()).append(" messages published");
                if (m.dropped() > 0) {
                    summary.append(", ").append(m.dropped()).append(" dropped");
                }
            }
            if (pgSink != null) {
                PostgresStatus p = pgSink.status();
                summary.append("; PostgreSQL: ").append(p.written()).append(" entries written");
                if (p.skipped() > 0) {
                    summary.append(", ").append(p.skipped()).append(" skipped");
                }
            }
            line(summary.toString());
            if (status == 0) {
                status = exitStatus(stop, rs, mqttSink, pgSink);
            }
            run.finished(status);
        }
        return status;
    }

    private static int exitStatus(BusRun.Stop stop, RecordingStatus rs, MqttSink mqtt, PostgresSink pg) {
        if (rs.state() == RecordingStatus.State.FAILED) {
            return RECORDING_FAILED;
        }
        return switch (stop.end()) {
            case BUS_FAILED -> BUS_FAILED;
            case SINK_FAILED -> mqtt != null && mqtt.status().state() == MqttStatus.State.FAILED
                    || pg != null && pg.status().state() == PostgresStatus.State.FAILED ? REFUSED : RECORDING_FAILED;
            default -> 0;
        };
    }

    private static String describe(BusRun.Stop stop) {
        return switch (stop.end()) {
            case TIME -> "the duration is up";
            case SIGNAL -> "asked to stop (signal)";
            case BUS_FAILED -> stop.detail();
            case SINK_FAILED -> stop.detail() + " failed";
        };
    }

    private static void stop(AtomicReference<BusRun> run, BusRun.End end, String detail) {
        BusRun r = run.get();
        if (r != null) {
            r.stop(end, detail);
        }
    }

    /** One line per event of note: bus states, pack link changes, alarms and protections. */
    private BusEvents watcher() {
        return new BusEvents() {
            @Override
            public void busState(BusStatus s) {
                line(s.busId() + " " + s.state() + (s.detail().isEmpty() ? "" : ": " + s.detail()) + " ("
                        + s.label() + ", " + s.protocol() + ")");
            }

            @Override
            public void packState(PackStatus s) {
                if (linkStates.put(s.busId() + "/" + s.address(), s.state()) != s.state()) {
                    line(s.busId() + "/" + s.address() + " " + s.state());
                }
            }

            @Override
            public void flag(FlagChange c) {
                line(c.busId() + "/" + c.address() + " " + c.flag().category().name().toLowerCase(Locale.ROOT) + " "
                        + c.flag() + (c.raised() ? " raised" : " cleared"));
            }

            private final Map<String, Object> linkStates = new java.util.concurrent.ConcurrentHashMap<>();
        };
    }

    private void line(String text) {
        cli.out().println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + text);
    }

    /** The checked options. */
    private record Options(List<BusSettings> settings, Decimation decimation, MqttSettings mqtt,
            PostgresSettings postgres) {
    }

    private Options options() {
        List<BusSettings> settings = new ArrayList<>();
        for (String spec : buses) {
            BusSettings s = BusSettings.parse(spec, cli.links());
            if (cli.protocol(s.protocolId()).isEmpty()) {
                throw new IllegalArgumentException("--bus " + spec + ": no protocol '" + s.protocolId()
                        + "'; installed: " + String.join(", ", cli.protocolIds()));
            }
            settings.add(s);
        }
        Decimation d = decimation;
        MqttSettings m = null;
        if (mqtt != null) {
            if (mqttCa != null && !Files.isReadable(mqttCa)) {
                throw new IllegalArgumentException("--mqtt-ca " + mqttCa + ": cannot read the file");
            }
            m = new MqttSettings(mqtt, mqttBase, mqttClientId, mqttQos, mqttInterval, mqttUser,
                    secret(mqttPasswordFile, "--mqtt-password-file", "BMSW_MQTT_PASSWORD"), mqttCa, !noDiscovery,
                    haPrefix, mqttBuffer);
        }
        PostgresSettings p = null;
        if (postgres != null) {
            p = new PostgresSettings(postgres, postgresUser,
                    secret(postgresPasswordFile, "--postgres-password-file", "BMSW_POSTGRES_PASSWORD"), postgresBuffer,
                    d.interval());
        }
        return new Options(settings, d, m, p);
    }

    private static String secret(Path file, String option, String variable) {
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " " + file + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        String env = System.getenv(variable);
        return env == null ? "" : env;
    }
}
