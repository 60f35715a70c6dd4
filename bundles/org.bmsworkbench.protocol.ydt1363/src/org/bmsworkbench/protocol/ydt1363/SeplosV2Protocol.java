package org.bmsworkbench.protocol.ydt1363;

import org.bmsworkbench.protocol.BmsProtocol;
import org.osgi.service.component.annotations.Component;

/** The `seplos-v2` protocol; everything that makes it differ is in {@code variants/seplos-v2.properties}. */
@Component(service = BmsProtocol.class)
public final class SeplosV2Protocol extends YdtProtocol {

    public SeplosV2Protocol() {
        super("seplos-v2");
    }
}
