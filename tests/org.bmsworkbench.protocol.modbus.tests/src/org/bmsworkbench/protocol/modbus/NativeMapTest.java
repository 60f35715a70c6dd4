package org.bmsworkbench.protocol.modbus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.junit.jupiter.api.Test;

/**
 * The native map against its own promises: a full 176-cell, 33-sensor pack in few reads, every parameter
 * and the clock written and read back through the same registers, every control, and the document.
 */
class NativeMapTest {

    private final ModbusProtocol p = new NativeModbusProtocol();
    private final RegisterMap map = RegisterMap.load("modbus-native");

    /** A device memory: what writes put in, reads take out. */
    private final Map<Integer, Integer> holding = new HashMap<>();

    private void apply(Request write) {
        byte[] f = write.frame();
        int start = ((f[2] & 0xFF) << 8) | (f[3] & 0xFF);
        int count = ((f[4] & 0xFF) << 8) | (f[5] & 0xFF);
        for (int i = 0; i < count; i++) {
            holding.put(start + i, ((f[7 + 2 * i] & 0xFF) << 8) | (f[8 + 2 * i] & 0xFF));
        }
    }

    private Reply readBack(Command command) throws ProtocolException {
        ParameterSet params = null;
        LocalDateTime clock = null;
        for (Request r : p.requests(command, 1)) {
            ModbusRequest m = (ModbusRequest) r;
            int[] regs = new int[m.count()];
            for (int i = 0; i < regs.length; i++) {
                regs[i] = holding.getOrDefault(m.start() + i, 0);
            }
            Reply reply = p.decode(r, ModbusFrames.readReply(1, m.function(), regs));
            if (reply.parameters() != null) {
                params = params == null ? reply.parameters() : merge(params, reply.parameters());
            }
            if (reply.clock() != null) {
                clock = reply.clock();
            }
        }
        return Reply.builder(command).parameters(params).clock(clock).build();
    }

    private static ParameterSet merge(ParameterSet a, ParameterSet b) {
        ParameterSet result = a;
        for (Map.Entry<String, Double> e : b.values().entrySet()) {
            result = result.withReadValue(e.getKey(), e.getValue());
        }
        return result;
    }

    @Test
    void aFullPackIsReadInFewReadsOfAtMost125Registers() throws ProtocolException {
        List<Request> analog = p.requests(Command.ANALOG, 1);
        int registers = 0;
        for (Request r : analog) {
            assertTrue(((ModbusRequest) r).count() <= 125, r::toString);
            registers += ((ModbusRequest) r).count();
        }
        assertTrue(registers >= 176 + 33, "the analog poll reads " + registers + " registers");
        assertTrue(analog.size() <= 6, "the analog poll takes " + analog.size() + " reads");
    }

    @Test
    void aFullPackDecodesWithEveryCellAndSensor() throws ProtocolException {
        PackSnapshot pack = null;
        for (Request r : p.requests(Command.ANALOG, 1)) {
            ModbusRequest m = (ModbusRequest) r;
            int[] regs = new int[m.count()];
            for (RegisterMap.Block b : map.blocks.values()) {
                fill(b, m, regs);
            }
            Reply reply = p.decode(r, ModbusFrames.readReply(1, m.function(), regs));
            for (PackSnapshot s : reply.packs()) {
                pack = pack == null ? s : pack.mergedWith(s);
            }
        }
        assertEquals(176, pack.cellCount());
        assertEquals(33, pack.temperatureCount());
        for (int i = 0; i < 176; i++) {
            assertEquals(3.2 + i / 1000.0, pack.cellVoltage(i), 1e-9, "cell " + (i + 1));
        }
        for (int i = 0; i < 33; i++) {
            assertEquals(20.0 + i / 10.0, pack.temperature(i), 1e-9, "T" + (i + 1));
        }
    }

    /** Puts cell i at 3200+i mV and T i at 20.0 + i/10 degC, and the counts at 176 and 33. */
    private static void fill(RegisterMap.Block b, ModbusRequest m, int[] regs) {
        if (b.function() != m.function()) {
            return;
        }
        for (RegisterMap.Field f : b.fields()) {
            for (int i = 0; i < f.count; i++) {
                int at = f.address + i - m.start();
                if (at < 0 || at >= regs.length) {
                    continue;
                }
                switch (f.target) {
                    case "cells" -> regs[at] = (int) Math.round((3.2 + i / 1000.0 - f.offset()) / f.scale());
                    case "temps" -> regs[at] = (int) Math.round((20.0 + i / 10.0 - f.offset()) / f.scale()) & 0xFFFF;
                    case "cellCount" -> regs[at] = 176;
                    case "tempCount" -> regs[at] = 33;
                    default -> {
                        // other fields stay 0
                    }
                }
            }
        }
    }

    @Test
    void everyParameterIsWrittenWithinItsRangeAndReadsBackTheSame() throws ProtocolException {
        List<ParameterDefinition> defs = p.parameterDefinitions();
        assertTrue(defs.size() >= 40, "the native map has " + defs.size() + " parameters");
        for (double where : new double[] { 0, 0.37, 1 }) {
            ParameterSet set = ParameterSet.of(defs);
            for (ParameterDefinition d : defs) {
                set = set.with(d.key(), d.minimum() + where * (d.maximum() - d.minimum()));
            }
            holding.clear();
            for (Request w : p.writeParameters(1, set)) {
                assertEquals(16, ((ModbusRequest) w).function());
                assertTrue(((ModbusRequest) w).count() <= ModbusProtocol.MAX_WRITE_REGISTERS);
                apply(w);
            }
            ParameterSet back = readBack(Command.GET_PARAMETERS).parameters();
            for (ParameterDefinition d : defs) {
                if (map.fields(3).stream().anyMatch(f -> f.parameter == d && f.writable())) {
                    assertEquals(set.value(d.key()), back.value(d.key()), d.resolution() / 2, d.key());
                }
            }
        }
    }

    @Test
    void aValueOutsideItsRangeIsNeverSent() {
        ParameterDefinition d = p.parameterDefinitions().stream().filter(x -> !x.isChoice()).findFirst().orElseThrow();
        ParameterSet set = ParameterSet.of(p.parameterDefinitions()).withReadValue(d.key(), d.maximum() + 1);
        ProtocolException e = assertThrows(ProtocolException.class, () -> p.writeParameters(1, set));
        assertEquals(Kind.UNSUPPORTED, e.error().kind());
        assertTrue(e.getMessage().startsWith(d.label() + ": "), e.getMessage());
    }

    @Test
    void theClockIsWrittenAndReadBack() throws ProtocolException {
        LocalDateTime t = LocalDateTime.of(2026, 11, 24, 9, 41, 7);
        for (Request w : p.setClock(1, t)) {
            apply(w);
        }
        assertEquals(t, readBack(Command.GET_CLOCK).clock());
    }

    @Test
    void everyControlActionHasAFrame() throws ProtocolException {
        for (ControlAction a : ControlAction.values()) {
            List<Request> frames = p.control(1, a);
            assertFalse(frames.isEmpty(), a::name);
            int function = ((ModbusRequest) frames.get(0)).function();
            assertTrue(function == 5 || function == 6, a + " uses function " + function);
        }
    }

    @Test
    void theDocumentDescribesEveryFieldOfTheMap() throws IOException {
        Path doc = findUp("docs/protocols/modbus-native.md");
        String text = Files.readString(doc).toUpperCase();
        for (RegisterMap.Block b : map.blocks.values()) {
            for (RegisterMap.Field f : b.fields()) {
                String address = String.format("0X%04X", f.address);
                assertTrue(text.contains(address) || text.contains(String.format("%04XH", f.address)),
                        () -> "the document does not mention " + f.target + " at " + address);
            }
        }
    }

    /** Example 10.1 of the document, decoded by the codec: the document and the map say the same. */
    @Test
    void theDocumentsSummaryExampleDecodesToWhatItSays() throws ProtocolException {
        Request r = p.requests(Command.ALARM_STATUS, 1).get(0);
        assertEquals("01 04 00 00 00 3C F0 1B", org.bmsworkbench.protocol.Hex.spaced(r.frame()));
        byte[] reply = org.bmsworkbench.protocol.Hex.parse("01 04 78 00 00 CF 84 FF FF CF C7 02 FD 03 D4 00 01 24 DA 00 01 7E D0 00 01 86 A0 00 7B 00 00 00 "
                + "00 CF 34 14 00 13 06 0C F8 0D 07 0C E4 00 0F 00 10 00 23 00 FD 01 05 00 F8 00 03 00 02 00 E7 01 "
                + "2A 00 10 00 04 00 00 00 01 86 A0 00 01 86 A0 00 01 E2 40 00 00 F6 EA 00 13 00 00 00 00 00 00 00 "
                + "00 00 00 00 53 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FC 74");
        PackSnapshot s = p.decode(r, reply).packs().get(0);
        assertEquals(53.124, s.get(org.bmsworkbench.model.Quantity.VOLTAGE), 1e-9);
        assertEquals(-12.345, s.get(org.bmsworkbench.model.Quantity.CURRENT), 1e-9);
        assertEquals(76.5, s.get(org.bmsworkbench.model.Quantity.SOC), 1e-9);
        assertEquals(98.0, s.get(org.bmsworkbench.model.Quantity.SOH), 1e-9);
        assertEquals(74.970, s.get(org.bmsworkbench.model.Quantity.REMAINING_CAPACITY), 1e-9);
        assertEquals(123, s.get(org.bmsworkbench.model.Quantity.CYCLES), 1e-9);
        assertEquals(5120, s.get(org.bmsworkbench.model.Quantity.INSULATION_POSITIVE), 1e-9);
        assertEquals(23.1, s.get(org.bmsworkbench.model.Quantity.ENVIRONMENT_TEMPERATURE), 1e-9);
        assertEquals(16, s.cellCount());
        assertEquals(4, s.temperatureCount());
        assertEquals(java.util.Set.of(org.bmsworkbench.model.PackFlag.CFET_ON, org.bmsworkbench.model.PackFlag.DFET_ON,
                org.bmsworkbench.model.PackFlag.DISCHARGING, org.bmsworkbench.model.PackFlag.CFET_ENABLED,
                org.bmsworkbench.model.PackFlag.DFET_ENABLED, org.bmsworkbench.model.PackFlag.LED_ENABLED,
                org.bmsworkbench.model.PackFlag.DORMANCY_ENABLED), s.flags());
    }

    @Test
    void cellsAboveTheFittedCountAreNotShownAsZeroVolts() throws ProtocolException {
        PackSnapshot merged = null;
        for (Request r : p.requests(Command.ANALOG, 1)) {
            ModbusRequest m = (ModbusRequest) r;
            int[] regs = new int[m.count()];
            for (int i = 0; i < regs.length; i++) {
                int address = m.start() + i;
                if (address >= 0x0100 && address < 0x0100 + 16) {
                    regs[i] = 3300;
                } else if (address >= 0x0200 && address < 0x0204) {
                    regs[i] = 250;
                } else if (address >= 0x0200 && address < 0x0221) {
                    regs[i] = 0x8000;
                }
            }
            PackSnapshot s = p.decode(r, ModbusFrames.readReply(1, 4, regs)).packs().get(0);
            merged = merged == null ? s : merged.mergedWith(s);
        }
        assertEquals(16, merged.cellCount());
        assertEquals(4, merged.temperatureCount());
    }

    /** Every example frame of the document has a right CRC, and every example request is one the codec reads. */
    @Test
    void theDocumentsExampleFramesAreWellFormed() throws IOException {
        List<String> lines = Files.readAllLines(findUp("docs/protocols/modbus-native.md"));
        java.util.regex.Pattern start = java.util.regex.Pattern.compile("\\s*(request|reply)[^:]*:\\s*([0-9A-F ]+)$");
        java.util.regex.Pattern more = java.util.regex.Pattern.compile("^\\s+[0-9A-F]{2}( [0-9A-F]{2})*\\s*$");
        List<String[]> frames = new java.util.ArrayList<>();
        StringBuilder current = null;
        String kind = null;
        for (String line : lines) {
            java.util.regex.Matcher m = start.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    frames.add(new String[] { kind, current.toString() });
                }
                kind = m.group(1);
                current = new StringBuilder(m.group(2));
            } else if (current != null && more.matcher(line).matches()) {
                current.append(' ').append(line.trim());
            } else if (current != null) {
                frames.add(new String[] { kind, current.toString() });
                current = null;
            }
        }
        assertTrue(frames.size() >= 30, "the document has " + frames.size() + " example frames");
        for (String[] f : frames) {
            byte[] bytes = org.bmsworkbench.protocol.Hex.parse(f[1]);
            assertTrue(Crc16.matches(bytes, 0, bytes.length), () -> "wrong CRC in the example " + f[1]);
            int function = bytes[1] & 0xFF;
            boolean supported = function >= 1 && function <= 6 || function == 15 || function == 16;
            // 10.31 shows the reply to an unsupported function on purpose.
            if (f[0].equals("request") && supported) {
                assertDoesNotThrow(() -> p.parseRequest(bytes), f[1]);
            }
        }
    }

    @Test
    void coilsAreWrittenTogetherAndAcknowledged() throws ProtocolException {
        Request w = p.writeCoils(Command.CONTROL, 1, 0x0000, new boolean[] { true, false, true });
        assertEquals("01 0F 00 00 00 03 01 05", org.bmsworkbench.protocol.Hex.spaced(w.frame()).substring(0, 23));
        byte[] ack = Crc16.append(new byte[] { 1, 15, 0, 0, 0, 3 });
        assertEquals(Boolean.TRUE, p.decode(w, ack).details().get("acknowledged"));
        byte[] wrongAck = Crc16.append(new byte[] { 1, 15, 0, 0, 0, 2 });
        assertEquals(Kind.BAD_PAYLOAD, assertThrows(ProtocolException.class, () -> p.decode(w, wrongAck)).error().kind());
        assertThrows(ProtocolException.class, () -> p.writeCoils(Command.CONTROL, 1, 0x0100, new boolean[] { true }));
        assertEquals(Command.RAW, p.parseRequest(w.frame()).command());
    }

    private static Path findUp(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
