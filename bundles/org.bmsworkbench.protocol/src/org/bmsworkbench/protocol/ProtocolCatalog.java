package org.bmsworkbench.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The protocols found on the class path through {@link ServiceLoader}, for tools that run without OSGi.
 * Inside the workbench, protocols are OSGi services instead.
 */
public final class ProtocolCatalog {

    private final List<BmsProtocol> protocols;

    public ProtocolCatalog(List<BmsProtocol> protocols) {
        List<BmsProtocol> sorted = new ArrayList<>(protocols);
        sorted.sort(Comparator.comparing(BmsProtocol::id));
        this.protocols = List.copyOf(sorted);
    }

    public static ProtocolCatalog fromClassPath(ClassLoader loader) {
        List<BmsProtocol> found = new ArrayList<>();
        for (BmsProtocol p : ServiceLoader.load(BmsProtocol.class, loader)) {
            found.add(p);
        }
        return new ProtocolCatalog(found);
    }

    public List<BmsProtocol> all() {
        return protocols;
    }

    public Optional<BmsProtocol> find(String id) {
        return protocols.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
