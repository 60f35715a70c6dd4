package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code ./bmsw log} against Debian's Mosquitto on a loopback port, watched with {@code mosquitto_sub}: Home
 * Assistant discovery and state messages arrive and parse (read back with Debian's python3 json, not our code),
 * {@code homeassistant/status online} brings the configs again, and a broker killed and restarted mid-run gets
 * everything again while the session file goes on without a gap.
 */
class LogMqttIT {

    private static final String PY_CHECK = """
            import json, sys
            seen = {}
            for line in open(sys.argv[1], encoding='utf-8'):
                topic, _, payload = line.rstrip('\\n').partition(' ')
                seen[topic] = payload
            def cfg(kind, obj):
                return json.loads(seen['homeassistant/%s/bmsw_bus-1_1/%s/config' % (kind, obj)])
            v = cfg('sensor', 'voltage')
            assert (v['device_class'], v['state_class'], v['unit_of_measurement']) == ('voltage', 'measurement', 'V'), v
            assert v['state_topic'] == 'bmsw/bus-1/1/state' and v['value_template'] == '{{ value_json.voltage }}', v
            assert [a['topic'] for a in v['availability']] == ['bmsw/status', 'bmsw/bus-1/status', 'bmsw/bus-1/1/status'], v
            assert v['device']['identifiers'] == ['bmsw_bus-1_1'], v
            s = cfg('sensor', 'soc')
            assert (s['device_class'], s['unit_of_measurement']) == ('battery', '%'), s
            c = cfg('sensor', 'current')
            assert (c['device_class'], c['unit_of_measurement']) == ('current', 'A'), c
            t = cfg('sensor', 'temp_max')
            assert (t['device_class'], t['unit_of_measurement']) == ('temperature', '\\u00b0C'), t
            sp = cfg('sensor', 'cell_spread')
            assert (sp['device_class'], sp['unit_of_measurement']) == ('voltage', 'mV'), sp
            assert sp['json_attributes_topic'] == 'bmsw/bus-1/1/state', sp
            for k in ('cell_min', 'cell_max'):
                assert cfg('sensor', k)['unit_of_measurement'] == 'V'
            for address in (1, 2):
                st = json.loads(seen['bmsw/bus-1/%d/state' % address])
                assert st['address'] == address and st['bus'] == 'bus-1', st
                assert len(st['cells']) == 16 and all(2.0 < x < 4.5 for x in st['cells']), st['cells']
                assert len(st['temperatures']) == 4, st
                assert abs(st['cell_spread'] - (st['cell_max'] - st['cell_min']) * 1000) < 0.2, st
                assert 0 <= st['soc'] <= 100 and isinstance(st['voltage'], float), st
                assert seen['bmsw/bus-1/%d/status' % address] == 'online'
            assert seen['bmsw/status'] == 'online' and seen['bmsw/bus-1/status'] == 'online'
            problems = [t for t in seen if t.startswith('homeassistant/binary_sensor/bmsw_bus-1_1/')]
            for t in problems:
                b = json.loads(seen[t])
                assert b['device_class'] == 'problem' and seen[b['state_topic']] in ('ON', 'OFF'), (t, b)
            print('ok', len([t for t in seen if t.endswith('/config')]), 'configs', len(problems), 'binary sensors')
            """;

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static void await(String what, Duration timeout, Bmsw.Run run, IoCheck check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + " within " + timeout + "; logger output:\n" + run.text());
    }

    @FunctionalInterface
    interface IoCheck {
        boolean ok() throws IOException, InterruptedException;
    }

    private static long count(Path file, Predicate<String> line) throws IOException {
        return lines(file).stream().filter(line).count();
    }

    private static Bmsw.Run subscribe(String name, Mqtt mqtt) throws IOException {
        return Bmsw.start(name, List.of(mqtt.sub.toString(), "-h", "127.0.0.1", "-p", Integer.toString(mqtt.broker.port()),
                "-t", "#", "-v"), env -> {
                });
    }

    private record Mqtt(Servers.Mosquitto broker, Path sub, Path pub) {
    }

    private static Path session(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> s = files.filter(p -> p.getFileName().toString().endsWith(".sqlite")).toList();
            assertEquals(1, s.size(), "one session file in " + folder + ": " + s);
            return s.get(0);
        }
    }

    @Test
    void discoveryAndStateArriveAndABrokerRestartIsSurvived() throws Exception {
        Optional<Path> mosquitto = Servers.program("mosquitto", "/usr/sbin");
        Optional<Path> sub = Servers.program("mosquitto_sub");
        Optional<Path> pub = Servers.program("mosquitto_pub");
        Assumptions.assumeTrue(mosquitto.isPresent() && sub.isPresent() && pub.isPresent(),
                "SKIPPED: Mosquitto is not installed (apt-get install mosquitto mosquitto-clients; .ci/run does)");
        Path work = Bmsw.WORK.resolve("log-mqtt");
        Servers.deleteTree(work);
        Mqtt mqtt = new Mqtt(new Servers.Mosquitto(mosquitto.get(), work.resolve("broker"), Servers.freePort()),
                sub.get(), pub.get());
        Path folder = work.resolve("recordings");
        mqtt.broker.start();
        try (Bmsw.Run first = subscribe("log-mqtt-sub1", mqtt);
                Bmsw.Run run = Bmsw.bmsw("log-mqtt", "log", "--bus", "sim:2,cells=16,temps=4,interval=200",
                        "--recordings", folder.toString(), "--mqtt", mqtt.broker.url(), "--duration", "30s")) {
            Path sub1 = first.output();
            await("state and discovery of both packs", Duration.ofSeconds(25), run,
                    () -> count(sub1, l -> l.startsWith("bmsw/bus-1/2/state ")) > 0
                            && count(sub1, l -> l.startsWith("homeassistant/sensor/bmsw_bus-1_2/voltage/config ")) > 0
                            && count(sub1, l -> l.startsWith("bmsw/bus-1/2/status online")) > 0);
            Thread.sleep(1500);
            String check = Bmsw.output(Duration.ofSeconds(30), "/usr/bin/python3", "-c", PY_CHECK, sub1.toString());
            assertTrue(check.startsWith("ok"), "the messages parse and carry what Home Assistant needs: " + check);

            // Home Assistant restarted: every config again
            long configs = count(sub1, l -> l.startsWith("homeassistant/sensor/bmsw_bus-1_1/voltage/config "));
            Servers.run(Duration.ofSeconds(10), mqtt.pub.toString(), "-h", "127.0.0.1", "-p",
                    Integer.toString(mqtt.broker.port()), "-t", "homeassistant/status", "-m", "online");
            await("the configs again after homeassistant/status online", Duration.ofSeconds(10), run,
                    () -> count(sub1, l -> l.startsWith("homeassistant/sensor/bmsw_bus-1_1/voltage/config ")) > configs);

            // the broker crashes and comes back empty (no persistence)
            mqtt.broker.kill();
            Thread.sleep(3000);
            mqtt.broker.start();
            try (Bmsw.Run second = subscribe("log-mqtt-sub2", mqtt)) {
                Path sub2 = second.output();
                await("retained discovery, availability and new states after the restart", Duration.ofSeconds(20), run,
                        () -> count(sub2, l -> l.startsWith("homeassistant/sensor/bmsw_bus-1_1/voltage/config ")) > 0
                                && count(sub2, l -> l.equals("bmsw/status online")) > 0
                                && count(sub2, l -> l.equals("bmsw/bus-1/1/status online")) > 0
                                && count(sub2, l -> l.startsWith("bmsw/bus-1/1/state ")) > 2);
                assertEquals(0, run.waitFor(Duration.ofSeconds(60)), run.text());
                Thread.sleep(500);
                assertTrue(count(sub2, l -> l.equals("bmsw/status offline")) > 0,
                        "a clean end says offline itself: " + lines(sub2));
            }
            String out = run.text();
            assertTrue(out.contains("MQTT: connected to " + mqtt.broker.url()), out);
            assertTrue(out.indexOf("MQTT: connected to") != out.lastIndexOf("MQTT: connected to"), "reconnected: " + out);
            assertTrue(out.contains("lost"), out);

            Path file = session(folder);
            assertEquals("ok", sqlite(file, "PRAGMA integrity_check"));
            assertEquals("0", sqlite(file, "SELECT COUNT(*) FROM gap"));
            // polled every 200 ms: no pack goes 2 s without a recorded snapshot, broker or not
            long worst = Long.parseLong(sqlite(file, "SELECT MAX(d) FROM (SELECT time_ms - LAG(time_ms) OVER"
                    + " (PARTITION BY pack ORDER BY time_ms) AS d FROM snapshot)"));
            assertTrue(worst < 2000, "the longest stretch without a snapshot is " + worst + " ms");
            long rows = Long.parseLong(sqlite(file, "SELECT COUNT(*) FROM snapshot"));
            assertTrue(rows > 100, rows + " snapshots in 30 s");
        } finally {
            mqtt.broker.stop();
        }
    }

    static String sqlite(Path file, String sql) throws InterruptedException {
        return Bmsw.output(Duration.ofSeconds(30), "/usr/bin/sqlite3", file.toString(), sql).strip();
    }

}
