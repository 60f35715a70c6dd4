package org.bmsworkbench.protocol;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.ProtocolError.Kind;

/**
 * A protocol that reads and never writes: no parameter page, and every write (parameters, control, clock) refused
 * with {@link Kind#UNSUPPORTED} and the protocol's reason, which the workbench shows before anyone is asked for a
 * password. For vendor protocols whose writes nobody has checked against a board or a capture.
 */
public abstract class ReadOnlyProtocol implements BmsProtocol {

    private final String id;
    private final String displayName;
    private final Set<Command> commands;
    private final int minAddress;
    private final int maxAddress;
    private final int usualBaud;

    /**
     * @param commands   what it reads
     * @param minAddress the lowest pack address the line carries
     * @param maxAddress the highest; 1 for a line with one board and no addresses
     * @param usualBaud  the documented line speed, 0 when none is
     */
    protected ReadOnlyProtocol(String id, String displayName, Set<Command> commands, int minAddress, int maxAddress,
            int usualBaud) {
        this.usualBaud = usualBaud;
        this.id = id;
        this.displayName = displayName;
        this.commands = EnumSet.copyOf(commands);
        this.minAddress = minAddress;
        this.maxAddress = maxAddress;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    /** Binary frames, shown and typed as hex. */
    @Override
    public FrameNotation notation() {
        return FrameNotation.HEX;
    }

    @Override
    public Set<Command> commands() {
        return EnumSet.copyOf(commands);
    }

    @Override
    public java.util.OptionalInt usualBaud() {
        return usualBaud > 0 ? java.util.OptionalInt.of(usualBaud) : java.util.OptionalInt.empty();
    }

    @Override
    public int minAddress() {
        return minAddress;
    }

    @Override
    public int maxAddress() {
        return maxAddress;
    }

    /** Refuses an address the line does not carry; {@code rule} says which it does, e.g. "a Daly line has one board". */
    protected final void checkAddress(int address, String rule) throws ProtocolException {
        if (address < minAddress || address > maxAddress) {
            throw new ProtocolException(Kind.UNSUPPORTED, rule + ", not " + address);
        }
    }

    /** Why nothing is written, e.g. "BMS Workbench holds no capture of a Daly write, so it sends none". */
    protected abstract String noWriteReason();

    /** The refusal of any write; also for {@link #requests} of a command that would change the device. */
    protected final ProtocolException noWrite() {
        return new ProtocolException(Kind.UNSUPPORTED, noWriteReason());
    }

    /** The refusal of a command the protocol has no request for, with the reason when it would write. */
    protected final ProtocolException noRequest(String vendor, Command command) {
        return new ProtocolException(Kind.UNSUPPORTED, vendor + " has no " + command.key() + " request"
                + (command.changesDevice() ? ": " + noWriteReason() : ""));
    }

    @Override
    public List<ParameterDefinition> parameterDefinitions() {
        return List.of();
    }

    @Override
    public List<Request> writeParameters(int address, ParameterSet parameters) throws ProtocolException {
        throw noWrite();
    }

    @Override
    public List<Request> control(int address, ControlAction action) throws ProtocolException {
        throw noWrite();
    }

    @Override
    public List<Request> setClock(int address, LocalDateTime time) throws ProtocolException {
        throw noWrite();
    }
}
