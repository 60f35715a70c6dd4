package org.bmsworkbench.config;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.connection.CommandException;
import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.Phrase;
import org.bmsworkbench.control.ReadBack;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;

/**
 * Delete data or Delete alarms: the board erases its store in the background (at most 30 s, modbus-native 9.3);
 * the command waits for the erase and reads the count back, which must be 0.
 */
public final class DeleteRecordsWrite extends PackWrite<Long> {

    static final long ERASE_MAX_MILLIS = 35_000;
    private static final long POLL_MILLIS = 500;

    private final Command kind;
    private final long countBefore;

    DeleteRecordsWrite(String busId, int address, Command kind, long countBefore) {
        super(busId, address);
        if (kind != Command.HISTORY && kind != Command.ALARM_RECORDS) {
            throw new IllegalArgumentException(kind + " is not a record kind");
        }
        this.kind = kind;
        this.countBefore = countBefore;
    }

    public Command kind() {
        return kind;
    }

    private ControlAction action() {
        return kind == Command.HISTORY ? ControlAction.DELETE_HISTORY : ControlAction.DELETE_ALARMS;
    }

    @Override
    public Optional<String> unsupportedBy(BmsProtocol protocol) {
        return withoutControl(protocol, action());
    }

    @Override
    public String what() {
        return action().name();
    }

    @Override
    public String oldValue(PackSnapshot latest) {
        return countBefore < 0 ? "" : countBefore + " records";
    }

    @Override
    public String newValue() {
        return "0 records";
    }

    @Override
    protected BusCommand<Long> command() {
        BusCommand<?> control = Commands.control(address(), action());
        return new BusCommand<>() {
            @Override
            public String label() {
                return (kind == Command.HISTORY ? "Delete the data records of pack " : "Delete the alarm records of pack ")
                        + address();
            }

            @Override
            public Long run(CommandContext c) throws Exception {
                control.run(c);
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ERASE_MAX_MILLIS);
                while (true) {
                    Thread.sleep(POLL_MILLIS);
                    c.progress(0, 0, "erasing");
                    try {
                        return PackCommands.count(c, address(), kind);
                    } catch (CommandException e) {
                        // the record window answers "busy" while the erase runs
                        if (System.nanoTime() > until) {
                            throw new CommandException("pack " + address() + " was still erasing after "
                                    + ERASE_MAX_MILLIS / 1000 + " s: " + e.getMessage());
                        }
                    }
                }
            }
        };
    }

    @Override
    protected ReadBack readBack(Long count) {
        return new ReadBack(count == 0, count < 0 ? Phrase.of("records.noCount") : Phrase.of("records.kept", count));
    }
}
