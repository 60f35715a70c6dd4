package org.bmsworkbench.protocol.ydt1363;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.bmsworkbench.protocol.testsupport.RegisteredProtocols;
import org.junit.jupiter.api.Test;

/** The protocols are OSGi services, found by the connection service without naming them. */
class ServiceRegistrationTest {

    @Test
    void everyProtocolOfTheBundleIsRegisteredAsAService() throws Exception {
        Set<String> expected = Set.of("pylontech", "seplos-v2", "pace-v25");
        Set<String> ids = RegisteredProtocols.waitFor(YdtProtocol.class, expected);
        assertTrue(ids.containsAll(expected), ids::toString);
    }
}
