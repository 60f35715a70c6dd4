package org.bmsworkbench.connection.cli;

import java.io.PrintStream;

import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.tool.CommandLine;

/**
 * Checks the spec of {@code ./bmsw --bus} before the workbench starts, with the parser the workbench uses, so a
 * wrong one is refused on the terminal with one line and exit status 2, as {@code bmsw poll} does, instead of a
 * window without a bus. Prints nothing and exits 0 for a spec the workbench can open (and for {@code none}).
 */
public final class CheckBus {

    private final ProtocolCatalog catalog;
    private final LinkLookup links;
    private final PrintStream err;

    public CheckBus(ProtocolCatalog catalog, LinkLookup links, PrintStream err) {
        this.catalog = catalog;
        this.links = links;
        this.err = err;
    }

    public static void main(String[] args) {
        CommandLine.exit(CheckBus.class, (catalog, out, err) -> new CheckBus(catalog,
                LinkCatalog.fromClassPath(CheckBus.class.getClassLoader()), err)::run, args);
    }

    /** @param args the one spec */
    public int run(String[] args) {
        if (args.length != 1) {
            err.println("bmsw: --bus needs one bus, e.g. serial:/dev/ttyUSB0,baud=9600,protocol=pylontech,packs=4");
            return 2;
        }
        String spec = args[0].trim();
        if (spec.equalsIgnoreCase("none")) {
            return 0;
        }
        BusSettings settings;
        try {
            settings = BusSettings.parse(spec, links);
        } catch (IllegalArgumentException e) {
            err.println("bmsw: --bus " + spec + ": " + e.getMessage());
            return 2;
        }
        if (catalog.find(settings.protocolId()).isEmpty()) {
            err.println("bmsw: --bus " + spec + ": no protocol '" + settings.protocolId() + "' (known: "
                    + String.join(", ", catalog.all().stream().map(BmsProtocol::id).toList()) + ")");
            return 2;
        }
        return 0;
    }
}
