package org.bmsworkbench.protocol.jbdup;

import java.util.List;
import java.util.Optional;
import java.util.function.DoubleToIntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.modbus.Crc16;

/**
 * The board side of the UP series, for the simulator. Every board answers the pack status and the SOC and totals
 * blocks; the pack and product information come only from the board at the port's end of the line (the lowest
 * address on the bus), the others stay silent on them, as the public driver reports of real RS485 ports. A UP16S
 * has at most 16 cells and 4 cell sensors, so a larger simulated pack is served as its first 16 cells and 4
 * sensors. Writes, the master's pack poll and unknown blocks get no answer: we do not know what a real board
 * says to them.
 */
final class UpDeviceCodec implements DeviceCodec {

    static final int MAX_CELLS = 16;
    static final int MAX_SENSORS = 4;

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    @Override
    public int scan(byte[] buffer, int length) {
        if (length < 2) {
            return 0;
        }
        if (!UpFrames.isFunction(buffer[1] & 0xFF)) {
            return -1;
        }
        if (length < UpFrames.HEADER) {
            return 0;
        }
        int need = UpFrames.frameLength(buffer, 0);
        if (need < 0) {
            return -1;
        }
        if (length < need) {
            return 0;
        }
        // a damaged frame is dropped a byte at a time, so a request behind it is still found
        return Crc16.matches(buffer, 0, need) ? need : -1;
    }

    @Override
    public int addressOf(byte[] request) {
        return request.length >= UpFrames.OVERHEAD && UpFrames.isFunction(request[1] & 0xFF) ? request[0] & 0xFF : -1;
    }

    @Override
    public Optional<byte[]> answer(byte[] request, DeviceBus bus) {
        if (scan(request, request.length) != request.length || (request[1] & 0xFF) != UpFrames.READ
                || request.length != UpFrames.OVERHEAD) {
            return Optional.empty();
        }
        int address = request[0] & 0xFF;
        Board board = bus.board(address);
        Optional<UpBlock> block = UpBlock.of(UpFrames.u16(request, 2), UpFrames.u16(request, 4));
        if (board == null || block.isEmpty()) {
            return Optional.empty();
        }
        UpBlock b = block.get();
        byte[] payload = switch (b) {
            case PACK_STATUS -> packStatus(board);
            case TOTALS -> totals(board.snapshot());
            case PACK_INFO -> atPort(board, bus) ? packInfo(board) : null;
            case PRODUCT_INFO -> atPort(board, bus) ? productInfo(board) : null;
        };
        return payload == null ? Optional.empty()
                : Optional.of(UpFrames.frame(address, UpFrames.READ, b.start, b.end, payload));
    }

    @Override
    public Optional<byte[]> readdressed(byte[] reply, int address) {
        if (reply.length < UpFrames.OVERHEAD) {
            return Optional.empty();
        }
        byte[] body = java.util.Arrays.copyOf(reply, reply.length - 2);
        body[0] = (byte) address;
        return Optional.of(Crc16.append(body));
    }

    private static boolean atPort(Board board, DeviceBus bus) {
        List<Board> boards = bus.boards();
        return !boards.isEmpty() && boards.get(0).address() == board.address();
    }

    static byte[] packStatus(Board board) {
        PackSnapshot s = board.snapshot();
        int cells = Math.min(MAX_CELLS, s.cellCount());
        int sensors = Math.min(MAX_SENSORS, s.temperatureCount());
        int sensorsAt = JbdUpProtocol.STATUS_FIXED + 2 + 2 * cells;
        int tailAt = sensorsAt + 2 + 2 * sensors;
        byte[] d = new byte[tailAt + JbdUpProtocol.STATUS_TAIL + JbdUpProtocol.SERIAL_LENGTH];
        UpFrames.put16(d, 0, clamp(s.get(Quantity.VOLTAGE) * 100, 0xFFFF));
        double amps = s.get(Quantity.CURRENT);
        UpFrames.put32(d, 4, Double.isNaN(amps) ? JbdUpProtocol.CURRENT_OFFSET
                : Math.max(0, Math.min(0xFFFF_FFFFL, Math.round(amps * 100) + JbdUpProtocol.CURRENT_OFFSET)));
        UpFrames.put16(d, 8, clamp(s.get(Quantity.SOC) * 100, 10_000));
        UpFrames.put16(d, 10, clamp(s.get(Quantity.REMAINING_CAPACITY) * 100, 0xFFFF));
        UpFrames.put16(d, 12, clamp(s.get(Quantity.FULL_CAPACITY) * 100, 0xFFFF));
        double design = s.get(Quantity.DESIGN_CAPACITY);
        UpFrames.put16(d, 14, clamp((Double.isNaN(design) ? s.get(Quantity.FULL_CAPACITY) : design) * 100, 0xFFFF));
        UpFrames.put16(d, 16, temperature(s.get(Quantity.MOSFET_TEMPERATURE)));
        UpFrames.put16(d, 18, temperature(s.get(Quantity.ENVIRONMENT_TEMPERATURE)));
        UpFrames.put16(d, 22, clamp(s.get(Quantity.SOH), 100));
        UpFrames.put32(d, 24, UpFlags.word(UpFlags.FAULT_BITS, s::hasFlag));
        UpFrames.put32(d, 28, UpFlags.word(UpFlags.ALARM_BITS, s::hasFlag));
        UpFrames.put16(d, 32, (s.hasFlag(PackFlag.DFET_ON) ? UpFlags.MOSFET_DISCHARGE : 0)
                | (s.hasFlag(PackFlag.CFET_ON) ? UpFlags.MOSFET_CHARGE : 0));
        UpFrames.put16(d, 36, clamp(s.get(Quantity.CYCLES), 0xFFFF));
        extremes(d, 38, cells, s::cellVoltage, v -> clamp(v * 1000, 0xFFFF));
        extremes(d, 48, sensors, s::temperature, UpDeviceCodec::temperature);
        UpFrames.put16(d, 58, clamp(board.parameter("packHighVoltageAlarm") * 10, 0xFFFF));
        UpFrames.put16(d, 60, clamp(s.get(Quantity.CHARGE_CURRENT_LIMIT) * 10, 0xFFFF));
        UpFrames.put16(d, 62, clamp(board.parameter("packLowVoltageAlarm") * 10, 0xFFFF));
        UpFrames.put16(d, 64, clamp(s.get(Quantity.DISCHARGE_CURRENT_LIMIT) * 10, 0xFFFF));
        UpFrames.put16(d, JbdUpProtocol.STATUS_FIXED, cells);
        for (int i = 0; i < cells; i++) {
            UpFrames.put16(d, JbdUpProtocol.STATUS_FIXED + 2 + 2 * i, clamp(s.cellVoltage(i) * 1000, 0xFFFF));
        }
        UpFrames.put16(d, sensorsAt, sensors);
        for (int i = 0; i < sensors; i++) {
            UpFrames.put16(d, sensorsAt + 2 + 2 * i, temperature(s.temperature(i)));
        }
        int balance = 0;
        for (int i = 0; i < cells; i++) {
            if (s.isBalancing(i)) {
                balance |= 1 << i;
            }
        }
        UpFrames.put16(d, tailAt + 2, balance);
        int[] version = version(board.text("softwareVersion"));
        UpFrames.put16(d, tailAt + 4, version[0] << 8 | version[1]);
        UpFrames.putText(d, tailAt + JbdUpProtocol.STATUS_TAIL, JbdUpProtocol.SERIAL_LENGTH,
                board.text("serialNumber"));
        return d;
    }

    /**
     * The number (from 1) and value of the highest and of the lowest of {@code n} values, then their average: five
     * words from {@code at}, the same shape for cells and for sensors.
     */
    private static void extremes(byte[] d, int at, int n, IntToDoubleFunction value, DoubleToIntFunction raw) {
        if (n == 0) {
            return;
        }
        int max = 0;
        int min = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += value.applyAsDouble(i);
            max = value.applyAsDouble(i) > value.applyAsDouble(max) ? i : max;
            min = value.applyAsDouble(i) < value.applyAsDouble(min) ? i : min;
        }
        UpFrames.put16(d, at, max + 1);
        UpFrames.put16(d, at + 2, raw.applyAsInt(value.applyAsDouble(max)));
        UpFrames.put16(d, at + 4, min + 1);
        UpFrames.put16(d, at + 6, raw.applyAsInt(value.applyAsDouble(min)));
        UpFrames.put16(d, at + 8, raw.applyAsInt(sum / n));
    }

    static byte[] totals(PackSnapshot s) {
        byte[] d = new byte[JbdUpProtocol.TOTALS_LENGTH];
        UpFrames.put16(d, 0, clamp(s.get(Quantity.SOC) * 100, 10_000));
        double discharged = s.get(Quantity.DISCHARGED_CAPACITY_TOTAL);
        UpFrames.put32(d, 14, Double.isNaN(discharged) ? 0 : Math.max(0, Math.round(discharged * 10)));
        return d;
    }

    static byte[] packInfo(Board board) {
        byte[] d = new byte[JbdUpProtocol.PACK_INFO_LENGTH];
        UpFrames.putText(d, 16, JbdUpProtocol.SERIAL_LENGTH, board.text("model") + "-" + board.text("barCode"));
        UpFrames.putText(d, 52, JbdUpProtocol.SERIAL_LENGTH, board.text("serialNumber"));
        date(d, 82, board.text("productionDate"));
        return d;
    }

    static byte[] productInfo(Board board) {
        byte[] d = new byte[JbdUpProtocol.PRODUCT_INFO_LENGTH];
        int[] version = version(board.text("softwareVersion"));
        int[] hardware = version(board.text("hardwareVersion"));
        UpFrames.put16(d, 2, hardware[0]);
        UpFrames.put16(d, 4, version[0]);
        UpFrames.put16(d, 6, version[1]);
        UpFrames.put16(d, 8, version[2]);
        UpFrames.putText(d, 12, 16, board.text("model"));
        UpFrames.putText(d, 28, 16, board.text("manufacturer"));
        return d;
    }

    private static void date(byte[] d, int at, String iso) {
        if (iso == null || iso.isEmpty()) {
            return;
        }
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(iso);
            UpFrames.put16(d, at, date.getYear());
            UpFrames.put16(d, at + 2, date.getMonthValue());
            UpFrames.put16(d, at + 4, date.getDayOfMonth());
        } catch (java.time.format.DateTimeParseException e) {
            // a board without a readable date sends zeros, which the host reads as no date
            UpFrames.put16(d, at, 0);
        }
    }

    /** The first major.minor[.patch] in a version text, each part below 256; zeros when there is none. */
    static int[] version(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text);
        if (!m.find()) {
            return new int[3];
        }
        int[] v = new int[3];
        for (int i = 0; i < 3; i++) {
            String part = m.group(i + 1);
            v[i] = part == null ? 0 : (int) Math.min(255, Long.parseLong(part.length() > 9 ? part.substring(0, 9) : part));
        }
        return v;
    }

    private static int temperature(double celsius) {
        return Double.isNaN(celsius) ? 0 : clamp(celsius * 10 + JbdUpProtocol.TEMPERATURE_OFFSET, 0xFFFF);
    }

    /** An unknown value (NaN) is sent as 0, the nearest limit otherwise. */
    private static int clamp(double value, int max) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return (int) Math.max(0, Math.min(max, Math.round(value)));
    }
}
