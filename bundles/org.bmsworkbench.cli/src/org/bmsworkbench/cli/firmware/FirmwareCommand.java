package org.bmsworkbench.cli.firmware;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.config.BusPackStates;
import org.bmsworkbench.config.firmware.FirmwareCheck;
import org.bmsworkbench.config.firmware.FirmwareImage;
import org.bmsworkbench.config.firmware.FirmwareProgress;
import org.bmsworkbench.config.firmware.FirmwareResult;
import org.bmsworkbench.config.firmware.FirmwareUpgrade;
import org.bmsworkbench.config.firmware.FirmwareWrite;
import org.bmsworkbench.connection.Bus;
import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Buses;
import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.connection.PortDiscovery;
import org.bmsworkbench.control.GuardedWrites;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.core.security.AccessControl;
import org.bmsworkbench.core.security.AccessGateService;
import org.bmsworkbench.core.security.AccessRefusedException;
import org.bmsworkbench.core.security.AuditLogFile;
import org.bmsworkbench.core.security.PasswordVault;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.setup.DeviceSetup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./bmsw firmware}: the workbench's firmware upgrade from a terminal, for production lines: the same checks
 * before the first block, the same guarded write with its audit line, progress on stderr, resumption after an
 * interrupted transfer (docs/firmware.md).
 */
@Command(name = "firmware", sortOptions = false,
        description = { "Upgrades the firmware of one pack over its bus, as the workbench does (docs/firmware.md)."
                + " Before the first block the image is checked: its size, its header (hardware and version, where it"
                + " has one), its CRC-32, and its version against the pack's; the pack must answer and be at rest. Any"
                + " mismatch refuses with the reason and nothing changing goes on the line. The other packs' polling"
                + " pauses during the transfer; an interrupted transfer resumes from the last block the pack"
                + " acknowledged. Progress goes to stderr, the result line to stdout." },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:upgraded and the new version read back",
                "1:refused or failed (the reason is printed; the pack keeps a working firmware)",
                "2:wrong options or an image that cannot be read", "3:the bus could not be opened" })
public final class FirmwareCommand implements Callable<Integer> {

    private static final long WAIT_ONLINE_SECONDS = 20;
    private static final long MAX_FILE = 16L << 20;

    private final Cli cli;
    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private BusSettings settings;

    @Option(names = "--bus", paramLabel = "SPEC", required = true,
            description = "The bus, as for ./bmsw --bus, e.g. serial:/dev/ttyUSB0,baud=115200 or sim:1")
    String spec;

    @Option(names = "--address", paramLabel = "N", required = true, description = "The pack's address (its DIP switch).")
    int address;

    @Option(names = "--image", paramLabel = "FILE", required = true, description = "The firmware image.")
    Path image;

    @Option(names = "--yes", description = "Do not ask before sending (needed without a terminal).")
    boolean yes;

    @Option(names = "--allow-downgrade", description = "Send an image whose version is not newer than the running one.")
    boolean allowDowngrade;

    @Option(names = "--data", paramLabel = "DIR", description = "Workspace with the password and the audit log"
            + " (default ~/.local/share/bmsworkbench/workspace).")
    Path data = defaultWorkspace();

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "The workbench password (else $BMSW_PASSWORD, else asked on the terminal).")
    Path passwordFile;

    public FirmwareCommand(Cli cli) {
        this(cli, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    /** With the answers to the confirmation read from {@code in} (tests). */
    public FirmwareCommand(Cli cli, BufferedReader in) {
        this.cli = cli;
        this.out = cli.out();
        this.err = cli.err();
        this.in = in;
    }

    private static Path defaultWorkspace() {
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isEmpty() ? Path.of(xdg, "bmsworkbench", "workspace")
                : Path.of(System.getProperty("user.home"), ".local", "share", "bmsworkbench", "workspace");
    }

    @Override
    public Integer call() {
        try {
            settings = BusSettings.parse(spec, cli.links());
        } catch (IllegalArgumentException e) {
            err.println("bmsw firmware: " + e.getMessage());
            return 2;
        }
        Optional<BmsProtocol> protocol = cli.protocol(settings.protocolId());
        if (protocol.isEmpty()) {
            err.println("bmsw firmware: no protocol '" + settings.protocolId() + "'");
            return 2;
        }
        Optional<DeviceSetup> setup = protocol.get().setup();
        if (setup.isEmpty()) {
            err.println("bmsw firmware: " + protocol.get().displayName() + " has no firmware upgrade");
            return 1;
        }
        if (!settings.addresses().contains(address)) {
            err.println("bmsw firmware: pack " + address + " is not on the bus " + spec
                    + " (its packs: " + settings.addresses() + ")");
            return 2;
        }
        FirmwareImage firmware;
        try {
            firmware = FirmwareImage.read(image, MAX_FILE);
        } catch (NoSuchFileException e) {
            err.println("bmsw firmware: no image " + image);
            return 2;
        } catch (IOException e) {
            err.println("bmsw firmware: the image " + image + " cannot be read: " + e.getMessage());
            return 2;
        }
        err.printf(Locale.ROOT, "bmsw firmware: image %s, %d bytes, CRC-32 %08X%s%n", firmware.name(), firmware.size(),
                firmware.crc32(), firmware.hasHeader() ? ", hardware " + firmware.hardware() + ", version " + firmware.version()
                        : ", no header");
        Path metadata = data.resolve(".metadata");
        AccessControl gate = new AccessControl(new PasswordVault(metadata.resolve(AccessGateService.FILE_NAME)),
                Clock.systemUTC(), s -> { });
        AuditLogFile audit = new AuditLogFile(metadata.resolve("audit.log"));
        PortDiscovery discovery = new PortDiscovery(List::of, m -> err.println("bmsw firmware: " + m));
        try (Buses buses = new Buses(cli::protocol, cli::protocolIds,
                cli.links(), new BusEvents() { }, discovery, m -> { })) {
            String busId = buses.open(settings);
            GuardedWrites writes = new GuardedWrites(buses, new BusPackStates(buses), gate, audit, Clock.systemUTC());
            buses.setWriteGuard(writes);
            int waited = awaitPack(buses, busId);
            if (waited != 0) {
                return waited;
            }
            DeviceIdentity identity = buses.submit(busId, Commands.readIdentity(address)).result()
                    .get(30, TimeUnit.SECONDS);
            FirmwareCheck check = FirmwareCheck.of(firmware, identity, setup.get().firmwareMaxSize(), allowDowngrade);
            check.warnings().forEach(w -> err.println("bmsw firmware: note: " + w));
            if (!check.passed()) {
                err.println("bmsw firmware: refused, nothing was sent: " + String.join("; ", check.problems()));
                return 1;
            }
            String running = identity.get(DeviceIdentity.SOFTWARE_VERSION);
            if (!yes && !confirm(address, running, firmware)) {
                // on record as the workbench's Cancel at its confirmation
                try {
                    writes.cancelled(new FirmwareWrite(busId, address, firmware, allowDowngrade, null));
                } catch (IOException e) {
                    err.println("bmsw firmware: the audit log cannot be written: " + e.getMessage());
                }
                err.println("bmsw firmware: not confirmed; nothing was sent");
                return 1;
            }
            char[] password = password();
            if (password == null) {
                return 2;
            }
            try {
                if (!gate.unlock(password)) {
                    err.println("bmsw firmware: wrong password; nothing was sent");
                    return 1;
                }
            } catch (AccessRefusedException e) {
                err.println("bmsw firmware: " + e.getMessage() + "; nothing was sent");
                return 1;
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            Progress progress = new Progress();
            FirmwareWrite write = new FirmwareWrite(busId, address, firmware, allowDowngrade, progress::show);
            FirmwareUpgrade upgrade = new FirmwareUpgrade(writes, m -> err.println("bmsw firmware: " + m));
            Thread interrupted = new Thread(() -> err.println("bmsw firmware: interrupted; " + whereLeft(write)),
                    "bmsw-firmware-interrupted");
            Runtime.getRuntime().addShutdownHook(interrupted);
            WriteOutcome<FirmwareResult> outcome;
            boolean stopping;
            try {
                outcome = upgrade.run(write);
            } finally {
                stopping = !removeHook(interrupted);
            }
            if (stopping) {
                return 130;
            }
            progress.end();
            if (outcome.kind() == WriteOutcome.Kind.CONFIRMED) {
                FirmwareResult r = outcome.value();
                double seconds = r.transferNanos() / 1e9;
                out.printf(Locale.ROOT, "pack %d now runs version %s (was %s): %d blocks in %.1f s, %.0f B/s%s%n",
                        address, r.newVersion(), r.oldVersion(), r.blocks(), seconds,
                        seconds > 0 ? r.bytesSent() / seconds : 0,
                        r.resumedAt() > 0 ? ", resumed at block " + r.resumedAt() : "");
                return 0;
            }
            err.println("bmsw firmware: " + outcome.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                    + outcome.detail());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("bmsw firmware: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            err.println("bmsw firmware: pack " + address + " did not say what it runs: "
                    + (e.getCause() == null ? e : e.getCause()).getMessage());
            return 1;
        }
    }

    /** Whether the hook could be removed; not when the JVM is already shutting down (Ctrl+C), as the hook runs. */
    private static boolean removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            // shutting down: the hook says where the pack was left
            return false;
        }
    }

    /** Where an interrupted run leaves the pack, for the line printed when the program is stopped. */
    static String whereLeft(FirmwareWrite write) {
        FirmwareProgress p = write.progress();
        if (p == null || p.step() == FirmwareProgress.Step.CHECKING) {
            return "nothing was sent to the pack";
        }
        return switch (p.step()) {
            case ACTIVATING, RESTARTING, DONE -> "the pack was told to restart into the new image: run the same command"
                    + " to see its version (it refuses an image the pack already runs)";
            case ABORTED -> "the transfer was aborted; the pack keeps its firmware";
            default -> "the pack keeps its running firmware; its transfer stopped after block " + write.acknowledged()
                    + " of " + p.blocks() + ", and the same command with the same image within 60 s resumes from the"
                    + " block the pack expects next (after that the pack drops the transfer and it starts over)";
        };
    }

    /** 0 when the pack answers; 3 when the bus cannot be opened; 1 when the pack stays silent. */
    private int awaitPack(Buses buses, String busId) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_ONLINE_SECONDS);
        boolean opened = false;
        while (System.nanoTime() < until) {
            Optional<Bus> bus = buses.bus(busId);
            if (bus.isEmpty()) {
                break;
            }
            var status = bus.get().status();
            opened |= status.state() == BusState.OPEN;
            if (status.state() == BusState.FAILED && (!status.retrying() || !opened)) {
                // as bmsw poll: a port that does not open at the first attempt is not waited for
                err.println("bmsw firmware: the bus could not be opened: " + status.detail()
                        .replace(BusStatus.RETRYING_SUFFIX, "").strip());
                return 3;
            }
            if (new BusPackStates(buses).state(busId, address) == PackLinkState.ONLINE) {
                return 0;
            }
            Thread.sleep(100);
        }
        Optional<Bus> bus = buses.bus(busId);
        if (bus.isPresent() && bus.get().status().state() != BusState.OPEN) {
            err.println("bmsw firmware: the bus could not be opened: " + bus.get().status().detail());
            return 3;
        }
        err.println("bmsw firmware: pack " + address + " did not answer within " + WAIT_ONLINE_SECONDS
                + " s; nothing was sent");
        return 1;
    }

    private boolean confirm(int pack, String running, FirmwareImage firmware) {
        err.printf(Locale.ROOT, "Upgrade pack %d from version %s to %s? The pack restarts; its FETs are off for up"
                + " to 10 s. [y/N] ", pack, running.isEmpty() ? "?" : running,
                firmware.version().isEmpty() ? firmware.name() : firmware.version());
        try {
            String line = in.readLine();
            return line != null && (line.trim().equalsIgnoreCase("y") || line.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            err.println("bmsw firmware: no answer could be read: " + e.getMessage());
            return false;
        }
    }

    private char[] password() {
        try {
            if (passwordFile != null) {
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
            }
        } catch (IOException e) {
            err.println("bmsw firmware: the password file " + passwordFile + " cannot be read: " + e.getMessage());
            return null;
        }
        String env = System.getenv("BMSW_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            err.println("bmsw firmware: the workbench password is needed: --password-file FILE or $BMSW_PASSWORD");
            return null;
        }
        return console.readPassword("Workbench password: ");
    }

    /** Progress on stderr, at most once a second and at each new step. */
    private final class Progress {
        private long lastNanos;
        private FirmwareProgress.Step lastStep;

        synchronized void show(FirmwareProgress p) {
            long now = System.nanoTime();
            if (p.step() == lastStep && now - lastNanos < 1_000_000_000L && p.block() < p.blocks()) {
                return;
            }
            lastNanos = now;
            lastStep = p.step();
            if (p.step() == FirmwareProgress.Step.SENDING) {
                err.printf(Locale.ROOT, "bmsw firmware: block %d/%d (%.0f %%), %.0f B/s, %s left%s%n", p.block(),
                        p.blocks(), 100.0 * p.block() / Math.max(1, p.blocks()), p.bytesPerSecond(),
                        Double.isNaN(p.secondsLeft()) ? "?" : String.format(Locale.ROOT, "%.0f s", p.secondsLeft()),
                        p.resumedAt() > 0 ? " (resumed at block " + p.resumedAt() + ")" : "");
            } else {
                err.println("bmsw firmware: " + p.step().name().toLowerCase(Locale.ROOT));
            }
        }

        void end() {
            err.flush();
        }
    }

}
