package org.bmsworkbench.config;

import java.util.List;

import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.connection.CommandException;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/** Reads of the System Configuration page that change nothing, so they need no guard. */
public final class PackCommands {

    /** A sleeping board answers within 1 s of the frame that woke it (modbus-native 9.5). */
    static final long WAKE_MILLIS = 1000;

    private PackCommands() {
    }

    /**
     * Wakes a hibernating pack as the protocol document says: one request, whose timeout is expected (the frame
     * that wakes the board is lost), a second's wait, then a request that must be answered.
     *
     * @return whether the pack answered after the wait
     */
    public static BusCommand<Boolean> wake(int address) {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Wake pack " + address;
            }

            @Override
            public Priority priority() {
                return Priority.CONTROL;
            }

            @Override
            public Boolean run(CommandContext c) throws Exception {
                Request probe = c.protocol().requests(Command.ALARM_STATUS, address).get(0);
                try {
                    c.transact(probe);
                } catch (CommandException e) {
                    // the frame that wakes the board is lost: no answer is what waking looks like
                    c.progress(0, 0, "woken; waiting " + WAKE_MILLIS + " ms");
                }
                Thread.sleep(WAKE_MILLIS);
                boolean answered;
                try {
                    c.transact(probe);
                    answered = true;
                } catch (CommandException e) {
                    answered = false;
                }
                c.woken(address);
                return answered;
            }
        };
    }

    /**
     * How many data or alarm records the board keeps now, read through its record window; -1 when the protocol
     * has no record window.
     */
    public static BusCommand<Long> recordCount(int address, Command kind) {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Count the " + kind.key() + " records of pack " + address;
            }

            @Override
            public Long run(CommandContext c) throws Exception {
                return count(c, address, kind);
            }
        };
    }

    static long count(CommandContext c, int address, Command kind) throws Exception {
        BmsProtocol protocol = c.protocol();
        List<Request> select;
        try {
            select = protocol.selectRecord(kind, address, BmsProtocol.SELECT_KIND_ONLY);
        } catch (ProtocolException e) {
            return -1;
        }
        for (Request r : select) {
            c.transact(r);
        }
        long count = -1;
        for (Request r : protocol.requests(kind, address)) {
            Reply reply = c.transact(r);
            if (reply.details().get("record.count") instanceof Number n) {
                count = n.longValue();
            }
        }
        return count;
    }
}
