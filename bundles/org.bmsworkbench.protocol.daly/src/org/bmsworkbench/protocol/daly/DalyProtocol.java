package org.bmsworkbench.protocol.daly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ReadOnlyProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.osgi.service.component.annotations.Component;

/**
 * The Daly UART/RS485 protocol, 9600 8N1, one board per line: commands 0x90..0x98 read live values, counts, cell
 * voltages, temperatures, balance and failure bits. Read only: no capture of a Daly write is at hand, so none is
 * guessed (docs/protocols/daly.md).
 * <p>
 * Cell voltages and temperatures come as several frames for one request, as many as the board's counts need: the
 * {@code ANALOG} plan reads 0x94 first, and its reply tells the 0x95 and 0x96 requests of the same plan (through
 * their shared {@link DalyCounts}) how many frames to collect. The protocol itself keeps no state.
 */
@Component(service = BmsProtocol.class)
public final class DalyProtocol extends ReadOnlyProtocol {

    public static final String ID = "daly";

    /** The board answers from 0x01 whatever is asked: one board per line, reached as pack 1. */
    public DalyProtocol() {
        super(ID, "Daly UART/RS485 (read only)", EnumSet.of(Command.ANALOG, Command.ALARM_STATUS), 1, 1, 9600);
    }

    @Override
    protected String noWriteReason() {
        return "BMS Workbench holds no capture of a Daly write, so it sends none "
                + "(docs/protocols/daly.md)";
    }







    @Override
    public List<Request> requests(Command command, int address) throws ProtocolException {
        checkAddress(address, "a Daly line has one board, pack 1");
        List<Request> out = new ArrayList<>();
        switch (command) {
            case ANALOG -> {
                // 0x94 before 0x95 and 0x96: its counts say how many frames they span.
                DalyCounts counts = new DalyCounts();
                for (int c : new int[] { DalyFrames.SOC, DalyFrames.CELL_RANGE, DalyFrames.TEMPERATURE_RANGE,
                    DalyFrames.COUNTS, DalyFrames.CELL_VOLTAGES, DalyFrames.TEMPERATURES }) {
                    out.add(request(Command.ANALOG, address, c, counts));
                }
            }
            case ALARM_STATUS -> {
                // 0x93 reports the system flag group; 0x97 after it only adds balance bits.
                for (int c : new int[] { DalyFrames.FET_STATE, DalyFrames.BALANCE, DalyFrames.FAILURES }) {
                    out.add(request(Command.ALARM_STATUS, address, c, null));
                }
            }
            default -> throw noRequest("Daly", command);
        }
        return out;
    }

    private static DalyRequest request(Command command, int address, int daly, DalyCounts counts) {
        return new DalyRequest(command, address, DalyFrames.frame(DalyFrames.HOST, daly, new byte[8]), daly, counts,
                String.format("read %02X", daly));
    }

    @Override
    public Request parseRequest(byte[] frame) throws ProtocolException {
        checkFrame(frame, 0, "request");
        int command = frame[2] & 0xFF;
        Command kind = switch (command) {
            case DalyFrames.SOC, DalyFrames.CELL_RANGE, DalyFrames.TEMPERATURE_RANGE, DalyFrames.COUNTS,
                    DalyFrames.CELL_VOLTAGES, DalyFrames.TEMPERATURES -> Command.ANALOG;
            case DalyFrames.FET_STATE, DalyFrames.BALANCE, DalyFrames.FAILURES -> Command.ALARM_STATUS;
            // Anything else (0xD9 MOS switches, 0x10.. settings) may change the board.
            default -> Command.RAW;
        };
        return new DalyRequest(kind, 1, frame, command, null, String.format("command %02X", command));
    }

    private static void checkFrame(byte[] frame, int at, String what) throws ProtocolException {
        if (frame.length - at < DalyFrames.LENGTH) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format("a Daly %s is 13 bytes, not %d", what,
                    frame.length - at));
        }
        if ((frame[at] & 0xFF) != DalyFrames.START || (frame[at + 3] & 0xFF) != DalyFrames.DATA_LENGTH) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format(
                    "a Daly %s starts A5 and has 08 as its fourth byte, not %02X .. .. %02X", what,
                    frame[at] & 0xFF, frame[at + 3] & 0xFF));
        }
        if (!DalyFrames.checksumMatches(frame, at)) {
            throw new ProtocolException(Kind.BAD_CHECKSUM, String.format(
                    "the checksum %02X of the %s does not match (%02X expected)",
                    frame[at + DalyFrames.LENGTH - 1] & 0xFF, what, DalyFrames.checksum(frame, at)));
        }
    }

    @Override
    public FrameDecoder decoder(Request pending) {
        return new DalyFrameDecoder(daly(pending));
    }

    private static DalyRequest daly(Request request) {
        return Request.own(request, DalyRequest.class);
    }

    @Override
    public Reply decode(Request request, byte[] frame) throws ProtocolException {
        DalyRequest r = daly(request);
        if (frame.length == 0 || frame.length % DalyFrames.LENGTH != 0) {
            throw new ProtocolException(Kind.BAD_FORMAT,
                    "a Daly reply is one or more 13-byte frames, not " + frame.length + " bytes");
        }
        int n = frame.length / DalyFrames.LENGTH;
        if (n > 1 && !r.multiFrame() || n > DalyFrames.MAX_FRAMES) {
            throw new ProtocolException(Kind.BAD_FORMAT, "a reply to command "
                    + String.format("%02X", r.dalyCommand()) + " of " + n + " frames");
        }
        for (int i = 0; i < n; i++) {
            int at = i * DalyFrames.LENGTH;
            checkFrame(frame, at, "reply");
            if ((frame[at + 1] & 0xFF) != DalyFrames.BOARD) {
                throw new ProtocolException(Kind.WRONG_ADDRESS, String.format(
                        "the reply comes from address %02X, the board answers from 01", frame[at + 1] & 0xFF));
            }
            if ((frame[at + 2] & 0xFF) != r.dalyCommand()) {
                throw new ProtocolException(Kind.UNEXPECTED_REPLY, String.format(
                        "the reply is for command %02X, the request asked %02X", frame[at + 2] & 0xFF,
                        r.dalyCommand()));
            }
        }
        byte[] d = Arrays.copyOfRange(frame, 4, 12);
        int address = r.address();
        PackSnapshot.Builder b = PackSnapshot.builder(address);
        Reply.Builder reply = Reply.builder(r.command());
        switch (r.dalyCommand()) {
            case DalyFrames.SOC -> {
                b.set(Quantity.VOLTAGE, DalyFrames.u16(d, 0) / 10.0)
                        .set(Quantity.CURRENT, (DalyFrames.u16(d, 4) - DalyFrames.CURRENT_OFFSET) / 10.0)
                        .set(Quantity.SOC, DalyFrames.u16(d, 6) / 10.0);
                reply.detail("gatheredVoltage", DalyFrames.u16(d, 2) / 10.0);
            }
            case DalyFrames.CELL_RANGE -> {
                b.set(Quantity.MAX_CELL_VOLTAGE, DalyFrames.u16(d, 0) / 1000.0)
                        .set(Quantity.MIN_CELL_VOLTAGE, DalyFrames.u16(d, 3) / 1000.0);
                reply.detail("maxCell", d[2] & 0xFF).detail("minCell", d[5] & 0xFF);
            }
            case DalyFrames.TEMPERATURE_RANGE -> {
                b.set(Quantity.MAX_CELL_TEMPERATURE, (d[0] & 0xFF) - DalyFrames.TEMPERATURE_OFFSET)
                        .set(Quantity.MIN_CELL_TEMPERATURE, (d[2] & 0xFF) - DalyFrames.TEMPERATURE_OFFSET);
                reply.detail("maxSensor", d[1] & 0xFF).detail("minSensor", d[3] & 0xFF);
            }
            case DalyFrames.FET_STATE -> {
                int state = d[0] & 0xFF;
                b.flag(PackFlag.CHARGING, state == 1).flag(PackFlag.DISCHARGING, state == 2)
                        .flag(PackFlag.CFET_ON, d[1] != 0).flag(PackFlag.DFET_ON, d[2] != 0)
                        .set(Quantity.REMAINING_CAPACITY, (((long) DalyFrames.u16(d, 4) << 16) | DalyFrames.u16(d, 6))
                                / 1000.0);
                reply.detail("state", state).detail("bmsLife", d[3] & 0xFF);
            }
            case DalyFrames.COUNTS -> {
                int cells = d[0] & 0xFF;
                int sensors = d[1] & 0xFF;
                if (cells > 3 * DalyFrames.MAX_FRAMES || sensors > PackSnapshot.MAX_TEMPERATURES) {
                    throw new ProtocolException(Kind.BAD_PAYLOAD, String.format(
                            "%d cells and %d sensors announced, at most %d and %d supported", cells, sensors,
                            3 * DalyFrames.MAX_FRAMES, PackSnapshot.MAX_TEMPERATURES));
                }
                if (r.counts() != null) {
                    r.counts().set(cells, sensors);
                }
                b.set(Quantity.CYCLES, DalyFrames.u16(d, 5));
                reply.detail("cellCount", cells).detail("temperatureCount", sensors)
                        .detail("charger", d[2] != 0).detail("load", d[3] != 0).detail("dio", d[4] & 0xFF);
            }
            case DalyFrames.CELL_VOLTAGES -> values(frame, n, r, DalyFrames.CELLS_PER_FRAME, b);
            case DalyFrames.TEMPERATURES -> values(frame, n, r, DalyFrames.SENSORS_PER_FRAME, b);
            case DalyFrames.BALANCE -> {
                // Only the cell bits: reporting the system flags here would clear the FET and state flags that
                // 0x93 reported just before in the same poll (PackSnapshot.mergedWith replaces a whole category).
                for (int i = 0; i < 48; i++) {
                    if ((d[i / 8] >> (i % 8) & 1) != 0) {
                        b.balancing(i, true);
                    }
                }
            }
            case DalyFrames.FAILURES -> {
                Set<PackFlag> on = DalyFlags.flags(d, 0);
                for (PackFlag f : DalyFlags.mapped()) {
                    b.flag(f, on.contains(f));
                }
                reply.detail("failureBits", Hex.spaced(Arrays.copyOf(d, 7))).detail("faultCode", d[7] & 0xFF);
            }
            default -> {
                reply.detail("command", r.dalyCommand()).detail("data", Hex.spaced(d));
                return reply.build();
            }
        }
        return reply.pack(b.build()).build();
    }

    /**
     * Cell voltages (mV, three per frame) or temperatures (°C + 40, seven per frame), placed by each frame's number
     * (from 1); values past the count the request carries are the tail the board repeats, and are dropped.
     */
    private static void values(byte[] frame, int n, DalyRequest r, int perFrame, PackSnapshot.Builder b)
            throws ProtocolException {
        boolean cells = perFrame == DalyFrames.CELLS_PER_FRAME;
        int announced = r.values();
        if (announced == -1) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "the pack's " + (cells ? "cell" : "sensor")
                    + " count is not known yet (no 0x94 reply), so its frames cannot be placed");
        }
        int limit = announced == DalyRequest.ANY ? n * perFrame : announced;
        if (!cells) {
            limit = Math.min(limit, PackSnapshot.MAX_TEMPERATURES);
        }
        boolean[] seen = new boolean[DalyFrames.MAX_FRAMES * 3 + 1];
        // A board that announced none still answers with a frame (the simulator does); it carries nothing.
        for (int i = 0; i < n && limit > 0; i++) {
            int at = i * DalyFrames.LENGTH + 4;
            int number = frame[at] & 0xFF;
            if (number < 1 || (number - 1) * perFrame >= limit) {
                throw new ProtocolException(Kind.BAD_PAYLOAD, String.format(
                        "frame number %d, 1..%d expected for %d %s", number, (limit + perFrame - 1) / perFrame, limit,
                        cells ? "cells" : "sensors"));
            }
            if (seen[number]) {
                throw new ProtocolException(Kind.BAD_PAYLOAD, "frame number " + number + " twice");
            }
            seen[number] = true;
            for (int j = 0; j < perFrame; j++) {
                int index = (number - 1) * perFrame + j;
                if (index >= limit) {
                    break;
                }
                if (cells) {
                    b.cellVoltage(index, DalyFrames.u16(frame, at + 1 + 2 * j) / 1000.0);
                } else {
                    b.temperature(index, (frame[at + 1 + j] & 0xFF) - DalyFrames.TEMPERATURE_OFFSET);
                }
            }
        }
        if (cells) {
            b.cellCount(limit);
        } else {
            b.temperatureCount(limit);
        }
    }

    @Override
    public Optional<DeviceCodec> deviceCodec() {
        return Optional.of(new DalyDeviceCodec());
    }
}
