package org.bmsworkbench.control;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.connection.CommandException;
import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.ProtocolError;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/**
 * One change to one pack, as the {@link WriteService} handles it: what it is for the audit log, what must hold
 * on the pack's fresh values before it is sent, the bus command that sends it, and how its read-back is judged.
 *
 * @param <T> what the command returns: the pack's values, its parameter page or its clock, read back
 */
public abstract class PackWrite<T> {

    private final String busId;
    private final int address;

    protected PackWrite(String busId, int address) {
        this.busId = busId;
        this.address = address;
    }

    public String busId() {
        return busId;
    }

    public int address() {
        return address;
    }

    /** For the audit log: {@code DFET_OFF}, {@code parameters}, {@code clock}. */
    public abstract String what();

    /** The value before, as the latest values show it; empty when they do not. */
    public abstract String oldValue(PackSnapshot latest);

    public abstract String newValue();

    /**
     * Why {@code protocol} cannot carry this write, in English; empty when it can. Judged before the password and
     * the confirmation, so that a read-only protocol is said to be one rather than asked for a password.
     */
    public Optional<String> unsupportedBy(BmsProtocol protocol) {
        return Optional.empty();
    }

    /** The reason {@code protocol} gives for having no {@code action} for this pack, or empty when it has it. */
    protected final Optional<String> withoutControl(BmsProtocol protocol, ControlAction action) {
        return unsupportedWhen(() -> protocol.control(address, action));
    }

    /** The reason {@code build} gives when the protocol throws UNSUPPORTED, or empty when it builds. */
    protected static Optional<String> unsupportedWhen(ProtocolBuild build) {
        try {
            build.run();
            return Optional.empty();
        } catch (ProtocolException e) {
            return e.error().kind() == ProtocolError.Kind.UNSUPPORTED ? Optional.of(e.getMessage())
                    : Optional.empty();
        }
    }

    /** Builds a write's frames, only to learn whether the protocol has them. */
    @FunctionalInterface
    protected interface ProtocolBuild {
        void run() throws ProtocolException;
    }

    /** What must hold on the pack's values before anything is sent; empty when it may go. */
    public Optional<Refusal> precondition(PackSnapshot fresh) {
        return Optional.empty();
    }

    public BusCommand.Priority priority() {
        return BusCommand.Priority.SETTINGS;
    }

    /** The command that sends the write and reads it back; run only inside the guard. */
    protected abstract BusCommand<T> command();

    protected abstract ReadBack readBack(T result);

    /**
     * One audit line of a write that changes several things (a parameter write: one per parameter), before the
     * write's own outcome line.
     *
     * @param what     e.g. {@code parameter cellHighVoltageAlarm}
     * @param oldValue the value before, with its unit; empty when unknown
     * @param newValue the value sent, with its unit
     */
    public record AuditItem(String what, String oldValue, String newValue) {
    }

    /** The things this write changes, each audited on its own line; empty when the write is one thing. */
    protected List<AuditItem> auditItems() {
        return List.of();
    }

    /** How one of {@link #auditItems()} read back. */
    protected ReadBack readBack(AuditItem item, T result) {
        return readBack(result);
    }

    /** Opens or closes a FET, or switches charge current limiting, and reads the pack's state back. */
    public static PackWrite<PackSnapshot> control(String busId, int address, ControlAction action) {
        return new ControlWrite(busId, address, action);
    }

    /** Writes parameter values (each checked against its limits before anything is sent) and reads the page back. */
    public static PackWrite<ParameterSet> parameters(String busId, int address, ParameterSet values) {
        return new ParameterWrite(busId, address, values, null);
    }

    /**
     * Writes parameter values and reads the page back, with one audit line per value: its value in
     * {@code before} (the page as last read; {@code null} when unknown), the new value and how it read back.
     */
    public static PackWrite<ParameterSet> parameters(String busId, int address, ParameterSet values,
            ParameterSet before) {
        return new ParameterWrite(busId, address, values, before);
    }

    /**
     * Restores the board's factory parameter set (the protocol's {@link ControlAction#RESTORE_DEFAULTS}, for
     * modbus-native coil 0x0006) instead of sending a page, then reads the page. The board applies the set within
     * a few seconds (2 s for modbus-native), so the page read at once may still show the old values.
     */
    public static PackWrite<ParameterSet> restoreDefaults(String busId, int address) {
        return new RestoreDefaultsWrite(busId, address);
    }

    /** Sets the pack's clock and reads it back. */
    public static PackWrite<LocalDateTime> clock(String busId, int address, LocalDateTime time) {
        return new ClockWrite(busId, address, time);
    }

    /** The flag a control-test action switches. */
    public static PackFlag flagOf(ControlAction action) {
        return switch (action) {
            case CFET_ON, CFET_OFF -> PackFlag.CFET_ON;
            case DFET_ON, DFET_OFF -> PackFlag.DFET_ON;
            case CHARGE_LIMIT_ON, CHARGE_LIMIT_OFF -> PackFlag.CHARGE_CURRENT_LIMIT_ON;
            default -> throw new IllegalArgumentException(action + " is not a control-test action");
        };
    }

    /** A control-test action. */
    public static final class ControlWrite extends PackWrite<PackSnapshot> {
        private final ControlAction action;
        private final PackFlag flag;

        ControlWrite(String busId, int address, ControlAction action) {
            super(busId, address);
            this.action = action;
            this.flag = flagOf(action);
        }

        public ControlAction action() {
            return action;
        }

        public PackFlag flag() {
            return flag;
        }

        /** Whether the action switches its flag on. */
        public boolean switchesOn() {
            return action.name().endsWith("_ON");
        }

        @Override
        public String what() {
            return action.name();
        }

        @Override
        public String oldValue(PackSnapshot latest) {
            return latest == null ? "" : latest.hasFlag(flag) ? "on" : "off";
        }

        @Override
        public String newValue() {
            return switchesOn() ? "on" : "off";
        }

        @Override
        public Optional<Refusal> precondition(PackSnapshot fresh) {
            return ControlInterlocks.check(fresh, PackLinkState.ONLINE, action);
        }

        @Override
        public Optional<String> unsupportedBy(BmsProtocol protocol) {
            return withoutControl(protocol, action);
        }

        @Override
        public BusCommand.Priority priority() {
            return BusCommand.Priority.CONTROL;
        }

        @Override
        protected BusCommand<PackSnapshot> command() {
            BusCommand<Reply> control = Commands.control(address(), action);
            return new BusCommand<>() {
                @Override
                public String label() {
                    return control.label();
                }

                @Override
                public PackSnapshot run(CommandContext c) throws Exception {
                    control.run(c);
                    return readState(c, address(), flag);
                }
            };
        }

        @Override
        protected ReadBack readBack(PackSnapshot after) {
            boolean on = after.hasFlag(flag);
            return new ReadBack(on == switchesOn(), Phrase.of("switch.now", flag.name().replace("_ON", ""),
                    Phrase.of(on ? "switch.on" : "switch.off")));
        }
    }

    /** Reads the pack's status (and its live values when the status does not carry the flag) after a command. */
    static PackSnapshot readState(CommandContext c, int address, PackFlag flag) throws Exception {
        PackSnapshot merged = null;
        List<Command> wanted = new ArrayList<>(List.of(Command.ALARM_STATUS, Command.ANALOG));
        for (Command command : wanted) {
            if (!c.protocol().commands().contains(command)) {
                continue;
            }
            for (Request r : c.protocol().requests(command, address)) {
                Reply reply = c.transact(r);
                for (PackSnapshot s : reply == null ? List.<PackSnapshot>of() : reply.packs()) {
                    if (s.address() == address) {
                        merged = merged == null ? s : merged.mergedWith(s);
                    }
                }
            }
            if (merged != null && merged.reportedFlagCategories().contains(flag.category())) {
                return merged;
            }
        }
        if (merged == null || !merged.reportedFlagCategories().contains(flag.category())) {
            throw new CommandException("pack " + address + " was switched but does not report "
                    + flag.name() + ": it cannot be read back");
        }
        return merged;
    }

    /** Parameter values. */
    public static final class ParameterWrite extends PackWrite<ParameterSet> {
        private final ParameterSet values;
        private final ParameterSet before;

        ParameterWrite(String busId, int address, ParameterSet values, ParameterSet before) {
            super(busId, address);
            this.values = values;
            this.before = before;
        }

        public ParameterSet values() {
            return values;
        }

        @Override
        public Optional<String> unsupportedBy(BmsProtocol protocol) {
            return protocol.parameterDefinitions().isEmpty()
                    ? Optional.of(protocol.displayName() + " has no parameter page") : Optional.empty();
        }

        @Override
        protected List<AuditItem> auditItems() {
            List<AuditItem> items = new ArrayList<>();
            for (Map.Entry<String, Double> e : values.values().entrySet()) {
                ParameterDefinition d = values.definition(e.getKey());
                String old = before != null && before.hasValue(e.getKey()) ? withUnit(d, before.value(e.getKey())) : "";
                items.add(new AuditItem("parameter " + e.getKey(), old, withUnit(d, e.getValue())));
            }
            return items;
        }

        @Override
        protected ReadBack readBack(AuditItem item, ParameterSet page) {
            String key = item.what().substring("parameter ".length());
            ParameterDefinition d = values.definition(key);
            if (!page.hasValue(key)) {
                return new ReadBack(false, Phrase.of("readBack.nothing"));
            }
            boolean same = Math.abs(page.value(key) - d.round(values.value(key))) <= d.resolution() / 2;
            return new ReadBack(same, Phrase.of("readBack.as", withUnit(d, page.value(key))));
        }

        @Override
        public String what() {
            return "parameters";
        }

        @Override
        public String oldValue(PackSnapshot latest) {
            return "";
        }

        @Override
        public String newValue() {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Double> e : values.values().entrySet()) {
                ParameterDefinition d = values.definition(e.getKey());
                parts.add((e.getKey() + "=" + format(d, e.getValue()) + " " + d.unit()).trim());
            }
            return String.join(", ", parts);
        }

        @Override
        protected BusCommand<ParameterSet> command() {
            return Commands.writeParameters(address(), values);
        }

        @Override
        protected ReadBack readBack(ParameterSet page) {
            List<Phrase> differ = new ArrayList<>();
            for (Map.Entry<String, Double> e : values.values().entrySet()) {
                ParameterDefinition d = values.definition(e.getKey());
                if (!page.hasValue(e.getKey()) || Math.abs(page.value(e.getKey()) - d.round(e.getValue())) > d.resolution() / 2) {
                    differ.add(page.hasValue(e.getKey())
                            ? Phrase.of("readBack.valueAs", e.getKey(), format(d, page.value(e.getKey())))
                            : Phrase.of("readBack.valueNothing", e.getKey()));
                }
            }
            return differ.isEmpty()
                    ? new ReadBack(true, Phrase.of("readBack.allWritten", values.values().size()))
                    : new ReadBack(false, Phrase.all(differ));
        }
    }

    /** The value and its unit, e.g. {@code 3.550 V}. */
    static String withUnit(ParameterDefinition d, double value) {
        return (format(d, value) + " " + d.unit()).trim();
    }

    /** The factory parameter set, restored by the board. */
    public static final class RestoreDefaultsWrite extends PackWrite<ParameterSet> {

        RestoreDefaultsWrite(String busId, int address) {
            super(busId, address);
        }

        @Override
        public Optional<String> unsupportedBy(BmsProtocol protocol) {
            return withoutControl(protocol, ControlAction.RESTORE_DEFAULTS);
        }

        @Override
        public String what() {
            return ControlAction.RESTORE_DEFAULTS.name();
        }

        @Override
        public String oldValue(PackSnapshot latest) {
            return "";
        }

        @Override
        public String newValue() {
            return "factory parameters";
        }

        @Override
        protected BusCommand<ParameterSet> command() {
            BusCommand<Reply> control = Commands.control(address(), ControlAction.RESTORE_DEFAULTS);
            BusCommand<ParameterSet> read = Commands.readParameters(address());
            return new BusCommand<>() {
                @Override
                public String label() {
                    return control.label();
                }

                @Override
                public ParameterSet run(CommandContext c) throws Exception {
                    control.run(c);
                    return read.run(c);
                }
            };
        }

        @Override
        protected ReadBack readBack(ParameterSet page) {
            // the board takes the request and applies the set on its own time; the caller reads the page again
            return new ReadBack(true, Phrase.of("restore.requested"));
        }
    }

    /** A value with as many decimals as its resolution has, e.g. 3.550 for 0.001 V steps. */
    static String format(ParameterDefinition d, double value) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(d.resolution()) - 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", d.round(value));
    }

    /** The pack's clock. */
    public static final class ClockWrite extends PackWrite<LocalDateTime> {
        private final LocalDateTime time;

        ClockWrite(String busId, int address, LocalDateTime time) {
            super(busId, address);
            this.time = time;
        }

        @Override
        public Optional<String> unsupportedBy(BmsProtocol protocol) {
            return unsupportedWhen(() -> protocol.setClock(address(), time));
        }

        @Override
        public String what() {
            return "clock";
        }

        @Override
        public String oldValue(PackSnapshot latest) {
            return "";
        }

        @Override
        public String newValue() {
            return time.toString();
        }

        @Override
        protected BusCommand<LocalDateTime> command() {
            return Commands.setClock(address(), time);
        }

        @Override
        protected ReadBack readBack(LocalDateTime back) {
            long seconds = Math.abs(java.time.Duration.between(time, back).toSeconds());
            // the pack's clock runs on while it is read back
            return new ReadBack(seconds <= 5, Phrase.of("clock.reads",
                    back.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))));
        }
    }
}
