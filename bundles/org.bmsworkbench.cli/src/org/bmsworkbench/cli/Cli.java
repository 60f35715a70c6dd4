package org.bmsworkbench.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;

/**
 * What every command gets: the protocols and link types on the class path and the two output streams. Tests
 * make one with their own streams and catalogs.
 */
public record Cli(ProtocolCatalog catalog, LinkLookup links, PrintStream out, PrintStream err) {

    public Optional<BmsProtocol> protocol(String id) {
        return catalog.find(id);
    }

    public List<String> protocolIds() {
        return catalog.all().stream().map(BmsProtocol::id).toList();
    }
}
