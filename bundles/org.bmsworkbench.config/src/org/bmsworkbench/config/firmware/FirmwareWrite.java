package org.bmsworkbench.config.firmware;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.bmsworkbench.config.SetupWrite;
import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.connection.CommandException;
import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.control.ControlInterlocks;
import org.bmsworkbench.control.Phrase;
import org.bmsworkbench.control.ReadBack;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.setup.DeviceSetup;
import org.bmsworkbench.protocol.setup.FirmwareCommand;
import org.bmsworkbench.protocol.setup.FirmwareState;
import org.bmsworkbench.protocol.setup.FirmwareState.Status;

/**
 * A firmware upgrade over the bus (modbus-native 9.8), as one command that holds the line, so the other packs'
 * polling pauses while it runs. Before the first block it reads the pack's identity and checks the image against
 * it (nothing changing is sent when the check fails); a transfer the board still holds for the same image
 * resumes from the block the board expects next; a pack that stops answering for a while is waited for and the
 * transfer resumed from its next block; Cancel tells the board to abort, which keeps the running firmware.
 */
public final class FirmwareWrite extends SetupWrite<FirmwareResult> {

    /** How long a silent pack is waited for inside one transfer before the command gives up. */
    static final long SILENT_MAX_MILLIS = 30_000;
    static final long ERASE_MAX_MILLIS = 20_000;
    static final long VERIFY_MAX_MILLIS = 15_000;
    /** The board restarts within 10 s (section 9.8, step 7). */
    static final long RESTART_MAX_MILLIS = 30_000;
    private static final long POLL_MILLIS = 200;

    private final FirmwareImage image;
    private final boolean allowOlder;
    private final Consumer<FirmwareProgress> listener;
    private volatile FirmwareProgress progress;
    private volatile int acknowledged;
    private volatile boolean cancelRequested;

    public FirmwareWrite(String busId, int address, FirmwareImage image, boolean allowOlder,
            Consumer<FirmwareProgress> listener) {
        super(busId, address);
        this.image = image;
        this.allowOlder = allowOlder;
        this.listener = listener == null ? p -> { } : listener;
    }

    public FirmwareImage image() {
        return image;
    }

    /** The last progress reported; {@code null} before the command ran. */
    public FirmwareProgress progress() {
        return progress;
    }

    /** Stops the transfer before its next block: the board is told to abort and keeps its firmware. */
    public void cancel() {
        cancelRequested = true;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** Blocks the board acknowledged so far, over every attempt. */
    public int acknowledged() {
        return acknowledged;
    }

    @Override
    public String what() {
        return "firmware";
    }

    @Override
    public String oldValue(PackSnapshot latest) {
        return "";
    }

    @Override
    public String newValue() {
        return String.format(Locale.ROOT, "%s (%d bytes, CRC-32 %08X%s)", image.name(), image.size(), image.crc32(),
                image.version().isEmpty() ? "" : ", version " + image.version());
    }

    @Override
    public BusCommand.Priority priority() {
        return BusCommand.Priority.TRANSFER;
    }

    @Override
    public Optional<Refusal> precondition(PackSnapshot fresh) {
        double amps = fresh.find(Quantity.CURRENT).orElse(Double.NaN);
        return Math.abs(amps) <= ControlInterlocks.REST_AMPS ? Optional.empty() : Optional.of(Refusal.CURRENT_FLOWING);
    }

    private void report(CommandContext c, FirmwareProgress p) {
        progress = p;
        listener.accept(p);
        String text = switch (p.step()) {
            case SENDING -> String.format(Locale.ROOT, "block %d of %d, %.0f B/s%s", p.block(), p.blocks(),
                    p.bytesPerSecond(), Double.isNaN(p.secondsLeft()) ? "" : String.format(Locale.ROOT,
                            ", %.0f s left", p.secondsLeft()));
            default -> p.step().name().toLowerCase(Locale.ROOT);
        };
        c.progress(p.block(), p.blocks(), text);
    }

    @Override
    protected BusCommand<FirmwareResult> command() {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Upgrade the firmware of pack " + address() + " with " + image.name();
            }

            @Override
            public Priority priority() {
                return Priority.TRANSFER;
            }

            @Override
            public FirmwareResult run(CommandContext c) throws Exception {
                return transfer(c);
            }
        };
    }

    private FirmwareResult transfer(CommandContext c) throws Exception {
        DeviceSetup setup = c.protocol().setup().orElseThrow(() -> new IllegalArgumentException(
                c.protocol().displayName() + " has no firmware upgrade; nothing was sent"));
        int blockSize = setup.firmwareBlockSize();
        int blocks = image.blocks(blockSize);
        report(c, new FirmwareProgress(FirmwareProgress.Step.CHECKING, 0, blocks, 0, Double.NaN, 0));
        DeviceIdentity before = Commands.readIdentity(address()).run(c);
        FirmwareCheck check = FirmwareCheck.of(image, before, setup.firmwareMaxSize(), allowOlder);
        if (!check.passed()) {
            throw new IllegalArgumentException(String.join("; ", check.problems()) + "; nothing was sent");
        }
        FirmwareState state = state(c, setup);
        boolean same = state.size() == image.size() && state.crc32() == image.crc32();
        int next;
        if (same && (state.status() == Status.READY || state.status() == Status.RECEIVING)) {
            next = state.nextBlock();
        } else if (same && state.status() == Status.VERIFIED) {
            next = blocks;
        } else {
            if (state.status() != Status.IDLE && state.status() != Status.FAILED) {
                send(c, wrap(() -> setup.firmwareCommand(address(), FirmwareCommand.ABORT)));
            }
            report(c, new FirmwareProgress(FirmwareProgress.Step.ERASING, 0, blocks, 0, Double.NaN, 0));
            send(c, wrap(() -> setup.firmwareStart(address(), image.size(), image.crc32())));
            state = await(c, setup, ERASE_MAX_MILLIS, s -> s.status() != Status.ERASING, "erase the standby area");
            if (state.status() != Status.READY) {
                throw new CommandException("pack " + address() + " did not get ready for the image: "
                        + state.status() + " (" + state.errorText() + ")");
            }
            next = 0;
        }
        int resumedAt = next;
        long started = System.nanoTime();
        long sent = 0;
        while (next < blocks) {
            if (c.cancelled() || cancelRequested) {
                abort(c, setup, blocks);
                throw new CancellationException("cancelled at block " + next + " of " + blocks
                        + "; the pack was told to abort and keeps its firmware");
            }
            try {
                int n = next;
                send(c, wrap(() -> setup.firmwareBlock(address(), n, image.block(n, blockSize))));
                next++;
                sent += blockSize;
                acknowledged = Math.max(acknowledged, next);
            } catch (CommandException e) {
                next = recover(c, setup, e);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = seconds > 0 ? sent / seconds : 0;
            double left = rate > 0 ? (blocks - next) * (double) blockSize / rate : Double.NaN;
            report(c, new FirmwareProgress(FirmwareProgress.Step.SENDING, next, blocks, rate, left, resumedAt));
        }
        long transferNanos = System.nanoTime() - started;
        report(c, new FirmwareProgress(FirmwareProgress.Step.VERIFYING, blocks, blocks, 0, 0, resumedAt));
        if (state(c, setup).status() != Status.VERIFIED) {
            send(c, wrap(() -> setup.firmwareCommand(address(), FirmwareCommand.FINISH)));
            FirmwareState checked = await(c, setup, VERIFY_MAX_MILLIS, s -> s.status() != Status.CHECKING,
                    "check the image");
            if (checked.status() != Status.VERIFIED) {
                throw new CommandException("pack " + address() + " did not accept the image: " + checked.errorText()
                        + "; it keeps its firmware");
            }
        }
        report(c, new FirmwareProgress(FirmwareProgress.Step.ACTIVATING, blocks, blocks, 0, 0, resumedAt));
        send(c, wrap(() -> setup.firmwareCommand(address(), FirmwareCommand.ACTIVATE)));
        report(c, new FirmwareProgress(FirmwareProgress.Step.RESTARTING, blocks, blocks, 0, 0, resumedAt));
        DeviceIdentity after = restarted(c);
        report(c, new FirmwareProgress(FirmwareProgress.Step.DONE, blocks, blocks, 0, 0, resumedAt));
        return new FirmwareResult(before.get(DeviceIdentity.SOFTWARE_VERSION),
                after.get(DeviceIdentity.SOFTWARE_VERSION), image.version(), blocks, resumedAt, transferNanos, sent);
    }

    /** After a block was not acknowledged: the block the board expects now, once it answers again. */
    private int recover(CommandContext c, DeviceSetup setup, CommandException why) throws Exception {
        long until = System.nanoTime() + SILENT_MAX_MILLIS * 1_000_000L;
        CommandException last = why;
        while (System.nanoTime() < until) {
            c.checkCancelled();
            try {
                FirmwareState s = state(c, setup);
                if (s.status() != Status.READY && s.status() != Status.RECEIVING) {
                    throw new CommandException("pack " + address() + " left the transfer: " + s.status() + " ("
                            + s.errorText() + ")");
                }
                return s.nextBlock();
            } catch (CommandException e) {
                last = e;
                Thread.sleep(POLL_MILLIS * 5);
            }
        }
        throw new CommandException("pack " + address() + " stopped answering during the transfer ("
                + last.getMessage() + "); it resumes from block " + acknowledged + " when started again");
    }

    private void abort(CommandContext c, DeviceSetup setup, int blocks) {
        try {
            for (Request r : setup.firmwareCommand(address(), FirmwareCommand.ABORT)) {
                c.transact(r);
            }
            report(c, new FirmwareProgress(FirmwareProgress.Step.ABORTED, acknowledged, blocks, 0, Double.NaN, 0));
        } catch (Exception e) {
            // the board drops a transfer with no block for 60 s by itself (section 9.8): the abort is a courtesy
            c.progress(acknowledged, blocks, "abort not acknowledged: " + e.getMessage());
        }
    }

    /** The board restarts into the image; it answers again within 10 s. */
    private DeviceIdentity restarted(CommandContext c) throws Exception {
        long until = System.nanoTime() + RESTART_MAX_MILLIS * 1_000_000L;
        Thread.sleep(1000);
        CommandException last = null;
        while (System.nanoTime() < until) {
            try {
                return Commands.readIdentity(address()).run(c);
            } catch (CommandException e) {
                last = e;
                Thread.sleep(1000);
            }
        }
        throw new CommandException("pack " + address() + " did not answer within " + RESTART_MAX_MILLIS / 1000
                + " s of its restart" + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    private FirmwareState await(CommandContext c, DeviceSetup setup, long maxMillis,
            java.util.function.Predicate<FirmwareState> done, String what) throws Exception {
        long until = System.nanoTime() + maxMillis * 1_000_000L;
        while (true) {
            FirmwareState s = state(c, setup);
            if (done.test(s)) {
                return s;
            }
            if (System.nanoTime() > until) {
                throw new CommandException("pack " + address() + " did not " + what + " within " + maxMillis / 1000
                        + " s (" + s.status() + ")");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private FirmwareState state(CommandContext c, DeviceSetup setup) throws Exception {
        return setup.firmware(c.transact(setup.readFirmware(address()).get(0)));
    }

    private static void send(CommandContext c, List<Request> requests) throws Exception {
        for (Request r : requests) {
            c.transact(r);
        }
    }

    private interface Build {
        List<Request> get() throws ProtocolException;
    }

    private static List<Request> wrap(Build build) {
        try {
            return build.get();
        } catch (ProtocolException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    protected ReadBack readBack(FirmwareResult result) {
        Phrase runs = result.oldVersion().isEmpty() ? Phrase.of("firmware.runs", result.newVersion())
                : Phrase.of("firmware.runsWas", result.newVersion(), result.oldVersion());
        return new ReadBack(result.runsImage(), result.resumedAt() > 0
                ? Phrase.all(List.of(runs, Phrase.of("firmware.resumed", result.resumedAt()))) : runs);
    }
}
