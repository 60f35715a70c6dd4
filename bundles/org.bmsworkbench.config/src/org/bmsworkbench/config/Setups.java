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

    /** Builds frames with the protocol's setup functions. */
    interface Build {
        java.util.List<org.bmsworkbench.protocol.Request> frames(DeviceSetup setup) throws ProtocolException;
    }

    /**
     * Builds the frames and sends them in order; frames the protocol refuses to build are a refusal, before the
     * first is sent.
     */
    static DeviceSetup send(CommandContext c, Build build) throws Exception {
        DeviceSetup setup = of(c);
        java.util.List<org.bmsworkbench.protocol.Request> frames;
        try {
            frames = build.frames(setup);
        } catch (ProtocolException e) {
            throw refused(e);
        }
        for (org.bmsworkbench.protocol.Request r : frames) {
            c.transact(r);
        }
        return setup;
    }

    /** A value the protocol refuses to build is a refusal: nothing was sent. */
    static IllegalArgumentException refused(ProtocolException e) {
        return new IllegalArgumentException(e.getMessage() + "; nothing was sent", e);
    }
}
