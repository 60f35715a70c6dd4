package org.bmsworkbench.protocol.daly;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;

/**
 * The board side of the Daly protocol, for the simulator: answers 0x90..0x98 for the first board of the bus from
 * address 0x01. Cell voltages and temperatures go out as as many frames as the counts need, unused places zero.
 * Any other command is left unanswered: nothing here knows what a real board does with it.
 */
final class DalyDeviceCodec implements DeviceCodec {

    @Override
    public int scan(byte[] buffer, int length) {
        if (length == 0) {
            return 0;
        }
        if ((buffer[0] & 0xFF) != DalyFrames.START) {
            return -1;
        }
        if (length >= 4 && (buffer[3] & 0xFF) != DalyFrames.DATA_LENGTH) {
            return -1;
        }
        return length < DalyFrames.LENGTH ? 0 : DalyFrames.LENGTH;
    }

    @Override
    public int addressOf(byte[] request) {
        return request.length == DalyFrames.LENGTH && (request[0] & 0xFF) == DalyFrames.START ? 1 : -1;
    }

    @Override
    public Optional<byte[]> answer(byte[] request, DeviceBus bus) {
        if (scan(request, request.length) != request.length || !DalyFrames.checksumMatches(request, 0)) {
            return Optional.empty();
        }
        List<Board> boards = bus.boards();
        if (boards.isEmpty()) {
            return Optional.empty();
        }
        PackSnapshot s = boards.get(0).snapshot();
        int command = request[2] & 0xFF;
        byte[] d = new byte[DalyFrames.DATA_LENGTH];
        switch (command) {
            case DalyFrames.SOC -> {
                int volts = clamp(s.get(Quantity.VOLTAGE) * 10, 0, 0xFFFF);
                DalyFrames.put16(d, 0, volts);
                DalyFrames.put16(d, 2, volts);
                DalyFrames.put16(d, 4, clamp(s.get(Quantity.CURRENT) * 10 + DalyFrames.CURRENT_OFFSET, 0, 0xFFFF));
                DalyFrames.put16(d, 6, clamp(s.get(Quantity.SOC) * 10, 0, 1000));
            }
            case DalyFrames.CELL_RANGE -> {
                int max = 0;
                int min = 0;
                for (int i = 1; i < s.cellCount(); i++) {
                    max = s.cellVoltage(i) > s.cellVoltage(max) ? i : max;
                    min = s.cellVoltage(i) < s.cellVoltage(min) ? i : min;
                }
                if (s.cellCount() > 0) {
                    DalyFrames.put16(d, 0, clamp(s.cellVoltage(max) * 1000, 0, 0xFFFF));
                    d[2] = (byte) (max + 1);
                    DalyFrames.put16(d, 3, clamp(s.cellVoltage(min) * 1000, 0, 0xFFFF));
                    d[5] = (byte) (min + 1);
                }
            }
            case DalyFrames.TEMPERATURE_RANGE -> {
                int max = 0;
                int min = 0;
                for (int i = 1; i < s.temperatureCount(); i++) {
                    max = s.temperature(i) > s.temperature(max) ? i : max;
                    min = s.temperature(i) < s.temperature(min) ? i : min;
                }
                if (s.temperatureCount() > 0) {
                    d[0] = (byte) temperature(s.temperature(max));
                    d[1] = (byte) (max + 1);
                    d[2] = (byte) temperature(s.temperature(min));
                    d[3] = (byte) (min + 1);
                }
            }
            case DalyFrames.FET_STATE -> {
                d[0] = (byte) (s.hasFlag(PackFlag.CHARGING) ? 1 : s.hasFlag(PackFlag.DISCHARGING) ? 2 : 0);
                d[1] = (byte) (s.hasFlag(PackFlag.CFET_ON) ? 1 : 0);
                d[2] = (byte) (s.hasFlag(PackFlag.DFET_ON) ? 1 : 0);
                d[3] = (byte) clamp(s.get(Quantity.CYCLES), 0, 255);
                long mah = Math.max(0, Math.min(0xFFFFFFFFL, Math.round(nan0(s.get(Quantity.REMAINING_CAPACITY)) * 1000)));
                DalyFrames.put16(d, 4, (int) (mah >> 16));
                DalyFrames.put16(d, 6, (int) mah);
            }
            case DalyFrames.COUNTS -> {
                d[0] = (byte) cells(s);
                d[1] = (byte) sensors(s);
                d[2] = (byte) (s.hasFlag(PackFlag.CHARGING) ? 1 : 0);
                d[3] = (byte) (s.hasFlag(PackFlag.DISCHARGING) ? 1 : 0);
                DalyFrames.put16(d, 5, clamp(s.get(Quantity.CYCLES), 0, 0xFFFF));
            }
            case DalyFrames.CELL_VOLTAGES -> {
                return Optional.of(cellFrames(s));
            }
            case DalyFrames.TEMPERATURES -> {
                return Optional.of(temperatureFrames(s));
            }
            case DalyFrames.BALANCE -> {
                for (int i = 0; i < Math.min(48, s.cellCount()); i++) {
                    if (s.isBalancing(i)) {
                        d[i / 8] |= (byte) (1 << (i % 8));
                    }
                }
            }
            case DalyFrames.FAILURES -> {
                d = DalyFlags.bits(s.flags());
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(DalyFrames.frame(DalyFrames.BOARD, command, d));
    }

    private static int cells(PackSnapshot s) {
        return Math.min(s.cellCount(), 3 * DalyFrames.MAX_FRAMES);
    }

    private static int sensors(PackSnapshot s) {
        return s.temperatureCount();
    }

    private static byte[] cellFrames(PackSnapshot s) {
        int n = cells(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // With no cells a frame still goes out, so that the host's request is answered.
        for (int f = 0; f == 0 || f * DalyFrames.CELLS_PER_FRAME < n; f++) {
            byte[] d = new byte[DalyFrames.DATA_LENGTH];
            d[0] = (byte) (f + 1);
            for (int j = 0; j < DalyFrames.CELLS_PER_FRAME && f * 3 + j < n; j++) {
                DalyFrames.put16(d, 1 + 2 * j, clamp(s.cellVoltage(f * 3 + j) * 1000, 0, 0xFFFF));
            }
            out.writeBytes(DalyFrames.frame(DalyFrames.BOARD, DalyFrames.CELL_VOLTAGES, d));
        }
        return out.toByteArray();
    }

    private static byte[] temperatureFrames(PackSnapshot s) {
        int n = sensors(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int f = 0; f == 0 || f * DalyFrames.SENSORS_PER_FRAME < n; f++) {
            byte[] d = new byte[DalyFrames.DATA_LENGTH];
            d[0] = (byte) (f + 1);
            for (int j = 0; j < DalyFrames.SENSORS_PER_FRAME && f * 7 + j < n; j++) {
                d[1 + j] = (byte) temperature(s.temperature(f * 7 + j));
            }
            out.writeBytes(DalyFrames.frame(DalyFrames.BOARD, DalyFrames.TEMPERATURES, d));
        }
        return out.toByteArray();
    }

    private static int temperature(double celsius) {
        return clamp(celsius + DalyFrames.TEMPERATURE_OFFSET, 0, 255);
    }

    private static double nan0(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** An unknown value (NaN) is sent as 0, the nearest limit otherwise. */
    private static int clamp(double value, int min, int max) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return (int) Math.max(min, Math.min(max, Math.round(value)));
    }
}
