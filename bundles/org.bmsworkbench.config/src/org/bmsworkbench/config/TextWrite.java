package org.bmsworkbench.config;

import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.control.Phrase;
import org.bmsworkbench.control.ReadBack;
import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.model.PackSnapshot;

/** One product or production text (company name, module name, ..., bar code), written whole and read back. */
public final class TextWrite extends SetupWrite<DeviceIdentity> {

    private final String name;
    private final String value;
    private final String before;

    TextWrite(String busId, int address, String name, String value, String before) {
        super(busId, address);
        String problem = TextRules.problem(value, TextRules.MAX_LENGTH);
        if (problem != null) {
            throw new IllegalArgumentException(name + ": " + problem);
        }
        this.name = name;
        this.value = value;
        this.before = before == null ? "" : before;
    }

    public String name() {
        return name;
    }

    @Override
    public String what() {
        return "text " + name;
    }

    @Override
    public String oldValue(PackSnapshot latest) {
        return before;
    }

    @Override
    public String newValue() {
        return value;
    }

    @Override
    protected BusCommand<DeviceIdentity> command() {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Write the " + name + " of pack " + address();
            }

            @Override
            public DeviceIdentity run(CommandContext c) throws Exception {
                Setups.send(c, d -> d.writeText(address(), name, value));
                return Commands.readIdentity(address()).run(c);
            }
        };
    }

    @Override
    protected ReadBack readBack(DeviceIdentity back) {
        String now = back.get(name);
        return new ReadBack(now.equals(value), Phrase.of("text.readsBack", now));
    }
}
