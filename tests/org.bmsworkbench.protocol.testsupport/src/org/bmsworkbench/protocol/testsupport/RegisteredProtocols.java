package org.bmsworkbench.protocol.testsupport;

import java.util.HashSet;
import java.util.Set;

import org.bmsworkbench.protocol.BmsProtocol;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The ids of the protocol services in the OSGi registry, as the connection service will find them. */
public final class RegisteredProtocols {

    private RegisteredProtocols() {
    }

    /** Waits up to ten seconds for {@code expected} ids (DS activates components in the background). */
    public static Set<String> waitFor(Class<?> anyClassOfTheTest, Set<String> expected) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(anyClassOfTheTest).getBundleContext();
        Set<String> ids = new HashSet<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!ids.containsAll(expected) && System.currentTimeMillis() < deadline) {
            try {
                for (ServiceReference<BmsProtocol> ref : context.getServiceReferences(BmsProtocol.class, null)) {
                    ids.add(context.getService(ref).id());
                    context.ungetService(ref);
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(50);
        }
        return ids;
    }
}
