package org.bmsworkbench.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bmsworkbench.cli.audit.AuditCommand;
import org.bmsworkbench.cli.benchmark.BusBenchmarkCommand;
import org.bmsworkbench.cli.benchmark.ExportBenchmarkCommand;
import org.bmsworkbench.cli.benchmark.FirmwareBenchmarkCommand;
import org.bmsworkbench.cli.benchmark.RecordBenchmarkCommand;
import org.bmsworkbench.cli.benchmark.RecordReadBenchmarkCommand;
import org.bmsworkbench.cli.checkbus.CheckBusCommand;
import org.bmsworkbench.cli.completion.CompletionCommand;
import org.bmsworkbench.cli.decode.DecodeCommand;
import org.bmsworkbench.cli.export.ExportCommand;
import org.bmsworkbench.cli.firmware.FirmwareCommand;
import org.bmsworkbench.cli.log.LogCommand;
import org.bmsworkbench.cli.poll.PollCommand;
import org.bmsworkbench.cli.protocols.ProtocolsCommand;
import org.bmsworkbench.cli.sim.SimCommand;
import org.bmsworkbench.cli.record.RecordCommand;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.protocol.ProtocolCatalog;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The entry point of every {@code bmsw} terminal command: {@code ./bmsw <command> ...} runs
 * {@code java org.bmsworkbench.cli.Main <command> ...} on the built product's bundles. Each command is a picocli
 * {@code @Command} class in a package of its own ({@code org.bmsworkbench.cli.<command>}); {@link #commands} lists
 * them, and that list is all there is to add a command.
 */
@Command(name = "bmsw", description = "BMS Workbench terminal commands; ./bmsw --help lists them with the window's own.",
        synopsisSubcommandLabel = "COMMAND")
public final class Main {

    /** One {@code -h, --help} for the whole tree: every command inherits it. */
    @Option(names = { "-h", "--help" }, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    boolean help;

    /** Wrong options or arguments, for every command. */
    public static final int WRONG_OPTIONS = 2;

    private Main() {
    }

    /** One instance of every command, in the order of {@code ./bmsw --help}. */
    static List<Object> commands(Cli cli) {
        return List.of(new ProtocolsCommand(cli), new DecodeCommand(cli), new SimCommand(cli), new PollCommand(cli),
                new RecordCommand(cli), new LogCommand(cli), new ExportCommand(cli), new FirmwareCommand(cli),
                new AuditCommand(cli),
                new BusBenchmarkCommand(cli), new RecordReadBenchmarkCommand(cli), new RecordBenchmarkCommand(cli),
                new ExportBenchmarkCommand(cli), new FirmwareBenchmarkCommand(cli), new CompletionCommand(cli),
                new CheckBusCommand(cli));
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // the libraries' INFO lines (the recorder names its file) would mix with the commands' own output
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        ClassLoader loader = Main.class.getClassLoader();
        Cli cli = new Cli(ProtocolCatalog.fromClassPath(loader), LinkCatalog.fromClassPath(loader), out, err);
        Runtime.getRuntime().exit(run(cli, args));
    }

    /** Runs one command line and returns its exit status. */
    public static int run(Cli cli, String... args) {
        return commandLine(cli).execute(args);
    }

    /** The whole command tree, with {@code cli}'s streams, one-line errors and the exit codes of the commands. */
    public static CommandLine commandLine(Cli cli) {
        CommandLine line = new CommandLine(new Main());
        for (Object command : commands(cli)) {
            line.addSubcommand(command);
        }
        line.setOut(new PrintWriter(cli.out(), true));
        line.setErr(new PrintWriter(cli.err(), true));
        line.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            String name = c.getCommandName();
            // a converter's own message names the option and the value ("--format pdf: use xlsx or csv"); picocli's
            // names the option for converters that do not
            String message = e.getCause() instanceof CommandLine.TypeConversionException t && t.getMessage() != null
                    && t.getMessage().startsWith("--") ? t.getMessage() : e.getMessage();
            c.getErr().println("bmsw " + (c == line ? "" : name + ": ") + message + " (see bmsw "
                    + (c == line ? "--help" : name + " --help") + ")");
            c.getErr().flush();
            return WRONG_OPTIONS;
        });
        line.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println("bmsw " + c.getCommandName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            c.getErr().flush();
            return 1;
        });
        return line;
    }
}
