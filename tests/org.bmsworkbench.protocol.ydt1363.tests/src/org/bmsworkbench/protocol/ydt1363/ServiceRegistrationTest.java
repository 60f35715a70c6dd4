package org.bmsworkbench.protocol.ydt1363;

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
        BundleContext context = FrameworkUtil.getBundle(YdtProtocol.class).getBundleContext();
        Set<String> ids = new HashSet<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (ids.size() < 3 && System.currentTimeMillis() < deadline) {
            for (ServiceReference<BmsProtocol> ref : context.getServiceReferences(BmsProtocol.class, null)) {
                ids.add(context.getService(ref).id());
                context.ungetService(ref);
            }
            Thread.sleep(50);
        }
        assertTrue(ids.containsAll(Set.of("pylontech", "seplos-v2", "pace-v25")), ids::toString);
    }
}
