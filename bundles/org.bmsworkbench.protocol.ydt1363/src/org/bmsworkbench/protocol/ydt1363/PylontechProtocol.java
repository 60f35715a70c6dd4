package org.bmsworkbench.protocol.ydt1363;

import org.bmsworkbench.protocol.BmsProtocol;
import org.osgi.service.component.annotations.Component;

/** The `pylontech` protocol; everything that makes it differ is in {@code variants/pylontech.properties}. */
@Component(service = BmsProtocol.class)
public final class PylontechProtocol extends YdtProtocol {

    public PylontechProtocol() {
        super("pylontech");
    }
}
