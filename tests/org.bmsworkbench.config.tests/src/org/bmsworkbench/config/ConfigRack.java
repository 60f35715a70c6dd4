package org.bmsworkbench.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.connection.testsupport.SimulatedRack;
import org.bmsworkbench.control.GuardedWrites;
import org.bmsworkbench.control.PackStates;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.core.security.AccessControl;
import org.bmsworkbench.core.security.AuditLogFile;
import org.bmsworkbench.core.security.PasswordVault;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.sim.CurrentProfile;

/**
 * Simulated packs at rest behind the real bus, with the real guarded write path, an unlocked gate and an audit
 * log in a temporary folder: what the System Configuration page and the wizards drive.
 */
final class ConfigRack extends SimulatedRack implements PackStates {

    static final String BUS = "bus-c";

    final AccessControl gate;
    final AuditLogFile audit;
    final GuardedWrites writes;

    /** @param speedUp how much faster than real time the packs live (erase, restart and wake take simulated time) */
    ConfigRack(int packs, double speedUp, Path dir) throws Exception {
        super(BUS, packs, 16, 4, speedUp, ",interval=20");
        for (var p : sim.packs()) {
            p.setProfile(CurrentProfile.rest());
        }
        gate = new AccessControl(new PasswordVault(dir.resolve("access")), Clock.systemUTC(), s -> { });
        audit = new AuditLogFile(dir.resolve("audit.log"));
        writes = new GuardedWrites(this, this, gate, audit, Clock.systemUTC());
        guard = writes;
        if (!gate.unlock(PasswordVault.FACTORY_PASSWORD.toCharArray())) {
            throw new IllegalStateException("the factory password did not unlock");
        }
    }

    <T> WriteOutcome<T> write(PackWrite<T> write) throws Exception {
        return writes.submit(write).get(90, TimeUnit.SECONDS);
    }

    <T> T run(org.bmsworkbench.connection.BusCommand<T> command) throws Exception {
        return submit(BUS, command).result().get(60, TimeUnit.SECONDS);
    }

    List<String> auditLines() throws Exception {
        return Files.readAllLines(audit.file()).stream().filter(l -> !l.startsWith("#")).toList();
    }

    @Override
    public Optional<PackSnapshot> latest(String busId, int address) {
        return BUS.equals(busId) ? latest(address) : Optional.empty();
    }

    @Override
    public PackLinkState state(String busId, int address) {
        return state(address);
    }
}
