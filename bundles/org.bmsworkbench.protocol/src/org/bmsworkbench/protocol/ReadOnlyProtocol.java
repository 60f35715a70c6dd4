package org.bmsworkbench.protocol;

import java.time.LocalDateTime;
import java.util.List;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.ProtocolError.Kind;

/**
 * A protocol that reads and never writes: no parameter page, and every write (parameters, control, clock) refused
 * with {@link Kind#UNSUPPORTED} and the protocol's reason, which the workbench shows before anyone is asked for a
 * password. For vendor protocols whose writes nobody has checked against a board or a capture.
 */
public abstract class ReadOnlyProtocol implements BmsProtocol {

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
