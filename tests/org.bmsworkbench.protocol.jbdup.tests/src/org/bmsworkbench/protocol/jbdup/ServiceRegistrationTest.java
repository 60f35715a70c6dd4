package org.bmsworkbench.protocol.jbdup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.bmsworkbench.protocol.testsupport.RegisteredProtocols;
import org.junit.jupiter.api.Test;

/** The protocol is an OSGi service, found by the connection service without naming it. */
class ServiceRegistrationTest {

    @Test
    void theProtocolIsRegisteredAsAService() throws Exception {
        Set<String> expected = Set.of("jbd-up");
        Set<String> ids = RegisteredProtocols.waitFor(JbdUpProtocol.class, expected);
        assertTrue(ids.containsAll(expected), ids::toString);
    }
}
