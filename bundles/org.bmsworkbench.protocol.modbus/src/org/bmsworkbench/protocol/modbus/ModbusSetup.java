package org.bmsworkbench.protocol.modbus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.modbus.RegisterMap.Field;
import org.bmsworkbench.protocol.setup.CalibrationReading;
import org.bmsworkbench.protocol.setup.CalibrationReset;
import org.bmsworkbench.protocol.setup.Capacity;
import org.bmsworkbench.protocol.setup.DeviceSetup;
import org.bmsworkbench.protocol.setup.FirmwareCommand;
import org.bmsworkbench.protocol.setup.FirmwareState;

/**
 * System configuration, calibration and firmware transfer of a register map that declares them (the native
 * map's sections 8.5, 8.7, 8.8 and 8.10), found by their map targets so another map offering the same targets
 * gets them too.
 */
final class ModbusSetup implements DeviceSetup {

    private static final List<String> REQUIRED = List.of("raw.fullCapacity", "raw.remainingCapacity", "raw.cycleCount",
            "raw.calibrationVoltage", "raw.calibrationCurrent", "raw.calibrationSensor", "raw.calibrationTemperature",
            "raw.calibrationReset", "raw.calibrationStatus", "firmware.imageSize", "firmware.imageCrc",
            "firmware.command", "firmware.status", "firmware.error", "firmware.blockSize", "firmware.nextBlock",
            "firmware.blockNumber", "firmware.data");
    private static final int TEXT_CHARS = 30;
    private static final int BLOCK = 128;
    /** The native board's standby area (section 8.10: image size 1..max image); 1 MiB. */
    private static final long MAX_IMAGE = 1 << 20;
    private static final double MAX_FULL_AH = 4000;
    private static final double MIN_FULL_AH = 1;

    private final ModbusProtocol protocol;
    private final Map<String, Field> byTarget;

    private ModbusSetup(ModbusProtocol protocol, Map<String, Field> byTarget) {
        this.protocol = protocol;
        this.byTarget = byTarget;
    }

    /** The setup of a map that declares every target needed, else empty. */
    static Optional<DeviceSetup> of(ModbusProtocol protocol, RegisterMap map) {
        Map<String, Field> byTarget = new HashMap<>();
        for (Field f : map.fields(3)) {
            byTarget.putIfAbsent(f.target, f);
        }
        for (String t : REQUIRED) {
            if (!byTarget.containsKey(t)) {
                return Optional.empty();
            }
        }
        return Optional.of(new ModbusSetup(protocol, byTarget));
    }

    private Field field(String target) {
        return byTarget.get(target);
    }

    @Override
    public List<String> writableTexts() {
        List<String> names = new ArrayList<>();
        for (Field f : byTarget.values()) {
            if (f.target.startsWith("text.") && f.type.startsWith("str") && f.writable()) {
                names.add(f.target.substring(5));
            }
        }
        // the page's order: product information, then production information
        List<String> order = List.of("manufacturer", "model", "productVersion", "batteryType", "serialNumber",
                "remarks", "barCode");
        names.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)));
        return names;
    }

    private static int rank(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    }

    @Override
    public int textLength() {
        return TEXT_CHARS;
    }

    // --- capacity --------------------------------------------------------------------------------------------

    /** One read of the registers from the first target's to the end of the last's. */
    private List<Request> readSpan(int address, String first, String last) throws ProtocolException {
        int from = field(first).address;
        return List.of(protocol.read(Command.RAW, address, 3, from, field(last).end() - from));
    }

    @Override
    public List<Request> readCapacity(int address) throws ProtocolException {
        return readSpan(address, "raw.fullCapacity", "raw.cycleCount");
    }

    @Override
    public Capacity capacity(Reply reply) throws ProtocolException {
        return new Capacity(number(reply, "raw.fullCapacity") / 1000.0, number(reply, "raw.remainingCapacity") / 1000.0,
                (int) number(reply, "raw.cycleCount"));
    }

    @Override
    public List<Request> writeCapacity(int address, Double fullAh, Double residualAh, Integer cycles)
            throws ProtocolException {
        if (fullAh == null && residualAh == null && cycles == null) {
            throw new ProtocolException(Kind.UNSUPPORTED, "nothing to write");
        }
        List<Request> requests = new ArrayList<>();
        if (fullAh != null || residualAh != null) {
            if (fullAh != null && !(fullAh >= MIN_FULL_AH && fullAh <= MAX_FULL_AH)) {
                throw new ProtocolException(Kind.UNSUPPORTED, String.format(java.util.Locale.ROOT,
                        "full capacity %s Ah is outside %.0f..%.0f Ah", fullAh, MIN_FULL_AH, MAX_FULL_AH));
            }
            if (residualAh != null && !(residualAh >= 0 && residualAh <= MAX_FULL_AH)) {
                throw new ProtocolException(Kind.UNSUPPORTED, "residual capacity " + residualAh + " Ah is outside 0.."
                        + (int) MAX_FULL_AH + " Ah");
            }
            if (fullAh != null && residualAh != null && residualAh > fullAh) {
                throw new ProtocolException(Kind.UNSUPPORTED, "residual capacity " + residualAh
                        + " Ah is above the full capacity " + fullAh + " Ah");
            }
            Map<Integer, Integer> registers = new HashMap<>();
            if (fullAh != null) {
                put32(registers, field("raw.fullCapacity").address, Math.round(fullAh * 1000));
            }
            if (residualAh != null) {
                put32(registers, field("raw.remainingCapacity").address, Math.round(residualAh * 1000));
            }
            requests.addAll(writeMap(Command.RAW, address, registers));
        }
        if (cycles != null) {
            if (cycles < 0 || cycles > 0xFFFF) {
                throw new ProtocolException(Kind.UNSUPPORTED, "cycle count " + cycles + " is outside 0..65535");
            }
            requests.add(protocol.writeRegister(Command.RAW, address, field("raw.cycleCount").address, cycles));
        }
        return requests;
    }

    private List<Request> writeMap(Command command, int address, Map<Integer, Integer> registers)
            throws ProtocolException {
        int start = registers.keySet().stream().min(Integer::compare).orElseThrow();
        int end = registers.keySet().stream().max(Integer::compare).orElseThrow();
        if (end - start + 1 != registers.size()) {
            // not contiguous: one frame per run
            List<Request> out = new ArrayList<>();
            List<Integer> keys = new ArrayList<>(registers.keySet());
            keys.sort(Integer::compare);
            int i = 0;
            while (i < keys.size()) {
                int j = i;
                while (j + 1 < keys.size() && keys.get(j + 1) == keys.get(j) + 1) {
                    j++;
                }
                int[] values = new int[j - i + 1];
                for (int k = i; k <= j; k++) {
                    values[k - i] = registers.get(keys.get(k));
                }
                out.addAll(protocol.writeRegisters(command, address, keys.get(i), values));
                i = j + 1;
            }
            return out;
        }
        int[] values = new int[registers.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = registers.get(start + k);
        }
        return protocol.writeRegisters(command, address, start, values);
    }

    private static void put32(Map<Integer, Integer> registers, int at, long value) {
        registers.put(at, (int) ((value >> 16) & 0xFFFF));
        registers.put(at + 1, (int) (value & 0xFFFF));
    }

    // --- texts -----------------------------------------------------------------------------------------------

    @Override
    public List<Request> writeText(int address, String name, String value) throws ProtocolException {
        Field f = field("text." + name);
        if (f == null || !f.writable() || !f.type.startsWith("str")) {
            throw new ProtocolException(Kind.UNSUPPORTED, "'" + name + "' is not a writable text");
        }
        String problem = textProblem(value, Integer.parseInt(f.type.substring(3)));
        if (problem != null) {
            throw new ProtocolException(Kind.UNSUPPORTED, problem);
        }
        int chars = Integer.parseInt(f.type.substring(3));
        byte[] bytes = new byte[chars + chars % 2];
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, 0, text.length);
        int[] registers = new int[bytes.length / 2];
        for (int i = 0; i < registers.length; i++) {
            registers[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        return protocol.writeRegisters(Command.RAW, address, f.address, registers);
    }

    /** Why a text cannot be written, or {@code null}: at most {@code max} printable ASCII characters. */
    static String textProblem(String value, int max) {
        if (value == null) {
            return "the text is missing";
        }
        if (value.length() > max) {
            return value.length() + " characters; at most " + max + " fit";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return String.format("character %d ('%s', U+%04X) is not printable ASCII", i + 1,
                        Character.isISOControl(c) ? "?" : String.valueOf(c), (int) c);
            }
        }
        return null;
    }

    // --- calibration -----------------------------------------------------------------------------------------

    @Override
    public List<Request> readCalibration(int address) throws ProtocolException {
        return readSpan(address, "raw.calibrationVoltage", "raw.calibrationStatus");
    }

    @Override
    public CalibrationReading calibration(Reply reply) throws ProtocolException {
        long rawTemp = number(reply, "raw.calibrationTemperature");
        double celsius = rawTemp == (short) 0x8000 || rawTemp == 0x8000 ? Double.NaN : (short) rawTemp / 10.0;
        return new CalibrationReading(number(reply, "raw.calibrationVoltage") / 1000.0,
                (int) number(reply, "raw.calibrationCurrent") / 1000.0, (int) number(reply, "raw.calibrationSensor"),
                celsius, (int) number(reply, "raw.calibrationStatus"));
    }

    @Override
    public List<Request> calibrateVoltage(int address, double volts) throws ProtocolException {
        if (!(volts > 0 && volts <= 1000)) {
            throw new ProtocolException(Kind.UNSUPPORTED, "a pack voltage of " + volts + " V cannot be true");
        }
        long mv = Math.round(volts * 1000);
        return protocol.writeRegisters(Command.CALIBRATE, address, field("raw.calibrationVoltage").address,
                new int[] { (int) (mv >> 16), (int) (mv & 0xFFFF) });
    }

    @Override
    public List<Request> calibrateCurrentZero(int address) throws ProtocolException {
        return protocol.writeRegisters(Command.CALIBRATE, address, field("raw.calibrationCurrent").address,
                new int[] { 0, 0 });
    }

    @Override
    public List<Request> calibrateTemperature(int address, int sensor, double celsius) throws ProtocolException {
        checkSensor(sensor);
        if (!(celsius >= -40 && celsius <= 125)) {
            throw new ProtocolException(Kind.UNSUPPORTED, "a temperature of " + celsius + " °C is outside -40..125 °C");
        }
        Field select = field("raw.calibrationSensor");
        Field value = field("raw.calibrationTemperature");
        if (value.address != select.end()) {
            throw new ProtocolException(Kind.UNSUPPORTED, "the map does not put the temperature after the sensor");
        }
        int tenths = (int) Math.round(celsius * 10);
        return protocol.writeRegisters(Command.CALIBRATE, address, select.address,
                new int[] { sensor, tenths & 0xFFFF });
    }

    private static void checkSensor(int sensor) throws ProtocolException {
        if (sensor < 1 || sensor > CalibrationReading.SENSOR_MOSFET) {
            throw new ProtocolException(Kind.UNSUPPORTED, "sensor " + sensor + " is outside 1..35");
        }
    }

    @Override
    public List<Request> selectSensor(int address, int sensor) throws ProtocolException {
        checkSensor(sensor);
        return List.of(protocol.writeRegister(Command.CALIBRATE, address, field("raw.calibrationSensor").address,
                sensor));
    }

    @Override
    public List<Request> resetCalibration(int address, CalibrationReset what, int sensor) throws ProtocolException {
        int reset = field("raw.calibrationReset").address;
        List<Request> requests = new ArrayList<>();
        if (what == CalibrationReset.SENSOR) {
            requests.addAll(selectSensor(address, sensor));
        }
        requests.add(protocol.writeRegister(Command.CALIBRATE, address, reset, what.ordinal() + 1));
        return requests;
    }

    // --- firmware ----------------------------------------------------------------------------------------------

    @Override
    public int firmwareBlockSize() {
        return BLOCK;
    }

    @Override
    public long firmwareMaxSize() {
        return MAX_IMAGE;
    }

    @Override
    public List<Request> readFirmware(int address) throws ProtocolException {
        return readSpan(address, "firmware.imageSize", "firmware.nextBlock");
    }

    @Override
    public FirmwareState firmware(Reply reply) throws ProtocolException {
        int status = (int) number(reply, "firmware.status");
        if (status < 0 || status > 7) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "firmware status " + status + " is not 0..7");
        }
        return new FirmwareState(FirmwareState.Status.of(status), (int) number(reply, "firmware.error"),
                (int) number(reply, "firmware.blockSize"), (int) number(reply, "firmware.nextBlock"),
                number(reply, "firmware.imageSize"), number(reply, "firmware.imageCrc"));
    }

    @Override
    public List<Request> firmwareStart(int address, long size, long crc32) throws ProtocolException {
        if (size < 1 || size > MAX_IMAGE) {
            throw new ProtocolException(Kind.UNSUPPORTED, "an image of " + size + " bytes is outside 1.." + MAX_IMAGE);
        }
        if (crc32 < 0 || crc32 > 0xFFFFFFFFL) {
            throw new ProtocolException(Kind.UNSUPPORTED, "CRC-32 " + crc32 + " is not 32 bits");
        }
        Field sizeField = field("firmware.imageSize");
        Field command = field("firmware.command");
        if (command.address != sizeField.address + 4) {
            throw new ProtocolException(Kind.UNSUPPORTED, "the map does not put the command after size and CRC");
        }
        return protocol.writeRegisters(Command.FIRMWARE, address, sizeField.address, new int[] {
            (int) (size >> 16), (int) (size & 0xFFFF), (int) (crc32 >> 16), (int) (crc32 & 0xFFFF), 1 });
    }

    @Override
    public List<Request> firmwareBlock(int address, int number, byte[] block) throws ProtocolException {
        if (block.length != BLOCK) {
            throw new ProtocolException(Kind.UNSUPPORTED, "a block has " + BLOCK + " bytes, not " + block.length);
        }
        if (number < 0 || number > 0xFFFF) {
            throw new ProtocolException(Kind.UNSUPPORTED, "block " + number + " is outside 0..65535");
        }
        int[] registers = new int[1 + BLOCK / 2];
        registers[0] = number;
        for (int i = 0; i < BLOCK / 2; i++) {
            registers[1 + i] = (block[2 * i] & 0xFF) << 8 | block[2 * i + 1] & 0xFF;
        }
        return protocol.writeRegisters(Command.FIRMWARE, address, field("firmware.blockNumber").address, registers);
    }

    @Override
    public List<Request> firmwareCommand(int address, FirmwareCommand command) throws ProtocolException {
        int code = switch (command) {
            case FINISH -> 2;
            case ACTIVATE -> 3;
            case ABORT -> 4;
        };
        return List.of(protocol.writeRegister(Command.FIRMWARE, address, field("firmware.command").address, code));
    }

    private static long number(Reply reply, String name) throws ProtocolException {
        Object v = reply.details().get(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new ProtocolException(Kind.BAD_PAYLOAD, "the reply has no " + name);
    }
}
