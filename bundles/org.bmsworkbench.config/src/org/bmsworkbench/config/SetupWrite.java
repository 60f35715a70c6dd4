package org.bmsworkbench.config;

import java.util.Optional;

import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.protocol.BmsProtocol;

/**
 * A write through the protocol's device setup (capacity, texts, calibration, firmware): a protocol without one has
 * none of these, and the write is refused before anyone is asked for a password.
 */
public abstract class SetupWrite<T> extends PackWrite<T> {

    protected SetupWrite(String busId, int address) {
        super(busId, address);
    }

    @Override
    public Optional<String> unsupportedBy(BmsProtocol protocol) {
        return protocol.setup().isPresent() ? Optional.empty()
                : Optional.of(protocol.displayName() + " has no system configuration, calibration or firmware upgrade");
    }
}
