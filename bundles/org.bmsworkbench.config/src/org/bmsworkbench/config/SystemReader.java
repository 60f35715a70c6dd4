package org.bmsworkbench.config;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.connection.CommandException;
import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.setup.Capacity;
import org.bmsworkbench.protocol.setup.DeviceSetup;

/** Reads everything the System Configuration page shows of one pack, in one command that changes nothing. */
public final class SystemReader {

    /** The parameter that holds the data record interval (modbus-native 0x1000). */
    public static final String INTERVAL_PARAMETER = "storageInterval";
    /** The parameter that holds the design capacity (modbus-native 0x1004). */
    public static final String DESIGN_PARAMETER = "designCapacity";

    private SystemReader() {
    }

    public static BusCommand<SystemInfo> read(int address, Clock pcClock) {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Read the system configuration of pack " + address;
            }

            @Override
            public SystemInfo run(CommandContext c) throws Exception {
                List<SystemInfo.Gap> unavailable = new ArrayList<>();
                c.progress(0, 5, "identity");
                DeviceIdentity identity;
                try {
                    identity = Commands.readIdentity(address).run(c);
                } catch (CommandException e) {
                    if (!e.noAnswer()) {
                        throw e;
                    }
                    // some boards serve their identity only on the port they are wired to (JBD UP series)
                    identity = new DeviceIdentity(java.util.Map.of());
                    unavailable.add(new SystemInfo.Gap(SystemInfo.Part.IDENTITY, e.getMessage()));
                }
                c.progress(1, 5, "clock");
                LocalDateTime clock = null;
                LocalDateTime pc = null;
                if (c.protocol().commands().contains(Command.GET_CLOCK)) {
                    clock = Commands.readClock(address).run(c);
                    pc = LocalDateTime.now(pcClock);
                } else {
                    unavailable.add(new SystemInfo.Gap(SystemInfo.Part.CLOCK, c.protocol().displayName()));
                }
                c.progress(2, 5, "capacity");
                Capacity capacity = null;
                DeviceSetup setup = c.protocol().setup().orElse(null);
                if (setup != null) {
                    capacity = setup.capacity(c.transact(setup.readCapacity(address).get(0)));
                } else {
                    unavailable.add(new SystemInfo.Gap(SystemInfo.Part.SYSTEM_CONFIGURATION, c.protocol().displayName()));
                }
                c.progress(3, 5, "parameters");
                ParameterSet page = c.protocol().commands().contains(Command.GET_PARAMETERS)
                        ? Commands.readParameters(address).run(c) : null;
                c.progress(4, 5, "record counts");
                long data = countOrUnknown(c, Command.HISTORY, unavailable);
                long alarms = countOrUnknown(c, Command.ALARM_RECORDS, unavailable);
                return new SystemInfo(identity, capacity, clock, pc, page, data, alarms, unavailable);
            }

            private long countOrUnknown(CommandContext c, Command kind, List<SystemInfo.Gap> unavailable) throws Exception {
                if (!c.protocol().commands().contains(kind)) {
                    return -1;
                }
                try {
                    return PackCommands.count(c, address, kind);
                } catch (CommandException e) {
                    unavailable.add(new SystemInfo.Gap(kind == Command.HISTORY ? SystemInfo.Part.DATA_RECORD_COUNT
                            : SystemInfo.Part.ALARM_RECORD_COUNT, e.getMessage()));
                    return -1;
                }
            }
        };
    }
}
