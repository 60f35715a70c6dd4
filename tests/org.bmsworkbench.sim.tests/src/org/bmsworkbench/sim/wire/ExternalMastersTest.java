package org.bmsworkbench.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.SimPack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator on one end of a socat pty pair, read from the other end by two Modbus masters nobody here
 * wrote: mbpoll (libmodbus) and Debian's python3-pymodbus. Their values must be those of the register map in
 * docs/protocols/modbus-native.md. The packs are not ticking, so every read sees the same measurement.
 */
class ExternalMastersTest {

    private static final int BAUD = 115200;
    private static Process socat;
    private static Path dir;
    private static Path host;
    private static SimBus bus;
    private static SimLine line;

    @BeforeAll
    static void startSimulatorOnAPty() throws Exception {
        for (String tool : List.of("socat", "mbpoll")) {
            if (run(List.of("sh", "-c", "command -v " + tool), 5).exit != 0) {
                fail(tool + " is not installed: apt-get install socat mbpoll python3-pymodbus python3-serial-asyncio"
                        + " (.ci/run does this)");
            }
        }
        dir = Files.createTempDirectory("bmsw-pty-");
        Path device = dir.resolve("device");
        host = dir.resolve("host");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 200 && !(Files.exists(device) && Files.exists(host)); i++) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(host), "socat made no pty pair");
        BmsProtocol protocol = new NativeModbusProtocol();
        bus = new SimBus(List.of(PackSpec.typical(1, 176, 33), PackSpec.typical(2, 16, 4)),
                protocol.parameterDefinitions(), 5, LocalDateTime.of(2026, 11, 24, 9, 30, 0), 1);
        bus.pack(1).setProfile(org.bmsworkbench.sim.CurrentProfile.constant(-42));
        bus.advance(30);
        line = new SimLine(bus, protocol.deviceCodec().orElseThrow(), new SerialEndpoint(device),
                new LineTiming(BAUD, 10, 5), new Faults(1), m -> { });
        line.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (line != null) {
            line.close();
        }
        if (socat != null) {
            socat.destroy();
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** mbpoll, one poll: {@code type} 0 coils, 3 input registers, 4 holding registers; 0-based references. */
    static List<Integer> mbpoll(int slave, int type, int start, int count) throws Exception {
        Result r = run(List.of("mbpoll", "-m", "rtu", "-a", Integer.toString(slave), "-b", Integer.toString(BAUD),
                "-P", "none", "-t", Integer.toString(type), "-r", Integer.toString(start), "-c",
                Integer.toString(count), "-0", "-1", "-o", "2", host.toString()), 20);
        assertEquals(0, r.exit(), "mbpoll failed:\n" + r.output());
        List<Integer> values = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\[(\\d+)\\]:\\s+(-?\\d+)").matcher(r.output());
        int expected = start;
        while (m.find()) {
            assertEquals(expected++, Integer.parseInt(m.group(1)), "mbpoll's reference numbers");
            values.add(Integer.parseInt(m.group(2)) & 0xFFFF);
        }
        assertEquals(count, values.size(), "values in:\n" + r.output());
        return values;
    }

    @Test
    void mbpollReadsThe176CellsAndSensorsAsTheMapSays() throws Exception {
        PackSnapshot s = bus.pack(1).snapshot();
        List<Integer> cells = new ArrayList<>(mbpoll(1, 3, 0x0100, 125));
        cells.addAll(mbpoll(1, 3, 0x017D, 51));
        for (int i = 0; i < 176; i++) {
            assertEquals(Math.round(s.cellVoltage(i) * 1000), (long) cells.get(i), "cell " + (i + 1) + " in mV");
        }
        List<Integer> temps = mbpoll(1, 3, 0x0200, 33);
        for (int j = 0; j < 33; j++) {
            assertEquals(Math.round(s.temperature(j) * 10), (short) (int) temps.get(j), "T" + (j + 1) + " in 0.1 °C");
        }
        List<Integer> summary = mbpoll(1, 3, 0x0000, 60);
        assertEquals(Math.round(s.get(Quantity.VOLTAGE) * 1000), (long) summary.get(0) << 16 | summary.get(1));
        assertEquals(Math.round(s.get(Quantity.CURRENT) * 1000), summary.get(2) << 16 | summary.get(3),
                "s32 current in mA, high word first");
        assertEquals(Math.round(s.get(Quantity.SOC) * 10), (long) summary.get(4));
        assertEquals(Math.round(s.get(Quantity.MAX_CELL_VOLTAGE) * 1000), (long) summary.get(0x13));
        assertEquals(176, summary.get(0x1F), "cells fitted");
        assertEquals(33, summary.get(0x20), "sensors fitted");
        int system = summary.get(0x2A);
        assertEquals(s.hasFlag(PackFlag.DFET_ON), (system & 2) != 0);
        assertEquals(1, (system >> 4) & 1, "bit 4: discharging at 42 A");
    }

    @Test
    void mbpollReadsParametersAndCoilsOfASecondPack() throws Exception {
        SimPack pack = bus.pack(2);
        List<Integer> params = mbpoll(2, 4, 0x1000, 68);
        assertEquals(16, params.get(1), "battery node number");
        assertEquals(Math.round(pack.parameter("cellHighVoltageAlarm") * 1000), (long) params.get(9));
        assertEquals(Math.round(pack.parameter("packHighVoltageAlarm") * 1000),
                (long) params.get(0x14) << 16 | params.get(0x15));
        List<Integer> coils = mbpoll(2, 0, 0, 7);
        assertEquals(List.of(1, 1, 0, 0, 0, 0, 0), coils, "CFET and DFET on, nothing else");
    }

    @Test
    void pymodbusReadsTheSameValues() throws Exception {
        Path script = dir.resolve("read.py");
        Files.writeString(script, """
                import sys
                from pymodbus.client import ModbusSerialClient
                c = ModbusSerialClient(port=sys.argv[1], baudrate=int(sys.argv[2]), bytesize=8, parity='N',
                                       stopbits=1, timeout=2, method='rtu')
                if not c.connect():
                    sys.exit('cannot open ' + sys.argv[1])
                def regs(r):
                    if r.isError():
                        sys.exit('error: ' + str(r))
                    return r.registers
                s = regs(c.read_input_registers(0x0000, 60, slave=1))
                cells = regs(c.read_input_registers(0x0100, 125, slave=1)) + regs(c.read_input_registers(0x017D, 51, slave=1))
                clock = regs(c.read_holding_registers(0x1300, 6, slave=1))
                barcode = regs(c.read_holding_registers(0x1480, 15, slave=1))
                text = b''.join(bytes([w >> 8, w & 0xFF]) for w in barcode).rstrip(b'\\0').decode('ascii')
                print('voltage', ((s[0] << 16) | s[1]) / 1000)
                print('soc', s[4] / 10)
                print('cells', len([v for v in cells if v not in (0, 0xFFFF)]))
                print('cell1', cells[0])
                print('cell176', cells[175])
                print('clock %04d-%02d-%02dT%02d:%02d:%02d' % tuple(clock))
                print('barcode', text)
                c.close()
                """);
        Result r = run(List.of("/usr/bin/python3", script.toString(), host.toString(), Integer.toString(BAUD)), 60);
        assertEquals(0, r.exit(), "pymodbus failed:\n" + r.output());
        SimPack pack = bus.pack(1);
        PackSnapshot s = pack.snapshot();
        String out = r.output();
        assertTrue(out.contains("voltage " + (Math.round(s.get(Quantity.VOLTAGE) * 1000) / 1000.0)), out);
        assertTrue(out.contains("soc " + s.get(Quantity.SOC)), out);
        assertTrue(out.contains("cells 176"), out);
        assertTrue(out.contains("cell1 " + Math.round(s.cellVoltage(0) * 1000) + "\n"), out);
        assertTrue(out.contains("cell176 " + Math.round(s.cellVoltage(175) * 1000) + "\n"), out);
        assertTrue(out.contains("clock " + pack.clock()), out);
        assertTrue(out.contains("barcode " + pack.text("barCode")), out);
    }
}
