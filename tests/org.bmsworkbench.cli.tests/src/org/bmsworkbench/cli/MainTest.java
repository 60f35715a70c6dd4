package org.bmsworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One command line: every command answers --help alike, wrong options alike, and the completion knows them all. */
class MainTest {

    private static final List<String> COMMANDS = List.of("protocols", "decode", "sim", "poll", "record", "log", "export", "firmware",
            "audit", "bus-benchmark", "record-read-benchmark", "record-benchmark", "export-benchmark",
            "firmware-benchmark", "completion");

    @Test
    void everyCommandHasTheSameHelp() {
        for (String command : COMMANDS) {
            CliRun help = CliRun.of(command, "--help");
            assertEquals(0, help.status(), command + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: bmsw " + command), command + ": " + help.out());
            assertTrue(help.out().contains("-h, --help"), command + ": " + help.out());
            assertEquals("", help.err(), command);
        }
        CliRun all = CliRun.of("--help");
        assertEquals(0, all.status());
        for (String command : COMMANDS) {
            assertTrue(all.out().contains(command), command + " in " + all.out());
        }
    }

    @Test
    void anUnknownOptionIsOneLineAndStatusTwoForEveryCommand() {
        for (String command : COMMANDS) {
            CliRun wrong = CliRun.of(command, "--no-such-option");
            assertEquals(2, wrong.status(), command);
            assertEquals(1, wrong.err().lines().count(), command + ": " + wrong.err());
            assertTrue(wrong.err().startsWith("bmsw " + command + ": "), wrong.err());
            assertTrue(wrong.err().contains("--help"), wrong.err());
        }
        assertEquals(2, CliRun.of().status(), "no command");
        assertEquals(2, CliRun.of("frobnicate").status());
    }

    @Test
    void theCompletionScriptKnowsEveryCommandAndItsOptions() {
        CliRun run = CliRun.of("completion");
        assertEquals(0, run.status(), run.err());
        String script = run.out();
        assertTrue(script.contains("complete -F _complete_bmsw") || script.contains("_complete_bmsw"), script);
        for (String word : List.of("log", "decode", "poll", "export", "run", "test", "--mqtt", "--postgres",
                "--recording", "--csv-style", "--reset-layout")) {
            assertTrue(script.contains(word), word + " in the completion script");
        }
    }
}
