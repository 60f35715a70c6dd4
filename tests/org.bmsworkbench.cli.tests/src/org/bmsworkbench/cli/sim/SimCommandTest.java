package org.bmsworkbench.cli.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.cli.Main;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.protocol.ydt1363.PylontechProtocol;
import org.bmsworkbench.protocol.ydt1363.SeplosV2Protocol;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code bmsw sim} as a person types it: options, messages, a TCP line, the console and a clean stop. */
class SimCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(new ProtocolCatalog(List.of(new NativeModbusProtocol(), new PylontechProtocol(),
            new SeplosV2Protocol())), LinkLookup.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    private final CommandLine line = Main.commandLine(cli);
    private final SimCommand main = line.getSubcommands().get("sim").getCommand();

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sim";
        System.arraycopy(args, 0, all, 1, args.length);
        return line.execute(all);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void wrongOptionsGetOneLineAndExitTwo() {
        assertEquals(2, run(new String[] {"--packs", "17", "--pty"}));
        assertEquals("bmsw sim: --packs 17 is outside 1..16\n", err());
        err.reset();
        assertEquals(2, run(new String[] {"--packs", "2"}));
        assertEquals("bmsw sim: give exactly one of --serial <device>, --tcp <host:port> or --pty\n", err());
        err.reset();
        assertEquals(2, run(new String[] {"--tcp", "127.0.0.1:0", "--faults", "drop=1.5"}));
        assertEquals("bmsw sim: --faults: drop probability 1.5 is outside 0..1\n", err());
        err.reset();
        assertEquals(2, run(new String[] {"--tcp", "127.0.0.1:0", "--profile", "charge:50:2x"}));
        assertEquals("bmsw sim: duration '2x' needs a unit: s, m, h or d\n", err());
        err.reset();
        assertEquals(2, run(new String[] {"--pty", "--packs", "2", "--addresses", "3,3"}));
        assertEquals("bmsw sim: --addresses: 3 is given twice\n", err());
    }

    @Test
    void helpExplainsEveryOption() {
        assertEquals(0, run(new String[] {"--help"}));
        for (String option : new String[] {"--packs", "--cells", "--temps", "--protocol", "--serial", "--tcp", "--pty",
            "--baud", "--seed", "--speed", "--profile", "--faults", "--addresses", "--turnaround"}) {
            assertTrue(out().contains(option), option + " missing from --help");
        }
    }

    @Test
    void aProtocolWithoutADeviceSideIsNamed() {
        assertEquals(2, run(new String[] {"--pty", "--protocol", "nonesuch"}));
        assertEquals("bmsw sim: no device side for protocol 'nonesuch' (simulated: modbus-native, pylontech, "
                + "seplos-v2)\n", err());
    }

    @Test
    void theBenchmarkPrintsItsFigures() {
        assertEquals(0, run(new String[] {"--benchmark", "1", "--packs", "2", "--cells", "8", "--temps", "2"}));
        assertTrue(out().matches("(?s)bmsw sim: 1 h of 2 packs x 8 cells x 2 sensors \\(2 s steps, profile cycle\\) "
                + "in [0-9.]+ s: [0-9]+ x real time; [0-9]+ records stored, [0-9]+ cycles counted\n"), out());
    }

    @Test
    void servesRawRtuOverTcpUntilQuit() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String[] args = {"--tcp", "127.0.0.1:" + port, "--packs", "2", "--cells", "16", "--baud", "115200"};
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(args));
        for (int i = 0; i < 200 && !out().contains("ready"); i++) {
            Thread.sleep(20);
        }
        assertTrue(out().contains("bmsw sim: 2 packs at addresses 1..2, 16 cells, 4 sensors, LFP 100 Ah, modbus-native"
                + " on 127.0.0.1:" + port + " at 115200 baud 8N1"), out());
        Request request = new NativeModbusProtocol().requests(Command.ALARM_STATUS, 2).get(0);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            OutputStream o = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            o.write(request.frame());
            byte[] reply = in.readNBytes(5 + 120);
            assertEquals(2, reply[0], "answered by pack 2");
            assertEquals(4, reply[1]);
            assertEquals(120, reply[2] & 0xFF);
        }
        main.command("faults drop=0.5");
        assertTrue(out().contains("bmsw sim: faults drop=0.5"), out());
        main.command("profile 3 rest");
        assertTrue(out().contains("bmsw sim: no pack at address 3"), out());
        main.command("quit");
        assertEquals(0, exit.get(5, TimeUnit.SECONDS));
        assertTrue(err().contains("bmsw sim: stopped after"), err());
        assertTrue(err().contains("1 requests, 1 replies"), err());
    }
}
