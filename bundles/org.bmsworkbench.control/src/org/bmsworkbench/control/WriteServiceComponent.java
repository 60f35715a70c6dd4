package org.bmsworkbench.control;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.connection.ConnectionServiceComponent;
import org.bmsworkbench.connection.WriteGuard;
import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.PackView;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.core.security.AuditLog;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.PackSnapshot;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The workbench's {@link WriteService}, registered also as the connection service's {@link WriteGuard} under the
 * one component name the connection service takes a guard from. It judges on what the views show
 * ({@link LiveData} and the {@link BusStateRegistry}), then again on the bus's fresh poll.
 */
@Component(name = ConnectionServiceComponent.WRITE_GUARD_COMPONENT, service = { WriteService.class, WriteGuard.class })
public final class WriteServiceComponent extends GuardedWrites {

    @Activate
    public WriteServiceComponent(@Reference ConnectionService connection, @Reference LiveData live,
            @Reference BusStateRegistry registry, @Reference AccessGate gate, @Reference AuditLog audit) {
        super(connection, new Shown(live, registry), gate, audit, Clock.systemUTC());
    }

    private record Shown(LiveData live, BusStateRegistry registry) implements PackStates {
        @Override
        public Optional<PackSnapshot> latest(String busId, int address) {
            return live.latest(busId, address).map(PackData::snapshot);
        }

        @Override
        public PackLinkState state(String busId, int address) {
            for (BusView bus : registry.overview(Instant.now()).buses()) {
                if (bus.busId().equals(busId)) {
                    for (PackView p : bus.packs()) {
                        if (p.address() == address) {
                            return p.effectiveState();
                        }
                    }
                }
            }
            return PackLinkState.OFFLINE;
        }
    }
}
