package org.bmsworkbench.protocol.modbus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.bmsworkbench.protocol.BmsProtocol;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The dialects are OSGi services, found by the connection service without naming them. */
class ServiceRegistrationTest {

    @Test
    void everyDialectIsRegisteredAsAProtocolService() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ModbusProtocol.class).getBundleContext();
        Set<String> ids = new HashSet<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (ids.size() < 2 && System.currentTimeMillis() < deadline) {
            for (ServiceReference<BmsProtocol> ref : context.getServiceReferences(BmsProtocol.class, null)) {
                ids.add(context.getService(ref).id());
                context.ungetService(ref);
            }
            Thread.sleep(50);
        }
        assertTrue(ids.containsAll(Set.of("modbus-native", "seplos-v3")), ids::toString);
    }
}
