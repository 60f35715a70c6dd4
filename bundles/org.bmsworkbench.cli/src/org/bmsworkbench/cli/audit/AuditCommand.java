package org.bmsworkbench.cli.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.core.security.AuditChain;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bmsw audit --verify FILE}: checks an audit log's hash chain. */
@Command(name = "audit",
        description = "Checks that no entry of an audit log (<workspace>/.metadata/audit.log) was edited, removed or"
                + " inserted.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:the chain holds", "1:it breaks at the line named",
                "2:wrong options or a file that cannot be read" })
public final class AuditCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--verify", required = true, paramLabel = "FILE", description = "the audit log to check")
    Path file;

    public AuditCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            cli.err().println("bmsw audit: " + file + " is not a file");
            return 2;
        }
        try {
            AuditChain.Result r = AuditChain.verify(file);
            if (r.intact()) {
                cli.out().println(file + ": " + r.entries() + " entries, the chain holds");
                return 0;
            }
            cli.out().println(file + ": line " + r.brokenAt() + ": " + r.problem() + " (" + r.entries()
                    + " entries before it hold)");
            return 1;
        } catch (IOException e) {
            cli.err().println("bmsw audit: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
    }
}
