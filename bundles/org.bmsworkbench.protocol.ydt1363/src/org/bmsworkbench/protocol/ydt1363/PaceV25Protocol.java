package org.bmsworkbench.protocol.ydt1363;

import org.bmsworkbench.protocol.BmsProtocol;
import org.osgi.service.component.annotations.Component;

/** The `pace-v25` protocol; everything that makes it differ is in {@code variants/pace-v25.properties}. */
@Component(service = BmsProtocol.class)
public final class PaceV25Protocol extends YdtProtocol {

    public PaceV25Protocol() {
        super("pace-v25");
    }
}
