package org.bmsworkbench.cli.checkbus;

import java.util.concurrent.Callable;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.connection.BusSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code check-bus SPEC}: checks the spec of {@code ./bmsw --bus} before the workbench starts, with the parser the
 * workbench uses, so a wrong one is refused on the terminal with one line and exit status 2, as {@code bmsw poll}
 * does, instead of a window without a bus. Prints nothing and exits 0 for a spec the workbench can open (and for
 * {@code none}). The launcher script runs it; people use {@code ./bmsw --bus}.
 */
@Command(name = "check-bus", hidden = true, description = "Checks a bus spec as ./bmsw --bus does (for the launcher).")
public final class CheckBusCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(arity = "1", paramLabel = "SPEC", description = "the spec of ./bmsw --bus, or none")
    String spec;

    public CheckBusCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        String s = spec.trim();
        if (s.equalsIgnoreCase("none")) {
            return 0;
        }
        BusSettings settings;
        try {
            settings = BusSettings.parse(s, cli.links());
        } catch (IllegalArgumentException e) {
            cli.err().println("bmsw: --bus " + s + ": " + e.getMessage());
            return 2;
        }
        if (cli.protocol(settings.protocolId()).isEmpty()) {
            cli.err().println("bmsw: --bus " + s + ": no protocol '" + settings.protocolId() + "' (known: "
                    + String.join(", ", cli.protocolIds()) + ")");
            return 2;
        }
        return 0;
    }
}
