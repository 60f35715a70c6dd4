package org.bmsworkbench.parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.control.Judgement;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.control.WriteService;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.ProtocolException;

/**
 * Reads, writes and reads back a pack's parameter page. Reads are plain bus commands; every write goes through the
 * {@link WriteService} (access gate, audit log with one line per parameter, a poll just before the first frame),
 * with only the changed values unless the sheet says "write all", and is read back and compared row by row. Plain
 * Java and thread-safe; the futures complete on the bus thread, so apply their results to a sheet on the UI
 * thread.
 */
public class ParameterService {

    private final ConnectionService connection;
    private final WriteService writes;
    private final Function<String, Optional<BmsProtocol>> protocols;

    /**
     * @param protocols the protocol of a protocol id (the workbench's registered protocols)
     */
    public ParameterService(ConnectionService connection, WriteService writes,
            Function<String, Optional<BmsProtocol>> protocols) {
        this.connection = connection;
        this.writes = writes;
        this.protocols = protocols;
    }

    /** The protocol a bus speaks. @throws IllegalArgumentException for an unknown bus or protocol */
    public BmsProtocol protocol(String busId) {
        String id = connection.settings(busId)
                .orElseThrow(() -> new IllegalArgumentException("no bus " + busId)).protocolId();
        return protocols.apply(id).orElseThrow(() -> new IllegalArgumentException("protocol " + id + " is not installed"));
    }

    /** An empty sheet for the packs of a bus. */
    public ParameterSheet newSheet(String busId) {
        return ParameterSheet.of(protocol(busId));
    }

    /** Whether the bus's protocol can read a parameter page at all. */
    public Support readSupport(String busId) {
        BmsProtocol p = protocol(busId);
        if (p.parameterDefinitions().isEmpty() || !p.commands().contains(Command.GET_PARAMETERS)) {
            return Support.no(p.displayName() + " has no parameter page");
        }
        return Support.yes();
    }

    /** Whether the page can be written, or why it is read-only (e.g. Pylontech has no command that writes it). */
    public Support writeSupport(String busId) {
        BmsProtocol p = protocol(busId);
        Support read = readSupport(busId);
        if (!read.supported()) {
            return read;
        }
        if (!p.commands().contains(Command.SET_PARAMETERS)) {
            return Support.no(p.displayName() + " has no command that writes parameters: the page is read-only");
        }
        return Support.yes();
    }

    /** Whether Write can restore the factory set (a protocol's RESTORE_DEFAULTS action), or why not. */
    public Support restoreDefaultsSupport(String busId) {
        BmsProtocol p = protocol(busId);
        try {
            p.control(p.minAddress(), ControlAction.RESTORE_DEFAULTS);
            return Support.yes();
        } catch (ProtocolException e) {
            return Support.no(p.displayName() + " cannot restore default parameters: " + e.getMessage());
        }
    }

    /** Reads the whole page of a pack (a read: no password, no audit). Completes exceptionally when it fails. */
    public CompletableFuture<ParameterSet> read(String busId, int address) {
        try {
            return connection.submit(busId, Commands.readParameters(address)).result();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The write the sheet's Write would submit now: the factory set when {@link ParameterSheet#restoreDefaults()},
     * else the changed values (or all), each audited with its device value. Ask {@link WriteService#judge} with
     * it to enable Write and fill the confirmation, and {@link WriteService#cancelled} when the person cancels.
     *
     * @throws IllegalStateException with the one-line reason when the sheet cannot be written (a problem, nothing
     *                               changed, a read-only page, no restore on this protocol)
     */
    public PackWrite<ParameterSet> plan(String busId, int address, ParameterSheet sheet) {
        if (sheet.restoreDefaults()) {
            Support restore = restoreDefaultsSupport(busId);
            if (!restore.supported()) {
                throw new IllegalStateException(restore.reason());
            }
            return PackWrite.restoreDefaults(busId, address);
        }
        Support write = writeSupport(busId);
        if (!write.supported()) {
            throw new IllegalStateException(write.reason());
        }
        ParameterSet values = sheet.toWrite();
        if (values.values().isEmpty()) {
            throw new IllegalStateException("no value differs from the device; nothing to write");
        }
        return PackWrite.parameters(busId, address, values, sheet.deviceValues());
    }

    /** What the guard says now of the sheet's write; empty when the sheet itself cannot be written. */
    public Optional<Judgement> judge(String busId, int address, ParameterSheet sheet) {
        try {
            return Optional.of(writes.judge(plan(busId, address, sheet)));
        } catch (IllegalStateException e) {
            // the sheet's own problem: the caller shows check() and writeSupport() instead
            return Optional.empty();
        }
    }

    /**
     * Writes the sheet (after the password and the confirmation) through the guarded path and reads the page back.
     * A sheet that cannot be written ends as {@link WriteResult.Kind#REFUSED} with nothing sent. The future never
     * completes exceptionally. Call it on the sheet's thread: the values are taken from the sheet at once.
     */
    public CompletableFuture<WriteResult> write(String busId, int address, ParameterSheet sheet) {
        PackWrite<ParameterSet> write;
        try {
            write = plan(busId, address, sheet);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(WriteResult.refused(Refusal.INVALID, e.getMessage() + "; nothing was sent",
                    ParameterSet.of(List.of())));
        }
        ParameterSet sent = write instanceof PackWrite.ParameterWrite p ? p.values() : ParameterSet.of(List.of());
        return writes.submit(write).thenApply(outcome -> WriteResult.of(outcome, sent));
    }
}
