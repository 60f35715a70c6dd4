package org.bmsworkbench.config;

import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.setup.DeviceSetup;

/** The protocol's setup functions inside a command, or a refusal before anything is sent. */
final class Setups {

    private Setups() {
    }

    static DeviceSetup of(CommandContext c) {
        return c.protocol().setup().orElseThrow(() -> new IllegalArgumentException(c.protocol().displayName()
                + " has no system configuration, calibration or firmware upgrade; nothing was sent"));
    }

    /** A value the protocol refuses to build is a refusal: nothing was sent. */
    static IllegalArgumentException refused(ProtocolException e) {
        return new IllegalArgumentException(e.getMessage() + "; nothing was sent", e);
    }
}
