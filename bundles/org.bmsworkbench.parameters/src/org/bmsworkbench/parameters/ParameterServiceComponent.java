package org.bmsworkbench.parameters;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.control.WriteService;
import org.bmsworkbench.protocol.BmsProtocol;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The workbench's {@link ParameterService}: the connection service, the guarded write path and every registered
 * protocol, so that views get it by injection ({@code ui.parameters}).
 */
@Component(service = ParameterService.class)
public final class ParameterServiceComponent extends ParameterService {

    private final Map<String, BmsProtocol> protocols;

    @Activate
    public ParameterServiceComponent(@Reference ConnectionService connection, @Reference WriteService writes) {
        this(connection, writes, new ConcurrentHashMap<>());
    }

    private ParameterServiceComponent(ConnectionService connection, WriteService writes,
            Map<String, BmsProtocol> protocols) {
        super(connection, writes, id -> Optional.ofNullable(protocols.get(id)));
        this.protocols = protocols;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProtocol(BmsProtocol protocol) {
        protocols.put(protocol.id(), protocol);
    }

    void removeProtocol(BmsProtocol protocol) {
        protocols.remove(protocol.id(), protocol);
    }
}
