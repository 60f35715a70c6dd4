package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./bmsw poll} against {@code ./bmsw sim} over TCP, as a script would use them, in the native protocol and in
 * each vendor protocol the simulator serves (JBD UART and Daly reach one board per line).
 */
class PollIT {

    private static final Pattern ONLINE = Pattern.compile("\"state\":\"ONLINE\",\"address\":[123],\"cellVoltages\":\\[");

    @ParameterizedTest
    @CsvSource({ "modbus-native,3", "jbd-up,3", "jbd,1", "daly,1" })
    void everyPackAnswersEverySweep(String protocol, int packs) throws Exception {
        int port = 20000 + ThreadLocalRandom.current().nextInt(20000);
        String address = "127.0.0.1:" + port;
        try (Bmsw.Run sim = Bmsw.bmsw("sim-" + protocol, "sim", "--protocol", protocol, "--packs", String.valueOf(packs), "--cells",
                "176", "--temps", "33", "--tcp", address)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!sim.text().contains("ready") && sim.process().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(sim.text().contains("ready"), "./bmsw sim is ready on " + address + ":\n" + sim.text());

            try (Bmsw.Run poll = Bmsw.bmsw("poll-" + protocol, "poll", "--tcp", address, "--protocol", protocol,
                    "--packs", String.valueOf(packs), "--count", "2", "--json")) {
                int status = poll.waitFor(Duration.ofSeconds(60));
                String out = poll.text();
                List<String> lines = out.lines().filter(l -> l.startsWith("{\"bus\":\"bus-1\"")).toList();
                assertEquals(0, status, "exit status of ./bmsw poll:\n" + out);
                assertEquals(2 * packs, lines.size(), "one JSON line per pack per sweep (2 sweeps):\n" + out);
                assertEquals(2 * packs, lines.stream().filter(l -> ONLINE.matcher(l).find()).count(),
                        "every pack online with its cells:\n" + out);
            }
        }
    }
}
