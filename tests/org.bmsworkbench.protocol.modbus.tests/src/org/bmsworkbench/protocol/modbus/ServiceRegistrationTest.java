package org.bmsworkbench.protocol.modbus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.bmsworkbench.protocol.testsupport.RegisteredProtocols;
import org.junit.jupiter.api.Test;

/** The protocols are OSGi services, found by the connection service without naming them. */
class ServiceRegistrationTest {

    @Test
    void everyProtocolOfTheBundleIsRegisteredAsAService() throws Exception {
        Set<String> expected = Set.of("modbus-native", "seplos-v3");
        Set<String> ids = RegisteredProtocols.waitFor(ModbusProtocol.class, expected);
        assertTrue(ids.containsAll(expected), ids::toString);
    }
}
