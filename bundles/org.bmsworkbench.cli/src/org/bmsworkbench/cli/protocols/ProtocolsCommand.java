package org.bmsworkbench.cli.protocols;

import java.util.concurrent.Callable;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.BmsProtocol.FrameNotation;

import picocli.CommandLine.Command;

/** {@code bmsw protocols}: the protocol ids the decoder and the workbench know, with their frame notation. */
@Command(name = "protocols",
        description = "Lists the protocol ids the decoder and the workbench know: id, frame notation (ascii or hex), name.")
public final class ProtocolsCommand implements Callable<Integer> {

    private final Cli cli;

    public ProtocolsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        for (String problem : cli.catalog().problems()) {
            cli.err().println("bmsw: a protocol could not be loaded: " + problem);
        }
        for (BmsProtocol p : cli.catalog().all()) {
            cli.out().printf("%-15s %-5s %s%n", p.id(), p.notation() == FrameNotation.ASCII ? "ascii" : "hex",
                    p.displayName());
        }
        return 0;
    }
}
