package org.bmsworkbench.protocol.jbd;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ReadOnlyProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.DeviceError;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.osgi.service.component.annotations.Component;

/**
 * The JBD (Xiaoxiang) UART protocol, 9600 8N1, one board per line: register 0x03 basic information, 0x04 cell
 * voltages, 0x05 the hardware version text. Read only: writes need the factory mode and no capture of a write
 * session is at hand, so none is guessed (docs/protocols/jbd.md).
 */
@Component(service = BmsProtocol.class)
public final class JbdProtocol extends ReadOnlyProtocol {

    public static final String ID = "jbd";

    /** Kelvin offset of the NTC readings (0.1 K): 2731 reads as 0.0 °C, as JBD's own tool shows it. */
    static final int KELVIN_TENTHS = 2731;

    /** Bits 0..12 of the protection word, in order; bit 12 (MOS locked by software) has no flag. */
    static final PackFlag[] PROTECTION_BITS = { PackFlag.CELL_OVP, PackFlag.CELL_UVP, PackFlag.PACK_OVP,
        PackFlag.PACK_UVP, PackFlag.CHG_OTP, PackFlag.CHG_UTP, PackFlag.DSG_OTP, PackFlag.DSG_UTP, PackFlag.CHG_OCP,
        PackFlag.DSG_OCP_1, PackFlag.SCP, PackFlag.VOLTAGE_SENSE_ERROR, null };

    static final int SOFTWARE_LOCK_BIT = 12;

    /** The UART line carries no address: one board, reached as pack 1. */
    public JbdProtocol() {
        super(ID, "JBD / Xiaoxiang UART (read only)",
                EnumSet.of(Command.ANALOG, Command.ALARM_STATUS, Command.MANUFACTURER), 1, 1, 9600);
    }

    @Override
    protected String noWriteReason() {
        return "JBD writes need the factory mode (0x5678 into register 0x00) and BMS "
                + "Workbench holds no capture of a write session, so it sends none (docs/protocols/jbd.md)";
    }







    @Override
    public List<Request> requests(Command command, int address) throws ProtocolException {
        checkAddress(address, "a JBD UART line has no addresses: its one board is pack 1");
        return switch (command) {
            case ANALOG -> List.of(read(Command.ANALOG, address, JbdFrames.REG_BASIC),
                    read(Command.ANALOG, address, JbdFrames.REG_CELLS));
            // Protection, FET and balance bits all live in the basic information.
            case ALARM_STATUS -> List.of(read(Command.ALARM_STATUS, address, JbdFrames.REG_BASIC));
            case MANUFACTURER -> List.of(read(Command.MANUFACTURER, address, JbdFrames.REG_VERSION));
            default -> throw noRequest("JBD", command);
        };
    }

    private static JbdRequest read(Command command, int address, int register) {
        return new JbdRequest(command, address, JbdFrames.frame(JbdFrames.READ, register, new byte[0]), register,
                String.format("read register %02X", register));
    }

    @Override
    public Request parseRequest(byte[] frame) throws ProtocolException {
        if (frame.length < JbdFrames.OVERHEAD || (frame[0] & 0xFF) != JbdFrames.START) {
            throw new ProtocolException(Kind.BAD_FORMAT, "a JBD request starts with DD and has at least 7 bytes");
        }
        int mode = frame[1] & 0xFF;
        if (mode != JbdFrames.READ && mode != JbdFrames.WRITE) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format(
                    "the second byte of a JBD request is A5 (read) or 5A (write), not %02X", mode));
        }
        checkFrame(frame, "request");
        int register = frame[2] & 0xFF;
        Command command;
        if (mode == JbdFrames.WRITE) {
            command = Command.RAW;
        } else {
            command = switch (register) {
                case JbdFrames.REG_BASIC, JbdFrames.REG_CELLS -> Command.ANALOG;
                case JbdFrames.REG_VERSION -> Command.MANUFACTURER;
                // A read of the parameter registers answers only in the factory mode, entered by a write.
                default -> Command.RAW;
            };
        }
        return new JbdRequest(command, 1, frame, register,
                String.format("%s register %02X", mode == JbdFrames.READ ? "read" : "write", register));
    }

    /** Length, end byte and checksum of a whole frame. */
    private static void checkFrame(byte[] frame, String what) throws ProtocolException {
        int need = JbdFrames.OVERHEAD + (frame[3] & 0xFF);
        if (frame.length != need) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format(
                    "the %s says %d data bytes, so %d bytes in all, but has %d", what, frame[3] & 0xFF, need,
                    frame.length));
        }
        if ((frame[need - 1] & 0xFF) != JbdFrames.END) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format("the %s ends with %02X, not 77", what,
                    frame[need - 1] & 0xFF));
        }
        if (!JbdFrames.checksumMatches(frame, 0, need)) {
            throw new ProtocolException(Kind.BAD_CHECKSUM, String.format(
                    "the checksum %04X of the %s does not match (%04X expected)", JbdFrames.u16(frame, need - 3),
                    what, JbdFrames.checksum(frame, 2, need - 3)));
        }
    }

    @Override
    public FrameDecoder decoder(Request pending) {
        return new JbdFrameDecoder(jbd(pending));
    }

    private static JbdRequest jbd(Request request) {
        return Request.own(request, JbdRequest.class);
    }

    @Override
    public Reply decode(Request request, byte[] frame) throws ProtocolException {
        JbdRequest r = jbd(request);
        if (frame.length < JbdFrames.OVERHEAD || (frame[0] & 0xFF) != JbdFrames.START) {
            throw new ProtocolException(Kind.BAD_FORMAT, "a JBD reply starts with DD and has at least 7 bytes");
        }
        checkFrame(frame, "reply");
        int register = frame[1] & 0xFF;
        if (register != r.register()) {
            throw new ProtocolException(Kind.UNEXPECTED_REPLY, String.format(
                    "the reply is for register %02X, the request read %02X", register, r.register()));
        }
        int status = frame[2] & 0xFF;
        Reply.Builder reply = Reply.builder(r.command());
        if (status == JbdFrames.STATUS_ERROR) {
            return reply.error(new DeviceError(status, "the board refused register " + String.format("%02X",
                    register) + " (status 80)")).build();
        }
        if (status != JbdFrames.STATUS_OK) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format(
                    "the reply's status is %02X, neither 00 (ok) nor 80 (error)", status));
        }
        byte[] data = java.util.Arrays.copyOfRange(frame, 4, frame.length - 3);
        switch (register) {
            case JbdFrames.REG_BASIC -> basic(r.address(), data, reply);
            case JbdFrames.REG_CELLS -> reply.pack(cells(r.address(), data));
            case JbdFrames.REG_VERSION -> reply.text("hardwareVersion", text(data));
            default -> reply.detail("register", register).detail("data", org.bmsworkbench.protocol.Hex.spaced(data));
        }
        return reply.build();
    }

    /** Register 0x03: the layout of docs/protocols/jbd.md, section "Basic information". */
    static void basic(int address, byte[] d, Reply.Builder reply) throws ProtocolException {
        if (d.length < 23) {
            throw new ProtocolException(Kind.BAD_PAYLOAD,
                    "basic information has " + d.length + " data bytes, at least 23 expected");
        }
        int cells = d[21] & 0xFF;
        int ntcs = d[22] & 0xFF;
        if (ntcs > PackSnapshot.MAX_TEMPERATURES) {
            throw new ProtocolException(Kind.BAD_PAYLOAD,
                    ntcs + " temperature sensors announced, at most " + PackSnapshot.MAX_TEMPERATURES + " supported");
        }
        if (d.length < 23 + 2 * ntcs) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, String.format(
                    "%d temperature sensors need %d data bytes, the reply has %d", ntcs, 23 + 2 * ntcs, d.length));
        }
        PackSnapshot.Builder b = PackSnapshot.builder(address)
                .set(Quantity.VOLTAGE, JbdFrames.u16(d, 0) / 100.0)
                .set(Quantity.CURRENT, (short) JbdFrames.u16(d, 2) / 100.0)
                .set(Quantity.REMAINING_CAPACITY, JbdFrames.u16(d, 4) / 100.0)
                .set(Quantity.FULL_CAPACITY, JbdFrames.u16(d, 6) / 100.0)
                .set(Quantity.CYCLES, JbdFrames.u16(d, 8))
                .set(Quantity.SOC, d[19] & 0xFF);
        long balance = (long) JbdFrames.u16(d, 12) | (long) JbdFrames.u16(d, 14) << 16;
        b.reported(FlagCategory.SYSTEM);
        for (int i = 0; i < 32; i++) {
            if ((balance >> i & 1) != 0) {
                b.balancing(i, true);
            }
        }
        b.flag(PackFlag.BALANCING, balance != 0);
        int protection = JbdFrames.u16(d, 16);
        b.reported(FlagCategory.PROTECTION).reported(FlagCategory.DETECTION);
        for (int bit = 0; bit < PROTECTION_BITS.length; bit++) {
            if (PROTECTION_BITS[bit] != null) {
                b.flag(PROTECTION_BITS[bit], (protection >> bit & 1) != 0);
            }
        }
        int fet = d[20] & 0xFF;
        b.flag(PackFlag.CFET_ON, (fet & 1) != 0).flag(PackFlag.DFET_ON, (fet & 2) != 0);
        b.temperatureCount(ntcs);
        for (int i = 0; i < ntcs; i++) {
            b.temperature(i, (JbdFrames.u16(d, 23 + 2 * i) - KELVIN_TENTHS) / 10.0);
        }
        reply.pack(b.build());
        int software = d[18] & 0xFF;
        reply.text("softwareVersion", (software >> 4) + "." + (software & 0x0F));
        productionDate(JbdFrames.u16(d, 10)).ifPresent(date -> reply.text("productionDate", date.toString()));
        reply.detail("cellCount", cells).detail("protectionBits", protection).detail("fetBits", fet)
                .detail("mosSoftwareLock", (protection >> SOFTWARE_LOCK_BIT & 1) != 0);
    }

    /** (year − 2000) &lt;&lt; 9 | month &lt;&lt; 5 | day; empty when the bits make no date (an unset field reads 0). */
    static Optional<LocalDate> productionDate(int packed) {
        try {
            return Optional.of(LocalDate.of(2000 + (packed >> 9), packed >> 5 & 0x0F, packed & 0x1F));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Register 0x04: one big-endian millivolt value per cell. */
    static PackSnapshot cells(int address, byte[] d) throws ProtocolException {
        if (d.length % 2 != 0) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "cell voltages need an even number of bytes, not " + d.length);
        }
        int n = d.length / 2;
        if (n > PackSnapshot.MAX_CELLS) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, n + " cells, at most " + PackSnapshot.MAX_CELLS + " supported");
        }
        PackSnapshot.Builder b = PackSnapshot.builder(address).cellCount(n);
        for (int i = 0; i < n; i++) {
            b.cellVoltage(i, JbdFrames.u16(d, 2 * i) / 1000.0);
        }
        return b.build();
    }

    /** The version text: printable ASCII, anything else shown as '?' so that a damaged byte stays visible. */
    static String text(byte[] d) {
        String s = new String(d, StandardCharsets.ISO_8859_1).replaceAll("\u0000+$", "");
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7E ? c : '?');
        }
        return out.toString();
    }

    @Override
    public Optional<DeviceCodec> deviceCodec() {
        return Optional.of(new JbdDeviceCodec());
    }
}
