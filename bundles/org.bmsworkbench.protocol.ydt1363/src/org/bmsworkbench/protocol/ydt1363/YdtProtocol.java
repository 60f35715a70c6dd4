package org.bmsworkbench.protocol.ydt1363;

import java.io.ByteArrayOutputStream;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.DeviceError;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.Scaling;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.ydt1363.YdtVariant.ParameterField;
import org.bmsworkbench.protocol.ydt1363.YdtVariant.RequestSpec;
import org.bmsworkbench.protocol.ydt1363.YdtVariant.TextField;

/**
 * The YD/T1363.3 codec, shared by every vendor dialect; what differs between them comes from a variant
 * file. Snapshots carry the epoch as their time: the caller stamps the time the reply arrived.
 */
public class YdtProtocol implements BmsProtocol {

    private static final int CLOCK_BYTES = 7;

    private final YdtVariant variant;
    private final Set<Command> commands;
    private final List<ParameterDefinition> parameterDefinitions;

    protected YdtProtocol(String variantId) {
        this.variant = YdtVariant.load(variantId);
        EnumSet<Command> supported = EnumSet.noneOf(Command.class);
        supported.addAll(variant.requests.keySet());
        if (!variant.control.isEmpty() && variant.requests.containsKey(Command.CONTROL)) {
            supported.add(Command.CONTROL);
        }
        this.commands = Set.copyOf(supported);
        this.parameterDefinitions = variant.parameters.stream().map(ParameterField::definition).toList();
    }

    @Override
    public String id() {
        return variant.id;
    }

    @Override
    public String displayName() {
        return variant.name;
    }

    @Override
    public FrameNotation notation() {
        return FrameNotation.ASCII;
    }

    @Override
    public Set<Command> commands() {
        return commands;
    }

    @Override
    public int minAddress() {
        return variant.minAddress;
    }

    @Override
    public int maxAddress() {
        return variant.maxAddress;
    }

    @Override
    public int replyTimeoutMillis() {
        return 1000;
    }

    @Override
    public List<ParameterDefinition> parameterDefinitions() {
        return parameterDefinitions;
    }

    /** {@inheritDoc} The board side of the same variant: its replies decode back to the board's values. */
    @Override
    public Optional<DeviceCodec> deviceCodec() {
        return Optional.of(new YdtDeviceCodec(variant));
    }

    // --- requests ------------------------------------------------------------------------------------------

    /**
     * {@inheritDoc} Address {@code 0xFF} asks every pack behind the first address for its analog values or
     * alarms in one reply, where the protocol offers it.
     */
    @Override
    public List<Request> requests(Command command, int address) throws ProtocolException {
        RequestSpec spec = spec(command);
        if (spec.info().contains("clock")) {
            throw new ProtocolException(Kind.UNSUPPORTED, command.key() + " needs a value: use setClock");
        }
        boolean all = address == YdtRequest.ALL_PACKS
                && (command == Command.ANALOG || command == Command.ALARM_STATUS);
        int frameAddress = all ? variant.minAddress : checkAddress(address);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        for (String token : spec.info()) {
            if (token.equals("address")) {
                info.write(all ? YdtRequest.ALL_PACKS : address);
            } else {
                throw new ProtocolException(Kind.UNSUPPORTED, "request token " + token + " needs a value");
            }
        }
        return List.of(request(command, all ? YdtRequest.ALL_PACKS : address, frameAddress, spec.cid2(),
                info.toByteArray(), all));
    }

    @Override
    public List<Request> writeParameters(int address, ParameterSet parameters) throws ProtocolException {
        RequestSpec spec = spec(Command.SET_PARAMETERS);
        checkAddress(address);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        if (spec.info().contains("address")) {
            info.write(address);
        }
        for (ParameterField field : variant.parameters) {
            String key = field.definition().key();
            if (!parameters.hasValue(key)) {
                throw new ProtocolException(Kind.UNSUPPORTED, field.definition().label() + ": no value to write");
            }
            double value = parameters.value(key);
            String problem = field.definition().problemWith(value);
            if (problem != null) {
                throw new ProtocolException(Kind.UNSUPPORTED, problem);
            }
            long raw = field.encoding().equals("kelvin") ? Math.round(value * 10) + variant.temperatureOffset
                    : Math.round(value / field.scale());
            boolean signed = field.encoding().equals("s16");
            if (signed ? raw < Short.MIN_VALUE || raw > Short.MAX_VALUE : raw < 0 || raw > 0xFFFF) {
                throw new ProtocolException(Kind.UNSUPPORTED,
                        field.definition().label() + ": " + value + " does not fit the 16-bit field");
            }
            info.write((int) (raw >> 8) & 0xFF);
            info.write((int) raw & 0xFF);
        }
        return List.of(request(Command.SET_PARAMETERS, address, address, spec.cid2(), info.toByteArray(), false));
    }

    @Override
    public List<Request> control(int address, ControlAction action) throws ProtocolException {
        RequestSpec spec = spec(Command.CONTROL);
        byte[] code = variant.control.get(action);
        if (code == null) {
            throw new ProtocolException(Kind.UNSUPPORTED, variant.name + " has no control command for " + action);
        }
        checkAddress(address);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        if (spec.info().contains("address")) {
            info.write(address);
        }
        info.writeBytes(code);
        return List.of(request(Command.CONTROL, address, address, spec.cid2(), info.toByteArray(), false));
    }

    @Override
    public List<Request> setClock(int address, LocalDateTime time) throws ProtocolException {
        RequestSpec spec = spec(Command.SET_CLOCK);
        checkAddress(address);
        if (time.getYear() < 2000 || time.getYear() > 2099) {
            throw new ProtocolException(Kind.UNSUPPORTED, "the clock takes years 2000 to 2099, not " + time.getYear());
        }
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        for (String token : spec.info()) {
            if (token.equals("address")) {
                info.write(address);
            } else if (token.equals("clock")) {
                info.write(time.getYear() >> 8);
                info.write(time.getYear() & 0xFF);
                info.write(time.getMonthValue());
                info.write(time.getDayOfMonth());
                info.write(time.getHour());
                info.write(time.getMinute());
                info.write(time.getSecond());
            }
        }
        return List.of(request(Command.SET_CLOCK, address, address, spec.cid2(), info.toByteArray(), false));
    }

    private RequestSpec spec(Command command) throws ProtocolException {
        RequestSpec spec = variant.requests.get(command);
        if (spec == null) {
            throw new ProtocolException(Kind.UNSUPPORTED, variant.name + " has no " + command.key() + " command");
        }
        return spec;
    }

    private int checkAddress(int address) throws ProtocolException {
        if (address < variant.minAddress || address > variant.maxAddress) {
            throw new ProtocolException(Kind.UNSUPPORTED, "address " + address + " is outside "
                    + variant.minAddress + ".." + variant.maxAddress);
        }
        return address;
    }

    private YdtRequest request(Command command, int packAddress, int frameAddress, int cid2, byte[] info,
            boolean all) {
        YdtFrame frame = new YdtFrame(variant.version, frameAddress, variant.cid1, cid2, info);
        return new YdtRequest(command, packAddress, frame, all);
    }

    @Override
    public Request parseRequest(byte[] raw) throws ProtocolException {
        YdtFrame frame = YdtFrame.parse(raw);
        if (frame.version() != variant.version) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format("VER is %02X; %s uses %02X",
                    frame.version(), variant.id, variant.version));
        }
        if (frame.cid1() != variant.cid1) {
            throw new ProtocolException(Kind.BAD_FORMAT, String.format("CID1 is %02XH; %s uses %02XH",
                    frame.cid1(), variant.id, variant.cid1));
        }
        for (Map.Entry<Command, RequestSpec> e : variant.requests.entrySet()) {
            if (e.getValue().cid2() == frame.cid2()) {
                byte[] info = frame.info();
                boolean addressInInfo = !e.getValue().info().isEmpty() && e.getValue().info().get(0).equals("address");
                int pack = addressInInfo && info.length > 0 ? info[0] & 0xFF : frame.address();
                boolean all = addressInInfo && pack == YdtRequest.ALL_PACKS;
                return new YdtRequest(e.getKey(), pack, frame, all);
            }
        }
        throw new ProtocolException(Kind.UNSUPPORTED, String.format("CID2 %02XH is not a command of %s",
                frame.cid2(), variant.id));
    }

    @Override
    public FrameDecoder decoder(Request pending) {
        int address = pending instanceof YdtRequest r ? r.frameAddress() : pending.address();
        return new YdtFrameDecoder(pending, address, variant.cid1);
    }

    // --- replies -------------------------------------------------------------------------------------------

    @Override
    public Reply decode(Request request, byte[] raw) throws ProtocolException {
        YdtFrame frame = YdtFrame.parse(raw);
        int expectedAddress = request instanceof YdtRequest r ? r.frameAddress() : request.address();
        if (frame.address() != expectedAddress) {
            throw new ProtocolException(Kind.WRONG_ADDRESS,
                    "the reply is from address " + frame.address() + ", " + expectedAddress + " was asked");
        }
        if (frame.cid1() != variant.cid1) {
            throw new ProtocolException(Kind.UNEXPECTED_REPLY, String.format("CID1 %02XH, %02XH expected",
                    frame.cid1(), variant.cid1));
        }
        Reply.Builder reply = Reply.builder(request.command());
        if (frame.cid2() != 0) {
            return reply.error(new DeviceError(frame.cid2(), YdtReturnCodes.meaning(frame.cid2(),
                    variant.returnCodes))).build();
        }
        InfoReader in = new InfoReader(frame.info());
        boolean all = request instanceof YdtRequest r && r.allPacks();
        switch (request.command()) {
            case ANALOG -> analog(in, all, reply);
            case ALARM_STATUS -> alarms(in, all, reply);
            case MANUFACTURER -> text(in, variant.manufacturer, reply);
            case SERIAL_NUMBER -> text(in, variant.serial, reply);
            case PROTOCOL_VERSION -> reply.detail("protocolVersion",
                    (frame.version() >> 4) + "." + (frame.version() & 0xF));
            case GET_PARAMETERS -> parameters(in, reply);
            case GET_CLOCK -> reply.clock(clock(in));
            case HISTORY -> history(in, reply);
            default -> reply.detail("acknowledged", Boolean.TRUE);
        }
        return reply.build();
    }

    private void analog(InfoReader in, boolean all, Reply.Builder reply) throws ProtocolException {
        int selector = header(in, variant.analogHeader);
        int packs = all ? selector : 1;
        if (all && (packs < 1 || packs > 16)) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "an all-packs answer for " + packs + " packs");
        }
        for (int p = 0; p < packs; p++) {
            PackSnapshot.Builder b = PackSnapshot.builder(all ? p + 1 : selector);
            analogGroup(in, b);
            reply.pack(b.build());
        }
    }

    /** Reads the header bytes and returns the pack selector (address, or count for an all-packs answer). */
    private static int header(InfoReader in, List<String> header) throws ProtocolException {
        int selector = 0;
        for (String token : header) {
            int v = in.u8(token);
            if (token.equals("address")) {
                selector = v;
            }
        }
        return selector;
    }

    private void analogGroup(InfoReader in, PackSnapshot.Builder b) throws ProtocolException {
        int cells = in.u8("cell count");
        if (cells > PackSnapshot.MAX_CELLS) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "cell count " + cells + " exceeds " + PackSnapshot.MAX_CELLS);
        }
        b.cellCount(cells);
        for (int i = 0; i < cells; i++) {
            b.cellVoltage(i, Scaling.apply(in.u16("cell " + (i + 1)), variant.cellVoltageScale, 0));
        }
        int temps = in.u8("temperature count");
        if (temps > PackSnapshot.MAX_TEMPERATURES) {
            throw new ProtocolException(Kind.BAD_PAYLOAD,
                    "temperature count " + temps + " exceeds " + PackSnapshot.MAX_TEMPERATURES);
        }
        b.temperatureCount(temps);
        for (int i = 0; i < temps; i++) {
            b.temperature(i, kelvin(in.u16("temperature " + (i + 1))));
        }
        b.set(Quantity.CURRENT, Scaling.apply(in.s16("current"), variant.currentScale, 0));
        b.set(Quantity.VOLTAGE, Scaling.apply(in.u16("voltage"), variant.voltageScale, 0));
        b.set(Quantity.REMAINING_CAPACITY, Scaling.apply(in.u16("remaining capacity"), variant.capacityScale, 0));
        int count = in.u8("user defined item count");
        List<String> items = variant.userItems.get(count);
        if (items == null) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "user defined item count " + count
                    + " is not one " + variant.id + " sends (" + variant.userItems.keySet() + ")");
        }
        for (String item : items) {
            switch (item) {
                case "fullCapacity" -> b.set(Quantity.FULL_CAPACITY, Scaling.apply(in.u16(item), variant.capacityScale, 0));
                case "designCapacity" -> b.set(Quantity.DESIGN_CAPACITY, Scaling.apply(in.u16(item), variant.capacityScale, 0));
                case "remainingCapacity24" ->
                    b.set(Quantity.REMAINING_CAPACITY, Scaling.apply(in.u24(item), variant.capacity24Scale, 0));
                case "fullCapacity24" -> b.set(Quantity.FULL_CAPACITY, Scaling.apply(in.u24(item), variant.capacity24Scale, 0));
                case "cycles" -> b.set(Quantity.CYCLES, in.u16(item));
                case "soc" -> b.set(Quantity.SOC, Scaling.apply(in.u16(item), 0.1, 0));
                case "soh" -> b.set(Quantity.SOH, Scaling.apply(in.u16(item), 0.1, 0));
                case "portVoltage" -> b.set(Quantity.PORT_VOLTAGE, Scaling.apply(in.u16(item), variant.voltageScale, 0));
                case "skip2" -> in.skip(2, item);
                case "deriveSoc" -> derive(b, Quantity.SOC, Quantity.REMAINING_CAPACITY, Quantity.FULL_CAPACITY);
                case "deriveSoh" -> derive(b, Quantity.SOH, Quantity.FULL_CAPACITY, Quantity.DESIGN_CAPACITY);
                default -> throw new IllegalStateException(variant.id + ": unknown analog item " + item);
            }
        }
        double[] stats = b.build().cellStatistics();
        b.set(Quantity.MIN_CELL_VOLTAGE, stats[0]).set(Quantity.MAX_CELL_VOLTAGE, stats[1])
                .set(Quantity.AVERAGE_CELL_VOLTAGE, Double.isNaN(stats[2]) ? stats[2]
                        : Math.round(stats[2] * 1e4) / 1e4);
    }

    private static void derive(PackSnapshot.Builder b, Quantity target, Quantity part, Quantity whole) {
        PackSnapshot s = b.build();
        double w = s.get(whole);
        if (w > 0 && s.has(part)) {
            b.set(target, Math.min(100.0, Math.round(1000.0 * s.get(part) / w) / 10.0));
        }
    }

    private double kelvin(int raw) {
        return Scaling.apply(raw - variant.temperatureOffset, 0.1, 0);
    }

    private void alarms(InfoReader in, boolean all, Reply.Builder reply) throws ProtocolException {
        int selector = header(in, variant.alarmHeader);
        int packs = all ? selector : 1;
        if (all && (packs < 1 || packs > 16)) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "an all-packs answer for " + packs + " packs");
        }
        for (int p = 0; p < packs; p++) {
            PackSnapshot.Builder b = PackSnapshot.builder(all ? p + 1 : selector);
            for (FlagCategory c : List.of(FlagCategory.SYSTEM, FlagCategory.ALARM, FlagCategory.PROTECTION,
                    FlagCategory.DETECTION)) {
                b.reported(c);
            }
            alarmGroup(in, b);
            reply.pack(b.build());
        }
    }

    private void alarmGroup(InfoReader in, PackSnapshot.Builder b) throws ProtocolException {
        int cells = in.u8("cell count");
        if (cells > PackSnapshot.MAX_CELLS) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "cell count " + cells + " exceeds " + PackSnapshot.MAX_CELLS);
        }
        for (int i = 0; i < cells; i++) {
            level(b, in.u8("cell " + (i + 1) + " alarm"), PackFlag.CELL_UV, PackFlag.CELL_OV, PackFlag.CELL_ERROR);
        }
        int temps = in.u8("temperature count");
        if (temps > PackSnapshot.MAX_TEMPERATURES) {
            throw new ProtocolException(Kind.BAD_PAYLOAD,
                    "temperature count " + temps + " exceeds " + PackSnapshot.MAX_TEMPERATURES);
        }
        for (int i = 0; i < temps; i++) {
            level(b, in.u8("temperature " + (i + 1) + " alarm"), PackFlag.CELL_UT, PackFlag.CELL_OT,
                    PackFlag.TEMP_SENSE_ERROR);
        }
        for (String token : variant.alarmTail) {
            String[] parts = token.split(":");
            int v = in.u8(token);
            switch (parts[0]) {
                case "level" -> {
                    switch (parts[1]) {
                        case "chargeCurrent" -> level(b, v, null, PackFlag.CHG_OC, PackFlag.CURRENT_SENSE_ERROR);
                        case "dischargeCurrent" -> level(b, v, null, PackFlag.DSG_OC, PackFlag.CURRENT_SENSE_ERROR);
                        case "current" -> level(b, v, PackFlag.DSG_OC, PackFlag.CHG_OC, PackFlag.CURRENT_SENSE_ERROR);
                        case "packVoltage" -> level(b, v, PackFlag.PACK_UV, PackFlag.PACK_OV,
                                PackFlag.VOLTAGE_SENSE_ERROR);
                        default -> throw new IllegalStateException(variant.id + ": unknown level " + token);
                    }
                }
                case "status" -> {
                    PackFlag[] bits = variant.alarmBits.get(parts[1]);
                    for (int bit = 0; bit < 8; bit++) {
                        if (bits[bit] != null && (v & (1 << bit)) != 0) {
                            b.flag(bits[bit], true);
                        }
                    }
                }
                case "balance" -> {
                    int first = Integer.parseInt(parts[1]) - 1;
                    for (int bit = 0; bit < 8; bit++) {
                        if ((v & (1 << bit)) != 0) {
                            b.balancing(first + bit, true);
                            b.flag(PackFlag.BALANCING, true);
                        }
                    }
                }
                case "cellError" -> {
                    if (v != 0) {
                        b.flag(PackFlag.CELL_ERROR, true);
                    }
                }
                case "skip" -> {
                    // a count or reserved byte
                }
                default -> throw new IllegalStateException(variant.id + ": unknown alarm token " + token);
            }
        }
    }

    /** A YD/T1363 alarm level byte: 0 normal, 1 below the lower limit, 2 above the upper, F0 other fault. */
    private static void level(PackSnapshot.Builder b, int value, PackFlag low, PackFlag high, PackFlag fault) {
        if (value == 1 && low != null) {
            b.flag(low, true);
        } else if (value == 2) {
            b.flag(high, true);
        } else if (value >= 0x80) {
            b.flag(fault, true);
        }
    }

    private static void text(InfoReader in, List<TextField> fields, Reply.Builder reply) throws ProtocolException {
        for (TextField f : fields) {
            if (f.name().equals("skip")) {
                in.skip(f.length(), "a skipped field");
            } else if (f.version()) {
                StringBuilder v = new StringBuilder();
                for (int i = 0; i < f.length(); i++) {
                    v.append(i == 0 ? "" : ".").append(in.u8(f.name()));
                }
                reply.text(f.name(), v.toString());
            } else {
                reply.text(f.name(), in.text(f.length(), f.name()));
            }
        }
    }

    private void parameters(InfoReader in, Reply.Builder reply) throws ProtocolException {
        header(in, variant.parametersHeader);
        ParameterSet set = ParameterSet.of(parameterDefinitions);
        for (ParameterField f : variant.parameters) {
            String key = f.definition().key();
            double value = switch (f.encoding()) {
                case "kelvin" -> kelvin(in.u16(key));
                case "s16" -> Scaling.apply(in.s16(key), f.scale(), 0);
                default -> Scaling.apply(in.u16(key), f.scale(), 0);
            };
            set = set.withReadValue(key, value);
        }
        reply.parameters(set);
    }

    private static LocalDateTime clock(InfoReader in) throws ProtocolException {
        if (in.remaining() < CLOCK_BYTES) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, "the clock needs 7 bytes, INFO has " + in.remaining());
        }
        int year = in.u16("year");
        int month = in.u8("month");
        int day = in.u8("day");
        int hour = in.u8("hour");
        int minute = in.u8("minute");
        int second = in.u8("second");
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            throw new ProtocolException(Kind.BAD_PAYLOAD, String.format(
                    "the clock reads %04d-%02d-%02d %02d:%02d:%02d, which is not a time", year, month, day, hour,
                    minute, second));
        }
    }

    private void history(InfoReader in, Reply.Builder reply) throws ProtocolException {
        int address = 0;
        LocalDateTime time = null;
        PackSnapshot.Builder b = null;
        for (String token : variant.historyLayout) {
            switch (token) {
                case "dataFlag" -> in.u8(token);
                case "address" -> address = in.u8(token);
                case "clock" -> time = clock(in);
                case "analogGroup" -> {
                    b = PackSnapshot.builder(address);
                    analogGroup(in, b);
                }
                default -> throw new IllegalStateException(variant.id + ": unknown history token " + token);
            }
        }
        if (b == null || time == null) {
            throw new IllegalStateException(variant.id + ": history.layout needs clock and analogGroup");
        }
        PackSnapshot values = b.build();
        double current = values.get(Quantity.CURRENT);
        OperatingMode mode = current > 0 ? OperatingMode.CHARGE : current < 0 ? OperatingMode.DISCHARGE
                : OperatingMode.IDLE;
        reply.history(new HistoryRecord(0, time, mode, values));
        reply.pack(values);
    }
}
