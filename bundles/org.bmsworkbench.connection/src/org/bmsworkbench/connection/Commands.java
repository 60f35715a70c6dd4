package org.bmsworkbench.connection;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/**
 * The stock commands views queue on a bus. Each checks what it is about to send against the pack's limits
 * before the first byte goes out, and reads back what it changed.
 */
public final class Commands {

    private Commands() {
    }

    /** Reads the whole parameter page. */
    public static BusCommand<ParameterSet> readParameters(int address) {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Read the parameters of pack " + address;
            }

            @Override
            public ParameterSet run(CommandContext c) throws Exception {
                return readParameterPage(c, address);
            }
        };
    }

    /**
     * Writes every value of {@code values}, then reads the page back and returns it.
     *
     * @throws IllegalArgumentException (through the result) for a value outside its definition's limits or a
     *                                  broken relation (e.g. a recovery above its protection); nothing is sent
     */
    public static BusCommand<ParameterSet> writeParameters(int address, ParameterSet values) {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Write " + values.values().size() + " parameters to pack " + address;
            }

            @Override
            public ParameterSet run(CommandContext c) throws Exception {
                checkLimits(values);
                List<Request> requests = c.protocol().writeParameters(address, values);
                int step = 0;
                int total = requests.size() + c.protocol().requests(Command.GET_PARAMETERS, address).size();
                for (Request r : requests) {
                    c.progress(step++, total, r.description());
                    c.transact(r);
                }
                return readParameterPage(c, address);
            }
        };
    }

    /** Sends a control action (FET test, current limit, ...) and returns the pack's reply. */
    public static BusCommand<Reply> control(int address, ControlAction action) {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Control " + action + " on pack " + address;
            }

            @Override
            public Priority priority() {
                return Priority.CONTROL;
            }

            @Override
            public Reply run(CommandContext c) throws Exception {
                Reply last = null;
                for (Request r : c.protocol().control(address, action)) {
                    Reply reply = c.transact(r);
                    last = reply == null ? last : reply;
                }
                return last;
            }
        };
    }

    /** Sets the pack's clock, then reads it back when the protocol can. */
    public static BusCommand<LocalDateTime> setClock(int address, LocalDateTime time) {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Set the clock of pack " + address + " to " + time;
            }

            @Override
            public LocalDateTime run(CommandContext c) throws Exception {
                for (Request r : c.protocol().setClock(address, time)) {
                    c.transact(r);
                }
                if (!c.protocol().commands().contains(Command.GET_CLOCK)) {
                    return time;
                }
                return readClockOf(c, address);
            }
        };
    }

    public static BusCommand<LocalDateTime> readClock(int address) {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Read the clock of pack " + address;
            }

            @Override
            public LocalDateTime run(CommandContext c) throws Exception {
                return readClockOf(c, address);
            }
        };
    }

    /** Reads every identity text the protocol has (manufacturer, versions, serial number, bar code). */
    public static BusCommand<DeviceIdentity> readIdentity(int address) {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Read the identity of pack " + address;
            }

            @Override
            public DeviceIdentity run(CommandContext c) throws Exception {
                DeviceIdentity identity = new DeviceIdentity(Map.of());
                List<Request> requests = new ArrayList<>();
                for (Command command : List.of(Command.MANUFACTURER, Command.PROTOCOL_VERSION, Command.SERIAL_NUMBER)) {
                    if (c.protocol().commands().contains(command)) {
                        requests.addAll(c.protocol().requests(command, address));
                    }
                }
                int step = 0;
                int answered = 0;
                for (Request r : requests) {
                    c.progress(step++, requests.size(), r.description());
                    Reply reply = transactUnlessSilent(c, r);
                    if (reply != null) {
                        identity = identity.mergedWith(reply.identity());
                        answered++;
                    }
                }
                requireAnswer(address, requests, answered);
                return identity;
            }
        };
    }

    /** Runs the requests of any command the protocol can build, and returns their replies in order. */
    public static BusCommand<List<Reply>> read(Command command, int address) {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Read " + command.key() + " of pack " + address;
            }

            @Override
            public List<Reply> run(CommandContext c) throws Exception {
                List<Request> requests = c.protocol().requests(command, address);
                List<Reply> replies = new ArrayList<>();
                int step = 0;
                for (Request r : requests) {
                    c.progress(step++, requests.size(), r.description());
                    Reply reply = transactUnlessSilent(c, r);
                    if (reply != null) {
                        replies.add(reply);
                    }
                }
                requireAnswer(address, requests, replies.size());
                return replies;
            }
        };
    }

    /**
     * The reply to {@code r}, or {@code null} when {@code r} is {@linkplain Request#optional() optional} and the
     * pack stayed silent on it; any other failure is thrown.
     */
    static Reply transactUnlessSilent(CommandContext c, Request r) throws CommandException, java.io.IOException {
        try {
            return c.transact(r);
        } catch (CommandException e) {
            if (r.optional() && e.noAnswer()) {
                return null;
            }
            throw e;
        }
    }

    /** A command of optional requests alone still fails when the pack answered none of them. */
    private static void requireAnswer(int address, List<Request> requests, int answered) throws CommandException {
        if (answered == 0 && !requests.isEmpty()) {
            throw new CommandException("pack " + address + " answered none of: "
                    + String.join(", ", requests.stream().map(Request::description).toList()), true);
        }
    }

    static ParameterSet readParameterPage(CommandContext c, int address) throws Exception {
        BmsProtocol protocol = c.protocol();
        ParameterSet page = ParameterSet.of(protocol.parameterDefinitions());
        java.util.Set<String> known = new java.util.HashSet<>();
        protocol.parameterDefinitions().forEach(d -> known.add(d.key()));
        List<Request> requests = protocol.requests(Command.GET_PARAMETERS, address);
        int step = 0;
        for (Request r : requests) {
            c.progress(step++, requests.size(), r.description());
            Reply reply = c.transact(r);
            if (reply != null && reply.parameters() != null) {
                for (Map.Entry<String, Double> e : reply.parameters().values().entrySet()) {
                    if (known.contains(e.getKey())) {
                        page = page.withReadValue(e.getKey(), e.getValue());
                    }
                }
            }
        }
        return page;
    }

    private static LocalDateTime readClockOf(CommandContext c, int address) throws Exception {
        LocalDateTime clock = null;
        for (Request r : c.protocol().requests(Command.GET_CLOCK, address)) {
            Reply reply = c.transact(r);
            if (reply != null && reply.clock() != null) {
                clock = reply.clock();
            }
        }
        if (clock == null) {
            throw new CommandException("pack " + address + " answered without a clock");
        }
        return clock;
    }

    /** A value read from a device may be anything; only values inside their limits are ever written back. */
    static void checkLimits(ParameterSet values) {
        if (values.values().isEmpty()) {
            throw new IllegalArgumentException("no parameter value to write");
        }
        for (Map.Entry<String, Double> e : values.values().entrySet()) {
            ParameterDefinition d = values.definition(e.getKey());
            String problem = d.problemWith(e.getValue());
            if (problem != null) {
                throw new IllegalArgumentException(problem + " (limits " + d.minimum() + ".." + d.maximum() + " "
                        + d.unit() + "); nothing was sent");
            }
        }
    }
}
