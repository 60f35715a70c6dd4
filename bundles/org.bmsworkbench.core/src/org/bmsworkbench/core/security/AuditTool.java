package org.bmsworkbench.core.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./bmsw audit --verify FILE}: checks an audit log's hash chain. Exit status 0 when it holds, 1 when it
 * breaks (the line is named), 2 for wrong options or a file that cannot be read.
 */
public final class AuditTool {

    private AuditTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println("Usage: bmsw audit --verify FILE");
            out.println("Checks that no entry of an audit log (<workspace>/.metadata/audit.log) was edited, removed");
            out.println("or inserted. Exit status 0: the chain holds; 1: it breaks at the line named; 2: wrong options.");
            return 0;
        }
        if (args.length != 2 || !args[0].equals("--verify")) {
            err.println("bmsw audit: use --verify FILE (see bmsw audit --help)");
            return 2;
        }
        Path file = Path.of(args[1]);
        if (!Files.isRegularFile(file)) {
            err.println("bmsw audit: " + file + " is not a file");
            return 2;
        }
        try {
            AuditChain.Result r = AuditChain.verify(file);
            if (r.intact()) {
                out.println(file + ": " + r.entries() + " entries, the chain holds");
                return 0;
            }
            out.println(file + ": line " + r.brokenAt() + ": " + r.problem() + " (" + r.entries()
                    + " entries before it hold)");
            return 1;
        } catch (IOException e) {
            err.println("bmsw audit: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
    }
}
