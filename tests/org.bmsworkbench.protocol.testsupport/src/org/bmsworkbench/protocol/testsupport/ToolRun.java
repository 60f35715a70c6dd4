package org.bmsworkbench.protocol.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.cli.Main;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.protocol.ProtocolCatalog;

/** One run of the code behind {@code ./bmsw protocols} and {@code ./bmsw decode}, with what it printed. */
public record ToolRun(int status, String out, String err) {

    public static ToolRun of(ProtocolCatalog catalog, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new Cli(catalog, LinkLookup.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new ToolRun(status, out.toString(StandardCharsets.UTF_8).trim(),
                err.toString(StandardCharsets.UTF_8).trim());
    }

    /** The JSON of a decode that must succeed. */
    public static String decode(ProtocolCatalog catalog, String protocol, String request, String response) {
        ToolRun run = of(catalog, "decode", "--protocol", protocol, "--request", request, "--response", response);
        if (run.status != 0) {
            throw new AssertionError("decode exited with " + run.status + ": " + run.err);
        }
        return run.out;
    }
}
