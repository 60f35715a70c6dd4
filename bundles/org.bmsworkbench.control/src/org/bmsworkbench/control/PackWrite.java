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
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
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

    PackWrite(String busId, int address) {
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

    /** What must hold on the pack's values before anything is sent; empty when it may go. */
    public Optional<Refusal> precondition(PackSnapshot fresh) {
        return Optional.empty();
    }

    public BusCommand.Priority priority() {
        return BusCommand.Priority.SETTINGS;
    }

    /** The command that sends the write and reads it back; run only inside the guard. */
    abstract BusCommand<T> command();

    abstract ReadBack readBack(T result);

    /** Opens or closes a FET, or switches charge current limiting, and reads the pack's state back. */
    public static PackWrite<PackSnapshot> control(String busId, int address, ControlAction action) {
        return new ControlWrite(busId, address, action);
    }

    /** Writes parameter values (each checked against its limits before anything is sent) and reads the page back. */
    public static PackWrite<ParameterSet> parameters(String busId, int address, ParameterSet values) {
        return new ParameterWrite(busId, address, values);
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
        public BusCommand.Priority priority() {
            return BusCommand.Priority.CONTROL;
        }

        @Override
        BusCommand<PackSnapshot> command() {
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
        ReadBack readBack(PackSnapshot after) {
            boolean on = after.hasFlag(flag);
            return new ReadBack(on == switchesOn(), flag.name().replace("_ON", "") + " is now " + (on ? "on" : "off"));
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

        ParameterWrite(String busId, int address, ParameterSet values) {
            super(busId, address);
            this.values = values;
        }

        public ParameterSet values() {
            return values;
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
        BusCommand<ParameterSet> command() {
            return Commands.writeParameters(address(), values);
        }

        @Override
        ReadBack readBack(ParameterSet page) {
            List<String> differ = new ArrayList<>();
            for (Map.Entry<String, Double> e : values.values().entrySet()) {
                ParameterDefinition d = values.definition(e.getKey());
                if (!page.hasValue(e.getKey()) || Math.abs(page.value(e.getKey()) - d.round(e.getValue())) > d.resolution() / 2) {
                    differ.add(e.getKey() + " reads back as "
                            + (page.hasValue(e.getKey()) ? format(d, page.value(e.getKey())) : "nothing"));
                }
            }
            return differ.isEmpty()
                    ? new ReadBack(true, values.values().size() + " values read back as written")
                    : new ReadBack(false, String.join("; ", differ));
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
        BusCommand<LocalDateTime> command() {
            return Commands.setClock(address(), time);
        }

        @Override
        ReadBack readBack(LocalDateTime back) {
            long seconds = Math.abs(java.time.Duration.between(time, back).toSeconds());
            // the pack's clock runs on while it is read back
            return new ReadBack(seconds <= 5, "the clock reads " + back);
        }
    }
}
