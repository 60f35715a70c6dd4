package org.bmsworkbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.SerialLinkProvider;
import org.bmsworkbench.connection.TcpLinkProvider;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.protocol.ydt1363.PylontechProtocol;
import org.bmsworkbench.sim.link.SimLinkProvider;

/** One run of a {@code bmsw} command in this JVM, with what it printed: the tests' way to run the command line. */
public record CliRun(int status, String out, String err) {

    /** The catalogs most tests use: modbus-native and pylontech; serial, TCP and simulated links. */
    public static CliRun of(String... args) {
        return with(List.of(new NativeModbusProtocol(), new PylontechProtocol()), args);
    }

    public static CliRun with(List<BmsProtocol> protocols, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new ProtocolCatalog(protocols),
                LinkLookup.of(new SerialLinkProvider(), new TcpLinkProvider(), new SimLinkProvider()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = Main.run(cli, args);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
