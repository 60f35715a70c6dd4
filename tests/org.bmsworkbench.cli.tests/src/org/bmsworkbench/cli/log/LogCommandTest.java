package org.bmsworkbench.cli.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.cli.DurationConverter;
import org.bmsworkbench.cli.Main;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.TcpLinkProvider;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.link.SimLinkProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmsw log} as a script sees it: wrong options are refused in one line with status 2, and a broker or
 * server that cannot be reached slows nothing: the session file is recorded all the same.
 */
class LogCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(new ProtocolCatalog(List.of(new NativeModbusProtocol())),
            LinkLookup.of(new SimLinkProvider(), new TcpLinkProvider()), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(cli, args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void wrongOptionsAreOneLineAndStatusTwo() {
        assertEquals(2, run("log", "--bus", "sim:1", "--duration", "soon"));
        assertTrue(err().contains("--duration") && err().contains("soon"), err());
        assertTrue(err().lines().count() == 1, "one line: " + err());
        err.reset();
        assertEquals(2, run("log", "--duration", "5s"));
        assertTrue(err().contains("--bus"), err());
        err.reset();
        assertEquals(2, run("log", "--bus", "sim:1", "--mqtt", "http://broker:1883"));
        assertTrue(err().contains("tcp://host:port"), err());
        err.reset();
        assertEquals(2, run("log", "--bus", "sim:1", "--mqtt", "tcp://b:1883", "--mqtt-qos", "3"));
        assertTrue(err().contains("QoS 3"), err());
        err.reset();
        assertEquals(2, run("log", "--bus", "sim:1", "--postgres", "postgres://db/x"));
        assertTrue(err().contains("jdbc:postgresql://"), err());
        err.reset();
        assertEquals(2, run("log", "--bus", "sim:1,protocol=nosuch"));
        assertTrue(err().contains("nosuch"), err());
        err.reset();
        assertEquals(2, run("log", "--bus", "sim:1", "--mqtt", "tcp://b:1883", "--mqtt-password-file",
                dir.resolve("missing").toString()));
        assertTrue(err().contains("--mqtt-password-file"), err());
    }

    @Test
    void helpListsTheOptionsAndTheExitStatus() {
        assertEquals(0, run("log", "--help"));
        for (String s : List.of("--bus", "--mqtt", "--mqtt-base", "--mqtt-qos", "--mqtt-ca", "--ha-prefix", "--postgres",
                "--duration", "Exit status", "refused")) {
            assertTrue(out().contains(s), s + " in " + out());
        }
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30s"));
        assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30"));
        assertEquals(Duration.ofMinutes(5), DurationConverter.parse("5m"));
        assertEquals(Duration.ofHours(2), DurationConverter.parse("2h"));
        assertEquals(Duration.ofDays(7), DurationConverter.parse("7d"));
        assertEquals(Duration.ofMillis(500), DurationConverter.parse("500ms"));
        assertEquals(Duration.ofSeconds(90), DurationConverter.parse("PT1M30S"));
    }

    @Test
    void unreachableServersSlowNothingAndTheSessionIsRecorded() throws IOException {
        int mqtt = closedPort();
        int pg = closedPort();
        long started = System.nanoTime();
        int rc = run("log", "--bus", "sim:2,cells=8,temps=2,interval=100", "--recordings", dir.toString(),
                "--mqtt", "tcp://127.0.0.1:" + mqtt, "--postgres", "jdbc:postgresql://127.0.0.1:" + pg + "/bms",
                "--duration", "3s");
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(0, rc, out() + err());
        assertTrue(seconds < 30, "the end does not wait long for servers that are not there: " + seconds + " s");
        String text = out();
        assertTrue(text.contains("MQTT: cannot connect to tcp://127.0.0.1:" + mqtt), text);
        assertTrue(text.contains("PostgreSQL: cannot connect to jdbc:postgresql://127.0.0.1:" + pg), text);
        assertTrue(text.contains("were not written before the end (the session file has them)"), text);
        assertTrue(text.contains("stopping: the duration is up"), text);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sqlite")).toList();
        }
        assertEquals(1, files.size(), text);
        // 2 packs polled every 100 ms for 3 s: the sinks took nothing from the buses
        String summary = text.lines().filter(l -> l.contains("recorded ")).findFirst().orElseThrow();
        long snapshots = Long.parseLong(summary.replaceAll(".* recorded (\\d+) snapshots.*", "$1"));
        assertTrue(snapshots >= 20, summary);
    }

    @Test
    void aBusThatCannotBeOpenedIsStatusThree() {
        assertEquals(3, run("log", "--bus", "tcp:127.0.0.1:1,protocol=modbus-native", "--recordings", dir.toString(),
                "--duration", "20s"));
        assertTrue(out().contains("could not be opened"), out());
    }
}
