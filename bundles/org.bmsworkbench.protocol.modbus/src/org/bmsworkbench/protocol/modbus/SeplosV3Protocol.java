package org.bmsworkbench.protocol.modbus;

import org.bmsworkbench.protocol.BmsProtocol;
import org.osgi.service.component.annotations.Component;

/** The `seplos-v3` protocol; its registers are described in {@code maps/seplos-v3.map}. */
@Component(service = BmsProtocol.class)
public final class SeplosV3Protocol extends ModbusProtocol {

    public SeplosV3Protocol() {
        super("seplos-v3");
    }
}
