package org.bmsworkbench.connection;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Request;

/**
 * The requests that poll one pack: a full poll reads the protocol's {@code ANALOG} and {@code ALARM_STATUS}
 * frames, each frame once (for Modbus the summary block, the cells and the sensors; for Pylontech 42H and
 * 44H); a summary poll only {@code ALARM_STATUS}, or the full poll where the protocol has no such command.
 */
final class PollPlan {

    private PollPlan() {
    }

    static List<Request> full(BmsProtocol protocol, int address) throws ProtocolException {
        return plan(protocol, address, null);
    }

    static List<Request> summary(BmsProtocol protocol, int address) throws ProtocolException {
        return plan(protocol, address, Command.ALARM_STATUS);
    }

    /** The requests of a summary poll ({@code ALARM_STATUS}), or of a full poll ({@code null}: analog + status, each frame once). */
    private static List<Request> plan(BmsProtocol protocol, int address, Command only) throws ProtocolException {
        Set<Command> commands = protocol.commands();
        List<Command> wanted = only != null ? List.of(only) : List.of(Command.ANALOG, Command.ALARM_STATUS);
        List<Request> result = new ArrayList<>();
        Set<String> frames = new LinkedHashSet<>();
        for (Command c : wanted) {
            if (!commands.contains(c)) {
                continue;
            }
            for (Request r : protocol.requests(c, address)) {
                if (frames.add(HexFormat.of().formatHex(r.frame()))) {
                    result.add(r);
                }
            }
        }
        if (result.isEmpty() && only != null) {
            return plan(protocol, address, null);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException(protocol.displayName() + " has no command to poll packs with");
        }
        return List.copyOf(result);
    }
}
