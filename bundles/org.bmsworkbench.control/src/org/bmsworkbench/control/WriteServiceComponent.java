package org.bmsworkbench.control;

import java.time.Clock;

import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.connection.ConnectionServiceComponent;
import org.bmsworkbench.connection.WriteGuard;
import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.core.security.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The workbench's {@link WriteService}, registered also as the connection service's {@link WriteGuard} under the
 * one component name the connection service takes a guard from.
 */
@Component(name = ConnectionServiceComponent.WRITE_GUARD_COMPONENT, service = { WriteService.class, WriteGuard.class })
public final class WriteServiceComponent extends GuardedWrites {

    @Activate
    public WriteServiceComponent(@Reference ConnectionService connection, @Reference AccessGate gate,
            @Reference AuditLog audit) {
        super(connection, gate, audit, Clock.systemUTC());
    }
}
