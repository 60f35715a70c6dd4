package org.bmsworkbench.core.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks the hash chain of an audit log written by {@link AuditLogFile}: each entry's last field must be the
 * SHA-256 of the previous entry's chain and its own first nine fields.
 */
public final class AuditChain {

    /**
     * What a check found.
     *
     * @param entries   the entries read (comment lines not counted)
     * @param brokenAt  the 1-based line number where the chain first breaks, or 0 when it holds
     * @param problem   what is wrong at that line; empty when the chain holds
     */
    public record Result(int entries, int brokenAt, String problem) {
        public boolean intact() {
            return brokenAt == 0;
        }
    }

    private AuditChain() {
    }

    /** Reads the whole file; the chain is checked line by line, so a file of any length needs little memory. */
    public static Result verify(Path file) throws IOException {
        try (BufferedReader in = AuditLogFile.reader(file)) {
            String previous = AuditLogFile.GENESIS;
            int lineNumber = 0;
            int entries = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.startsWith("#")) {
                    continue;
                }
                Optional<String> problem = problem(line, previous);
                if (problem.isPresent()) {
                    return new Result(entries, lineNumber, problem.get());
                }
                previous = line.substring(line.lastIndexOf('\t') + 1);
                entries++;
            }
            return new Result(entries, 0, "");
        }
    }

    private static Optional<String> problem(String line, String previous) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 10) {
            return Optional.of("the entry has " + fields.length + " fields, not 10");
        }
        String body = line.substring(0, line.lastIndexOf('\t'));
        if (!AuditLogFile.chain(previous, body).equals(fields[9])) {
            return Optional.of("the chain breaks: this entry was changed, or one before it was removed or inserted");
        }
        return Optional.empty();
    }
}
