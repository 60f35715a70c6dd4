package org.bmsworkbench.protocol.modbus;

import org.bmsworkbench.protocol.BmsProtocol;
import org.osgi.service.component.annotations.Component;

/** The `modbus-native` protocol; its registers are described in {@code maps/modbus-native.map}. */
@Component(service = BmsProtocol.class)
public final class NativeModbusProtocol extends ModbusProtocol {

    public NativeModbusProtocol() {
        super("modbus-native");
    }

    /** docs/protocols/modbus-native.md: 9600 bit/s, 8N1. */
    @Override
    public java.util.OptionalInt usualBaud() {
        return java.util.OptionalInt.of(9600);
    }
}
