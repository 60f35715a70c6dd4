package org.bmsworkbench.protocol.jbd;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;

/**
 * The board side of the JBD UART protocol, for the simulator: answers reads of registers 0x03, 0x04 and 0x05 for
 * the first board of the bus (a UART line has one board and no address). Every other read and every write is
 * answered with status 80, as nothing here knows what a real board's factory mode does with them.
 */
final class JbdDeviceCodec implements DeviceCodec {

    @Override
    public int scan(byte[] buffer, int length) {
        if (length == 0) {
            return 0;
        }
        if ((buffer[0] & 0xFF) != JbdFrames.START) {
            return -1;
        }
        if (length < 2) {
            return 0;
        }
        int mode = buffer[1] & 0xFF;
        if (mode != JbdFrames.READ && mode != JbdFrames.WRITE) {
            return -1;
        }
        if (length < 4) {
            return 0;
        }
        int need = JbdFrames.OVERHEAD + (buffer[3] & 0xFF);
        if (length < need) {
            return 0;
        }
        return (buffer[need - 1] & 0xFF) == JbdFrames.END ? need : -1;
    }

    @Override
    public int addressOf(byte[] request) {
        return request.length >= JbdFrames.OVERHEAD && (request[0] & 0xFF) == JbdFrames.START ? 1 : -1;
    }

    @Override
    public Optional<byte[]> answer(byte[] request, DeviceBus bus) {
        int length = scan(request, request.length);
        // A board ignores a frame it cannot read.
        if (length != request.length || !JbdFrames.checksumMatches(request, 0, length)) {
            return Optional.empty();
        }
        List<Board> boards = bus.boards();
        if (boards.isEmpty()) {
            return Optional.empty();
        }
        Board board = boards.get(0);
        int register = request[2] & 0xFF;
        if ((request[1] & 0xFF) == JbdFrames.READ) {
            switch (register) {
                case JbdFrames.REG_BASIC:
                    return Optional.of(JbdFrames.frame(register, JbdFrames.STATUS_OK, basic(board)));
                case JbdFrames.REG_CELLS:
                    return Optional.of(JbdFrames.frame(register, JbdFrames.STATUS_OK, cells(board.snapshot())));
                case JbdFrames.REG_VERSION:
                    return Optional.of(JbdFrames.frame(register, JbdFrames.STATUS_OK, version(board)));
                default:
                    break;
            }
        }
        return Optional.of(JbdFrames.frame(register, JbdFrames.STATUS_ERROR, new byte[0]));
    }

    static byte[] basic(Board board) {
        PackSnapshot s = board.snapshot();
        int ntcs = Math.min(s.temperatureCount(), (255 - 23) / 2);
        byte[] d = new byte[23 + 2 * ntcs];
        JbdFrames.put16(d, 0, clamp(s.get(Quantity.VOLTAGE) * 100, 0, 0xFFFF));
        JbdFrames.put16(d, 2, clamp(s.get(Quantity.CURRENT) * 100, Short.MIN_VALUE, Short.MAX_VALUE));
        JbdFrames.put16(d, 4, clamp(s.get(Quantity.REMAINING_CAPACITY) * 100, 0, 0xFFFF));
        JbdFrames.put16(d, 6, clamp(s.get(Quantity.FULL_CAPACITY) * 100, 0, 0xFFFF));
        JbdFrames.put16(d, 8, clamp(s.get(Quantity.CYCLES), 0, 0xFFFF));
        JbdFrames.put16(d, 10, productionDate(board.text("productionDate")));
        long balance = 0;
        for (int i = 0; i < Math.min(32, s.cellCount()); i++) {
            if (s.isBalancing(i)) {
                balance |= 1L << i;
            }
        }
        JbdFrames.put16(d, 12, (int) (balance & 0xFFFF));
        JbdFrames.put16(d, 14, (int) (balance >> 16));
        int protection = 0;
        for (int bit = 0; bit < JbdProtocol.PROTECTION_BITS.length; bit++) {
            PackFlag flag = JbdProtocol.PROTECTION_BITS[bit];
            if (flag != null && s.hasFlag(flag)) {
                protection |= 1 << bit;
            }
        }
        JbdFrames.put16(d, 16, protection);
        d[18] = (byte) softwareVersion(board.text("softwareVersion"));
        d[19] = (byte) clamp(s.get(Quantity.SOC), 0, 100);
        d[20] = (byte) ((s.hasFlag(PackFlag.CFET_ON) ? 1 : 0) | (s.hasFlag(PackFlag.DFET_ON) ? 2 : 0));
        d[21] = (byte) Math.min(255, s.cellCount());
        d[22] = (byte) ntcs;
        for (int i = 0; i < ntcs; i++) {
            JbdFrames.put16(d, 23 + 2 * i, clamp(s.temperature(i) * 10 + JbdProtocol.KELVIN_TENTHS, 0, 0xFFFF));
        }
        return d;
    }

    static byte[] cells(PackSnapshot s) {
        int n = Math.min(s.cellCount(), 255 / 2);
        byte[] d = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            JbdFrames.put16(d, 2 * i, clamp(s.cellVoltage(i) * 1000, 0, 0xFFFF));
        }
        return d;
    }

    static byte[] version(Board board) {
        String text = board.text("hardwareVersion");
        if (text == null || text.isEmpty()) {
            text = board.text("model");
        }
        byte[] b = (text == null ? "" : text).getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(b, Math.min(b.length, 255));
    }

    /** The packed date of an ISO date text; 0 (no date) when the board has none. */
    static int productionDate(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            LocalDate d = LocalDate.parse(text);
            int year = d.getYear() - 2000;
            return year < 0 || year > 127 ? 0 : year << 9 | d.getMonthValue() << 5 | d.getDayOfMonth();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    /** "8.0" as the nibbles 0x80; 0 when the board's text is not major.minor below 16. */
    static int softwareVersion(String text) {
        if (text == null) {
            return 0;
        }
        String[] parts = text.strip().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major >= 0 && major < 16 && minor >= 0 && minor < 16 ? major << 4 | minor : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An unknown value (NaN) is sent as 0, the nearest limit otherwise. */
    private static int clamp(double value, int min, int max) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return (int) Math.max(min, Math.min(max, Math.round(value)));
    }
}
