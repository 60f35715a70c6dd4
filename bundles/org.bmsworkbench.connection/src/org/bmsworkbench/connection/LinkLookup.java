package org.bmsworkbench.connection;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The link providers known at one moment: what {@link BusSettings#parse(String, LinkLookup)} and {@link Buses} look schemes up in. */
@FunctionalInterface
public interface LinkLookup {

    /** Every provider, at most one per scheme. */
    List<LinkProvider> all();

    default Optional<LinkProvider> find(String scheme) {
        return all().stream().filter(p -> p.scheme().equals(scheme)).findFirst();
    }

    /** A fixed set of providers; for a scheme given twice, the first wins. */
    static LinkLookup of(Collection<? extends LinkProvider> providers) {
        List<LinkProvider> list = LinkCatalog.distinct(providers);
        return () -> list;
    }

    static LinkLookup of(LinkProvider... providers) {
        return of(List.of(providers));
    }
}
