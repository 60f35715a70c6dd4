package org.bmsworkbench.protocol.jbdup;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bmsworkbench.model.FlagCategory;
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
import org.bmsworkbench.protocol.modbus.Crc16;
import org.osgi.service.component.annotations.Component;

/**
 * The JBD UP series over RS485, 9600 8N1, several packs on one bus by DIP-switch address: Modbus CRC framing with
 * function 0x78 reads of whole blocks (docs/protocols/jbd-up.md). Read only: no write of ours has been checked
 * against a board, so none is sent.
 */
@Component(service = BmsProtocol.class)
public final class JbdUpProtocol extends ReadOnlyProtocol {

    public static final String ID = "jbd-up";

    /** Current is sent as (amps × 100) + 300000 in an unsigned 32-bit field. */
    static final long CURRENT_OFFSET = 300_000;
    /** Temperatures are sent as (°C × 10) + 500. */
    static final int TEMPERATURE_OFFSET = 500;

    /** Pack status bytes before the cell count. */
    static final int STATUS_FIXED = 66;
    /** After the sensors: one word of unknown meaning, balance bits, firmware version. */
    static final int STATUS_TAIL = 6;
    static final int SERIAL_LENGTH = 30;
    static final int TOTALS_LENGTH = 18;
    static final int PACK_INFO_LENGTH = 88;
    static final int PRODUCT_INFO_LENGTH = 44;

    /** The UP series' DIP switches give 1..15; 16 packs is the bus's own limit. */
    public JbdUpProtocol() {
        super(ID, "JBD UP series RS485 (read only)",
                EnumSet.of(Command.ANALOG, Command.ALARM_STATUS, Command.MANUFACTURER), 1, 16, 9600);
    }

    @Override
    protected String noWriteReason() {
        return "BMS Workbench sends no JBD UP-series write: none has been checked "
                + "against a board or a capture (docs/protocols/jbd-up.md)";
    }







    @Override
    public List<Request> requests(Command command, int address) throws ProtocolException {
        checkAddress(address, "a JBD UP-series address is 1.." + maxAddress());
        return switch (command) {
            case ANALOG -> List.of(new UpRequest(command, address, UpBlock.PACK_STATUS),
                    new UpRequest(command, address, UpBlock.TOTALS));
            // Every flag lives in the pack status; it is also the block every board answers.
            case ALARM_STATUS -> List.of(new UpRequest(command, address, UpBlock.PACK_STATUS));
            case MANUFACTURER -> List.of(new UpRequest(command, address, UpBlock.PRODUCT_INFO),
                    new UpRequest(command, address, UpBlock.PACK_INFO));
            default -> throw noRequest("the JBD UP series", command);
        };
    }

    @Override
    public Request parseRequest(byte[] frame) throws ProtocolException {
        checkFrame(frame, "request");
        int function = frame[1] & 0xFF;
        Command command = Command.RAW;
        String what;
        if (function == UpFrames.READ) {
            Optional<UpBlock> block = UpBlock.of(UpFrames.u16(frame, 2), UpFrames.u16(frame, 4));
            command = block.map(b -> switch (b) {
                case PACK_STATUS, TOTALS -> Command.ANALOG;
                case PACK_INFO, PRODUCT_INFO -> Command.MANUFACTURER;
            }).orElse(Command.RAW);
            what = block.map(UpBlock::describe).orElse(String.format("read %04X..%04X", UpFrames.u16(frame, 2),
                    UpFrames.u16(frame, 4)));
            if (frame.length != UpFrames.OVERHEAD) {
                throw new ProtocolException(Kind.BAD_FORMAT, "a read request carries no payload, this one has "
                        + (frame.length - UpFrames.OVERHEAD) + " bytes");
            }
        } else {
            what = String.format("function %02X on %04X..%04X", function, UpFrames.u16(frame, 2),
                    UpFrames.u16(frame, 4));
        }
        // RAW counts as changing the device: a write, the master's own poll, or a block we do not know.
        return new UpRequest(command, frame[0] & 0xFF, frame, what);
    }

    /** Header, function, length field and CRC of a whole frame. */
    private static void checkFrame(byte[] frame, String what) throws ProtocolException {
        if (frame.length < UpFrames.OVERHEAD) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format(
                    "a JBD UP-series %s has at least %d bytes, this one %d", what, UpFrames.OVERHEAD, frame.length));
        }
        int function = frame[1] & 0xFF;
        if (!UpFrames.isFunction(function)) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format(
                    "function %02X is none of 78 (read), 79 (write) and 45 (pack poll)", function));
        }
        int need = UpFrames.OVERHEAD + UpFrames.u16(frame, 6);
        if (frame.length != need) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format(
                    "the %s says %d payload bytes, so %d bytes in all, but has %d", what, UpFrames.u16(frame, 6),
                    need, frame.length));
        }
        if (!Crc16.matches(frame, 0, frame.length)) {
            int crc = Crc16.of(frame, 0, frame.length - 2);
            throw new ProtocolException(Kind.BAD_CHECKSUM, String.format(
                    "the CRC %02X %02X of the %s does not match (%02X %02X expected)", frame[frame.length - 2] & 0xFF,
                    frame[frame.length - 1] & 0xFF, what, crc & 0xFF, crc >>> 8));
        }
    }

    @Override
    public FrameDecoder decoder(Request pending) {
        return new UpFrameDecoder(up(pending));
    }

    private static UpRequest up(Request request) {
        return Request.own(request, UpRequest.class);
    }

    @Override
    public Reply decode(Request request, byte[] frame) throws ProtocolException {
        UpRequest r = up(request);
        checkFrame(frame, "reply");
        int address = frame[0] & 0xFF;
        if (address != r.address()) {
            throw new ProtocolException(Kind.WRONG_ADDRESS, String.format(
                    "the reply comes from address %d, the request went to %d", address, r.address()));
        }
        int function = frame[1] & 0xFF;
        int start = UpFrames.u16(frame, 2);
        int end = UpFrames.u16(frame, 4);
        if (function != r.function() || start != r.start() || end != r.end()) {
            throw new ProtocolException(Kind.UNEXPECTED_REPLY, String.format(
                    "the reply is for function %02X %04X..%04X, the request was %02X %04X..%04X", function, start,
                    end, r.function(), r.start(), r.end()));
        }
        byte[] d = UpFrames.payload(frame);
        Reply.Builder reply = Reply.builder(r.command());
        Optional<UpBlock> block = r.block();
        if (block.isEmpty()) {
            return reply.detail("function", function).detail("start", start).detail("end", end)
                    .detail("data", Hex.spaced(d)).build();
        }
        switch (block.get()) {
            case PACK_STATUS -> packStatus(address, d, reply);
            case TOTALS -> totals(address, d, reply);
            case PACK_INFO -> packInfo(d, reply);
            case PRODUCT_INFO -> productInfo(d, reply);
        }
        return reply.build();
    }

    private static void need(byte[] d, int bytes, String what) throws ProtocolException {
        if (d.length < bytes) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, String.format(
                    "%s needs %d payload bytes, the reply has %d", what, bytes, d.length));
        }
    }

    static double temperature(int raw) {
        return (raw - TEMPERATURE_OFFSET) / 10.0;
    }

    /** Block 0x1000..0x10A0: the layout of docs/protocols/jbd-up.md, section "Pack status". */
    static void packStatus(int address, byte[] d, Reply.Builder reply) throws ProtocolException {
        need(d, STATUS_FIXED + 2, "the pack status");
        int cells = UpFrames.u16(d, STATUS_FIXED);
        if (cells > PackSnapshot.MAX_CELLS) {
            throw new ProtocolException(Kind.BAD_PAYLOAD,
                    cells + " cells announced, at most " + PackSnapshot.MAX_CELLS + " supported");
        }
        int sensorsAt = STATUS_FIXED + 2 + 2 * cells;
        need(d, sensorsAt + 2, "a pack status of " + cells + " cells");
        int sensors = UpFrames.u16(d, sensorsAt);
        if (sensors > PackSnapshot.MAX_TEMPERATURES) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, sensors + " temperature sensors announced, at most "
                    + PackSnapshot.MAX_TEMPERATURES + " supported");
        }
        int tailAt = sensorsAt + 2 + 2 * sensors;
        need(d, tailAt + STATUS_TAIL, "a pack status of " + cells + " cells and " + sensors + " sensors");

        PackSnapshot.Builder b = PackSnapshot.builder(address)
                .set(Quantity.VOLTAGE, UpFrames.u16(d, 0) / 100.0)
                .set(Quantity.CURRENT, (UpFrames.u32(d, 4) - CURRENT_OFFSET) / 100.0)
                .set(Quantity.SOC, UpFrames.u16(d, 8) / 100.0)
                .set(Quantity.REMAINING_CAPACITY, UpFrames.u16(d, 10) / 100.0)
                .set(Quantity.FULL_CAPACITY, UpFrames.u16(d, 12) / 100.0)
                .set(Quantity.DESIGN_CAPACITY, UpFrames.u16(d, 14) / 100.0)
                .set(Quantity.MOSFET_TEMPERATURE, temperature(UpFrames.u16(d, 16)))
                .set(Quantity.ENVIRONMENT_TEMPERATURE, temperature(UpFrames.u16(d, 18)))
                .set(Quantity.SOH, UpFrames.u16(d, 22))
                .set(Quantity.CYCLES, UpFrames.u16(d, 36))
                .set(Quantity.MAX_CELL_VOLTAGE, UpFrames.u16(d, 40) / 1000.0)
                .set(Quantity.MIN_CELL_VOLTAGE, UpFrames.u16(d, 44) / 1000.0)
                .set(Quantity.AVERAGE_CELL_VOLTAGE, UpFrames.u16(d, 46) / 1000.0)
                .set(Quantity.MAX_CELL_TEMPERATURE, temperature(UpFrames.u16(d, 50)))
                .set(Quantity.MIN_CELL_TEMPERATURE, temperature(UpFrames.u16(d, 54)))
                .set(Quantity.AVERAGE_CELL_TEMPERATURE, temperature(UpFrames.u16(d, 56)))
                .set(Quantity.CHARGE_CURRENT_LIMIT, UpFrames.u16(d, 60) / 10.0)
                .set(Quantity.DISCHARGE_CURRENT_LIMIT, UpFrames.u16(d, 64) / 10.0);
        b.cellCount(cells);
        for (int i = 0; i < cells; i++) {
            b.cellVoltage(i, UpFrames.u16(d, STATUS_FIXED + 2 + 2 * i) / 1000.0);
        }
        b.temperatureCount(sensors);
        for (int i = 0; i < sensors; i++) {
            b.temperature(i, temperature(UpFrames.u16(d, sensorsAt + 2 + 2 * i)));
        }

        long faults = UpFrames.u32(d, 24);
        long alarms = UpFrames.u32(d, 28);
        int mosfets = UpFrames.u16(d, 32);
        int balance = UpFrames.u16(d, tailAt + 2);
        EnumSet<PackFlag> on = EnumSet.noneOf(PackFlag.class);
        collect(UpFlags.FAULT_BITS, faults, on);
        collect(UpFlags.ALARM_BITS, alarms, on);
        if ((mosfets & UpFlags.MOSFET_CHARGE) != 0) {
            on.add(PackFlag.CFET_ON);
        }
        if ((mosfets & UpFlags.MOSFET_DISCHARGE) != 0) {
            on.add(PackFlag.DFET_ON);
        }
        for (int i = 0; i < Math.min(16, cells); i++) {
            if ((balance >> i & 1) != 0) {
                b.balancing(i, true);
                on.add(PackFlag.BALANCING);
            }
        }
        // The block reports these groups whole: a flag not set is off. The charge and discharge state is not in
        // it, so CHARGING and DISCHARGING stay off rather than being guessed from the current's sign.
        b.reported(FlagCategory.SYSTEM).reported(FlagCategory.ALARM).reported(FlagCategory.PROTECTION)
                .reported(FlagCategory.DETECTION);
        for (PackFlag f : on) {
            b.flag(f, true);
        }
        reply.pack(b.build());

        int firmware = UpFrames.u16(d, tailAt + 4);
        // A master forwarding a slave's status sends only the major version, below 0x100.
        reply.text("softwareVersion", firmware >= 0x100 ? (firmware >> 8) + "." + (firmware & 0xFF)
                : String.valueOf(firmware));
        if (d.length >= tailAt + STATUS_TAIL + SERIAL_LENGTH) {
            String serial = UpFrames.text(d, tailAt + STATUS_TAIL, SERIAL_LENGTH);
            if (!serial.isEmpty()) {
                reply.text("serialNumber", serial);
            }
        }
        reply.detail("faultBits", faults).detail("alarmBits", alarms).detail("mosfetBits", mosfets)
                .detail("operationStatus", UpFrames.u16(d, 20)).detail("connectionState", UpFrames.u16(d, 34))
                .detail("maxCellNumber", UpFrames.u16(d, 38)).detail("minCellNumber", UpFrames.u16(d, 42))
                .detail("maxTemperatureSensor", UpFrames.u16(d, 48)).detail("minTemperatureSensor", UpFrames.u16(d, 52))
                .detail("chargeVoltageLimit", UpFrames.u16(d, 58) / 10.0)
                .detail("dischargeVoltageLimit", UpFrames.u16(d, 62) / 10.0);
    }

    private static void collect(PackFlag[] bits, long word, Set<PackFlag> on) {
        for (int bit = 0; bit < bits.length; bit++) {
            if (bits[bit] != null && (word >> bit & 1) != 0) {
                on.add(bits[bit]);
            }
        }
    }

    /** Block 0x2006..0x2018: SOC in 0.01 %, eight bytes we do not know, total charge and discharge in 0.1 Ah. */
    static void totals(int address, byte[] d, Reply.Builder reply) throws ProtocolException {
        need(d, TOTALS_LENGTH, "the SOC and totals block");
        reply.pack(PackSnapshot.builder(address)
                .set(Quantity.SOC, UpFrames.u16(d, 0) / 100.0)
                .set(Quantity.DISCHARGED_CAPACITY_TOTAL, UpFrames.u32(d, 14) / 10.0)
                .build());
        reply.detail("chargedCapacityTotal", UpFrames.u32(d, 10) / 10.0);
    }

    /** Block 0x1C00..0x1CA0: BMS model and serial, BMS date, pack serial, pack date (each year, month, day). */
    static void packInfo(byte[] d, Reply.Builder reply) throws ProtocolException {
        need(d, PACK_INFO_LENGTH, "the pack information");
        String bms = UpFrames.text(d, 16, SERIAL_LENGTH);
        String pack = UpFrames.text(d, 52, SERIAL_LENGTH);
        if (!pack.isEmpty()) {
            reply.text("serialNumber", pack);
        }
        date(d, 82).ifPresent(date -> reply.text("productionDate", date.toString()));
        if (!bms.isEmpty()) {
            reply.text("bmsSerialNumber", bms);
        }
        date(d, 46).ifPresent(date -> reply.text("bmsProductionDate", date.toString()));
    }

    /** Year, month, day as three words; empty when they make no date (an unset field reads 0). */
    static Optional<LocalDate> date(byte[] d, int at) {
        try {
            int year = UpFrames.u16(d, at);
            return year < 2000 ? Optional.empty()
                    : Optional.of(LocalDate.of(year, UpFrames.u16(d, at + 2), UpFrames.u16(d, at + 4)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Block 0x2810..0x283C: model number, hardware revision, firmware major, minor, patch, one word, model, project. */
    static void productInfo(byte[] d, Reply.Builder reply) throws ProtocolException {
        need(d, PRODUCT_INFO_LENGTH, "the product information");
        String project = UpFrames.text(d, 28, 16);
        String model = UpFrames.text(d, 12, 16);
        if (!project.isEmpty()) {
            reply.text("manufacturer", project);
        }
        if (!model.isEmpty()) {
            reply.text("model", model);
        }
        reply.text("softwareVersion", UpFrames.u16(d, 4) + "." + UpFrames.u16(d, 6) + "." + UpFrames.u16(d, 8));
        reply.text("hardwareVersion", "rev " + UpFrames.u16(d, 2));
        reply.detail("modelNumber", UpFrames.u16(d, 0));
    }

    @Override
    public Optional<DeviceCodec> deviceCodec() {
        return Optional.of(new UpDeviceCodec());
    }
}
