package org.bmsworkbench.cli.checkbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.cli.Main;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.SerialLinkProvider;
import org.bmsworkbench.connection.TcpLinkProvider;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.protocol.ydt1363.PylontechProtocol;
import org.bmsworkbench.sim.link.SimLinkProvider;
import org.junit.jupiter.api.Test;

/** ./bmsw --bus refuses a spec the workbench cannot open with one line and status 2, before a window opens. */
class CheckBusCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(new ProtocolCatalog(List.of(new NativeModbusProtocol(), new PylontechProtocol())),
            LinkLookup.of(new SerialLinkProvider(), new TcpLinkProvider(), new SimLinkProvider()),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private int check(String spec) {
        return Main.run(cli, "check-bus", spec);
    }

    private String refusal(String spec) {
        err.reset();
        assertEquals(2, check(spec), spec);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        return text.strip();
    }

    @Test
    void refusesWhatTheWorkbenchCannotOpenInOneLine() {
        assertEquals("bmsw: --bus sim:4,packs=0: pack quantity 0 is outside 1..16", refusal("sim:4,packs=0"));
        assertEquals("bmsw: --bus serial:/dev/ttyUSB0,packs=17: pack quantity 17 is outside 1..16",
                refusal("serial:/dev/ttyUSB0,packs=17"));
        assertEquals("bmsw: --bus tcp:gateway: gateway 'gateway': host:port, e.g. 192.168.1.200:4196",
                refusal("tcp:gateway"));
        assertEquals("bmsw: --bus can:can0: bus 'can:can0': sim, serial:<port> or tcp:<host>:<port>",
                refusal("can:can0"));
        assertEquals("bmsw: --bus sim:2,protocol=canbus: no protocol 'canbus' (known: modbus-native, pylontech)",
                refusal("sim:2,protocol=canbus"));
    }

    @Test
    void acceptsWhatItCanOpenSilently() {
        for (String spec : List.of("sim", "sim:16,cells=176,temps=33", "none",
                "serial:/dev/pts/1,baud=9600,protocol=pylontech,packs=4", "tcp:192.168.1.200:4196,addresses=1-8")) {
            assertEquals(0, check(spec), spec + ": " + err);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
