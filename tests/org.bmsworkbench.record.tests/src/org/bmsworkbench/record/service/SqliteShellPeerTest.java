package org.bmsworkbench.record.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.Port;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.link.SimLinkProvider;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.InProcessEndpoint;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.Link;
import org.bmsworkbench.sim.wire.SimLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session recorded from the simulator through the real bus, read back by Debian's {@code sqlite3} (no code of
 * ours): the cell voltage it reads is the one the simulated board had. The simulator's time stands still, so
 * the board's values do not move between the poll and the check.
 */
class SqliteShellPeerTest {

    private static final String SQLITE3 = "/usr/bin/sqlite3";

    @TempDir
    Path dir;

    @Test
    void sqlite3ReadsTheBoardsCellVoltage() throws Exception {
        assertTrue(Files.isExecutable(Path.of(SQLITE3)), "the sqlite3 shell is needed: apt-get install sqlite3");
        BmsProtocol protocol = new NativeModbusProtocol();
        List<PackSpec> specs = List.of(PackSpec.typical(1, 176, 33), PackSpec.typical(2, 176, 33));
        try (SimBus sim = new SimBus(specs, protocol.parameterDefinitions(), 5, LocalDateTime.of(2026, 7, 1, 8, 0), 1);
                InProcessEndpoint endpoint = new InProcessEndpoint()) {
            sim.advance(30);
            SimLine line = new SimLine(sim, protocol.deviceCodec().orElseThrow(), endpoint, LineTiming.none(),
                    new Faults(3), m -> { });
            line.start();
            RecordingSettings settings = RecordingSettings.defaults(dir);
            SessionRecorder recorder = new SessionRecorder(() -> settings, Map.of(), s -> { }, Clock.systemUTC(),
                    1024, 0).start();
            BusEvents events = new BusEvents() {
                @Override
                public void busState(BusStatus status) {
                    recorder.accept(status);
                }

                @Override
                public void packState(PackStatus status) {
                    recorder.accept(status);
                }

                @Override
                public void snapshot(PackData data) {
                    recorder.accept(data);
                }
            };
            BusSettings busSettings = BusSettings.parse("sim:2,cells=176,temps=33,interval=50",
                    LinkLookup.of(new SimLinkProvider()));
            Bus bus = new Bus("bus-peer", busSettings, protocol, () -> {
                Link link = endpoint.connect();
                return Port.of("in-process", link.in(), link.out(), link::close);
            }, events, Clock.systemUTC(), m -> { });
            bus.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (recorder.status().rows("bus-peer", 2) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            bus.close();
            line.close();
            recorder.close();
            RecordingStatus status = recorder.status();
            assertTrue(status.rows("bus-peer", 2) >= 3, "pack 2 was recorded: " + status);

            PackSnapshot board = sim.pack(2).snapshot();
            String file = status.file();
            for (int cell : new int[] { 0, 99, 175 }) {
                String sql = "SELECT v" + (cell + 1) + " FROM snapshot_time WHERE bus_id = 'bus-peer' AND address = 2"
                        + " ORDER BY seq DESC LIMIT 1";
                double recorded = Double.parseDouble(sqlite3(file, sql));
                double boardMillivolts = board.cellVoltage(cell) * 1000;
                // the protocol carries whole millivolts: what the board had, to its resolution
                assertEquals(boardMillivolts, recorded, 0.5 + 1e-9, "cell " + (cell + 1));
            }
            String t1 = sqlite3(file, "SELECT t1 FROM snapshot_time WHERE address = 2 ORDER BY seq DESC LIMIT 1");
            assertEquals(board.temperature(0), Double.parseDouble(t1), 0.05 + 1e-9, "sensor 1");
            assertEquals("ok", sqlite3(file, "PRAGMA integrity_check"));
            assertEquals(String.valueOf(org.bmsworkbench.record.store.Schema.VERSION), sqlite3(file, "PRAGMA user_version"));
        }
    }

    static String sqlite3(String file, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SQLITE3, "-readonly", file, sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "sqlite3 ended");
        assertEquals(0, p.exitValue(), "sqlite3 " + sql + ": " + out);
        return out;
    }
}
