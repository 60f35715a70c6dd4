package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.wire.Faults;
import org.bmsworkbench.sim.wire.LineTiming;
import org.bmsworkbench.sim.wire.SerialEndpoint;
import org.bmsworkbench.sim.wire.SimLine;
import org.bmsworkbench.sim.wire.TcpEndpoint;
import org.junit.jupiter.api.Test;

/** A serial port opened through jSerialComm on a socat pty, and a TCP gateway, each with the simulator behind. */
class PortsTest {

    private final BmsProtocol protocol = new NativeModbusProtocol();

    private SimBus bus() {
        SimBus bus = new SimBus(List.of(PackSpec.typical(1, 176, 33)), protocol.parameterDefinitions(), 4,
                LocalDateTime.of(2026, 7, 1, 0, 0), 1);
        bus.advance(5);
        return bus;
    }

    private PackSnapshot readCells(Port port, int baud) throws Exception {
        TransactionRunner runner = new TransactionRunner(port, baud, 10);
        PackSnapshot merged = null;
        for (Request r : protocol.requests(Command.ANALOG, 1)) {
            Outcome o = runner.run(protocol, r, 1000, 1);
            assertTrue(o.ok(), "no reply to " + r + ": " + o.errors());
            merged = merged == null ? o.reply().packs().get(0) : merged.mergedWith(o.reply().packs().get(0));
        }
        return merged;
    }

    private static void check(SimBus bus, PackSnapshot read) {
        PackSnapshot board = bus.pack(1).snapshot();
        assertEquals(176, read.cellCount());
        for (int i = 0; i < 176; i++) {
            assertEquals(board.cellVoltage(i), read.cellVoltage(i), 0.0005, "cell " + (i + 1));
        }
    }

    /** A socat pty pair in a temporary folder: the simulator takes {@code device}, the host opens {@code host}. */
    private record PtyPair(Path dir, Path device, Path host, Process socat) implements AutoCloseable {

        static PtyPair open() throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("bmsw-ports-");
            Path device = dir.resolve("device");
            Path host = dir.resolve("host");
            Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 200 && !(Files.exists(device) && Files.exists(host)); i++) {
                Thread.sleep(10);
            }
            return new PtyPair(dir, device, host, socat);
        }

        @Override
        public void close() throws IOException {
            socat.destroy();
            Files.deleteIfExists(device);
            Files.deleteIfExists(host);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void jSerialCommOpensAPtyAndTheSimulatorAnswersThroughIt() throws Exception {
        try (PtyPair pty = PtyPair.open(); SimBus bus = bus();
                SimLine line = new SimLine(bus, protocol.deviceCodec().orElseThrow(), new SerialEndpoint(pty.device()),
                        new LineTiming(115200, 10, 2), new Faults(1), m -> { });
                Port port = Ports.serial(pty.host().toRealPath().toString(), 115200, 8, 'N', 1)) {
            line.start();
            check(bus, readCells(port, 115200));
        }
    }

    @Test
    void aSerialPortWhoseDeviceFileVanishesFailsLoudly() throws Exception {
        // socat stays up: only the link goes, as a pulled adapter's /dev/serial/by-id link does
        try (PtyPair pty = PtyPair.open(); Port port = Ports.serial(pty.host().toString(), 115200, 8, 'N', 1)) {
            assertEquals(0, port.in().available());
            Files.delete(pty.host());
            IOException lost = null;
            long end = System.nanoTime() + 5_000_000_000L;
            while (lost == null && System.nanoTime() < end) {
                try {
                    port.in().available();
                    Thread.sleep(20);
                } catch (IOException e) {
                    lost = e;
                }
            }
            assertTrue(lost != null, "the port went on saying 'nothing yet' with its device file gone");
            assertEquals(pty.host() + ": the device " + pty.host() + " is gone", lost.getMessage());
            assertThrows(IOException.class, () -> port.out().write(1), "the port stays lost");
        }
    }

    @Test
    void aTcpGatewayCarriesTheSameBytes() throws Exception {
        try (SimBus bus = bus()) {
            TcpEndpoint endpoint = new TcpEndpoint("127.0.0.1", 0);
            try (SimLine line = new SimLine(bus, protocol.deviceCodec().orElseThrow(), endpoint,
                    LineTiming.none(), new Faults(1), m -> { })) {
                line.start();
                try (Port port = Ports.tcp("127.0.0.1", endpoint.port(), 2000)) {
                    check(bus, readCells(port, 0));
                }
            }
        }
    }

    @Test
    void aMissingPortOrGatewaySaysSoInOneLine() throws IOException {
        IOException serial = assertThrows(IOException.class, () -> Ports.serial("/dev/nonesuch", 9600, 8, 'N', 1));
        assertTrue(serial.getMessage().startsWith("cannot open serial port /dev/nonesuch"), serial.getMessage());
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        IOException tcp = assertThrows(IOException.class, () -> Ports.tcp("127.0.0.1", free, 500));
        assertTrue(tcp.getMessage().startsWith("cannot reach the gateway 127.0.0.1:" + free), tcp.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ports.serial("/dev/ttyS0", 9600, 8, 'X', 1));
    }
}
