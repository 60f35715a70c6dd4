package org.bmsworkbench.cli.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.cli.Main;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.SerialLinkProvider;
import org.bmsworkbench.connection.TcpLinkProvider;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.protocol.ydt1363.PylontechProtocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.link.SimLinkProvider;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.SimLine;
import org.bmsworkbench.sim.wire.TcpEndpoint;
import org.junit.jupiter.api.Test;

/** bmsw poll as a script sees it: its lines, its keys, its messages and its exit status. */
class PollCommandTest {

    private final ProtocolCatalog catalog = new ProtocolCatalog(List.of(new NativeModbusProtocol(), new PylontechProtocol()));
    private final LinkLookup links = LinkLookup.of(new SerialLinkProvider(), new TcpLinkProvider(), new SimLinkProvider());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "poll";
        System.arraycopy(args, 0, line, 1, args.length);
        return Main.run(new Cli(catalog, links, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), line);
    }

    @Test
    void printsOneJsonObjectPerPackPerSweep() {
        int rc = run("--simulate", "3", "--cells", "176", "--temps", "33", "--count", "2", "--interval", "0", "--json");
        assertEquals(0, rc, err.toString());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(6, lines.size(), lines.toString());
        for (int i = 0; i < 6; i++) {
            String line = lines.get(i);
            assertTrue(line.startsWith("{\"bus\":\"bus-1\",\"sweep\":" + (i / 3 + 1) + ",\"protocol\":\"modbus-native\""), line);
            assertTrue(line.contains("\"state\":\"ONLINE\",\"address\":" + (i % 3 + 1) + ","), line);
            // the keys of bmsw decode
            for (String key : List.of("\"cellVoltages\":[", "\"temperatures\":[", "\"current\":", "\"voltage\":",
                    "\"soc\":", "\"flags\":[")) {
                assertTrue(line.contains(key), key + " in " + line);
            }
            int cells = line.substring(line.indexOf("\"cellVoltages\":[")).split("]")[0].split(",").length;
            assertEquals(176, cells);
        }
    }

    @Test
    void pollsAGatewayAndPrintsAPackThatDoesNotAnswerAsOffline() throws Exception {
        NativeModbusProtocol protocol = new NativeModbusProtocol();
        try (SimBus sim = new SimBus(List.of(PackSpec.typical(1, 16, 4)), protocol.parameterDefinitions(), 3,
                LocalDateTime.of(2026, 7, 1, 0, 0), 1);
                TcpEndpoint gateway = new TcpEndpoint("127.0.0.1", 0);
                SimLine line = new SimLine(sim, protocol.deviceCodec().orElseThrow(), gateway, LineTiming.none(),
                        new Faults(1), m -> { })) {
            sim.advance(5);
            line.start();
            int rc = run("--tcp", "127.0.0.1:" + gateway.port(), "--addresses", "1,5", "--timeout", "50",
                    "--retries", "0", "--interval", "0", "--count", "2", "--json");
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(1, rc, text + err);
            List<String> lines = text.lines().toList();
            assertEquals(4, lines.size(), text);
            assertTrue(lines.get(0).contains("\"state\":\"ONLINE\",\"address\":1,"), lines.get(0));
            assertTrue(lines.get(1).contains("\"address\":5,\"state\":\"OFFLINE\""), lines.get(1));
            assertTrue(lines.get(3).contains("\"address\":5,\"state\":\"OFFLINE\""), lines.get(3));
        }
    }

    @Test
    void wrongOptionsGiveOneLineAndStatusTwo() {
        assertEquals(2, run("--simulate", "2", "--serial", "/dev/ttyUSB0"));
        assertEquals("bmsw poll: give exactly one of --serial, --tcp and --simulate\n", err.toString());
        err.reset();
        assertEquals(2, run("--simulate", "40"));
        assertEquals("bmsw poll: --simulate 40 is outside 1..16\n", err.toString());
        err.reset();
        assertEquals(2, run("--simulate", "2", "--protocol", "canbus"));
        assertEquals("bmsw poll: no protocol 'canbus' (known: modbus-native, pylontech)\n", err.toString());
        err.reset();
        assertEquals(2, run("--tcp", "gateway"));
        assertEquals("bmsw poll: gateway 'gateway': host:port, e.g. 192.168.1.200:4196\n", err.toString());
    }

    @Test
    void anyInstalledLinkTypeIsPolledFromItsSpec() {
        int rc = run("--bus", "sim:2,cells=16,temps=4,baud=0,interval=0,protocol=pylontech", "--count", "1", "--json");
        assertEquals(0, rc, err.toString());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("{\"bus\":\"bus-1\",\"sweep\":1,\"protocol\":\"pylontech\""), lines.get(1));
        assertTrue(lines.get(1).contains("\"state\":\"ONLINE\",\"address\":2,"), lines.get(1));
        out.reset();
        assertEquals(2, run("--bus", "can:can0"));
        assertEquals("bmsw poll: bus 'can:can0': sim, serial:<port> or tcp:<host>:<port>\n", err.toString());
        err.reset();
        assertEquals(2, run("--bus", "sim:2", "--packs", "3"));
        assertEquals("bmsw poll: with --bus, the bus's options go into its spec, not --packs"
                + " (e.g. --bus sim:4,protocol=pylontech,interval=0)\n", err.toString());
    }

    @Test
    void aPortThatCannotBeOpenedEndsWithStatusThree() {
        int rc = run("--serial", "/dev/bmsw-no-such-port", "--count", "1");
        assertEquals(3, rc);
        assertTrue(err.toString().startsWith("bmsw poll: cannot open serial port /dev/bmsw-no-such-port"), err.toString());
    }

    @Test
    void aPortThatCannotBeOpenedSaysItGivesUpNotThatItRetries() {
        int rc = run("--serial", "/dev/bmsw-no-such-port", "--count", "1");
        assertEquals(3, rc);
        String text = err.toString();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.matches("bmsw poll: cannot open serial port /dev/bmsw-no-such-port: .+; giving up\n"), text);
        assertTrue(!text.contains("retrying"), text);
    }
}
