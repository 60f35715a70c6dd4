package org.bmsworkbench.protocol.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.setup.CalibrationReset;
import org.bmsworkbench.protocol.setup.DeviceSetup;
import org.bmsworkbench.protocol.setup.FirmwareCommand;
import org.bmsworkbench.protocol.Hex;
import org.junit.jupiter.api.Test;

/**
 * The system configuration, calibration and firmware frames of the native map, byte for byte against the worked
 * examples of docs/protocols/modbus-native.md section 10, and the limits checked before a byte is built.
 */
class ModbusSetupTest {

    private final NativeModbusProtocol protocol = new NativeModbusProtocol();
    private final DeviceSetup setup = protocol.setup().orElseThrow();

    private static void assertFrame(String hex, List<Request> requests) {
        assertEquals(1, requests.size(), "one frame");
        assertArrayEquals(Hex.parse(hex), requests.get(0).frame(), "frame " + Hex.spaced(requests.get(0).frame()));
    }

    @Test
    void calibratesSensorT5To24Point8AsExample10_24() throws Exception {
        assertFrame("01 10 16 04 00 02 04 00 05 00 F8 05 BF", setup.calibrateTemperature(1, 5, 24.8));
    }

    @Test
    void zeroesTheCurrentAsExample10_25() throws Exception {
        assertFrame("01 10 16 02 00 02 04 00 00 00 00 94 16", setup.calibrateCurrentZero(1));
    }

    @Test
    void startsATransferAsExample10_26() throws Exception {
        assertFrame("01 10 30 00 00 05 0A 00 01 F3 A0 8A 3F 21 C7 00 01 A2 49", setup.firmwareStart(1, 127904, 0x8A3F21C7L));
    }

    @Test
    void sendsBlockZeroAsExample10_28() throws Exception {
        byte[] block = new byte[128];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) i;
        }
        List<Request> r = setup.firmwareBlock(1, 0, block);
        byte[] frame = r.get(0).frame();
        assertEquals(7 + 130 + 2, frame.length);
        assertArrayEquals(Hex.parse("01 10 30 09 00 41 82 00 00 00 01 02"), java.util.Arrays.copyOf(frame, 12));
        assertArrayEquals(Hex.parse("7E 7F ED C6"), java.util.Arrays.copyOfRange(frame, frame.length - 4, frame.length));
    }

    @Test
    void finishesAndActivatesAsExamples10_29And10_30() throws Exception {
        assertFrame("01 06 30 04 00 02 46 CA", setup.firmwareCommand(1, FirmwareCommand.FINISH));
        assertFrame("01 06 30 04 00 03 87 0A", setup.firmwareCommand(1, FirmwareCommand.ACTIVATE));
    }

    @Test
    void everySetupWriteIsAChangeAndNoReadIs() throws Exception {
        for (Request r : setup.calibrateVoltage(1, 52.4)) {
            assertTrue(protocol.changesDevice(r.frame()));
        }
        for (Request r : setup.resetCalibration(1, CalibrationReset.SENSOR, 3)) {
            assertTrue(protocol.changesDevice(r.frame()));
        }
        assertFalse(protocol.changesDevice(setup.readCalibration(1).get(0).frame()));
        assertFalse(protocol.changesDevice(setup.readFirmware(1).get(0).frame()));
        assertFalse(protocol.changesDevice(setup.readCapacity(1).get(0).frame()));
    }

    @Test
    void refusesValuesOutsideTheBoardsLimitsBeforeBuildingAFrame() {
        assertThrows(ProtocolException.class, () -> setup.writeCapacity(1, 5000.0, null, null), "full above 4000 Ah");
        assertThrows(ProtocolException.class, () -> setup.writeCapacity(1, 100.0, 120.0, null), "residual above full");
        assertThrows(ProtocolException.class, () -> setup.writeCapacity(1, null, null, 70000), "cycles above 65535");
        assertThrows(ProtocolException.class, () -> setup.writeText(1, "barCode", "x".repeat(31)), "31 characters");
        assertThrows(ProtocolException.class, () -> setup.writeText(1, "remarks", "caf\u00e9"), "not ASCII");
        assertThrows(ProtocolException.class, () -> setup.writeText(1, "softwareVersion", "1.0"), "not writable");
        assertThrows(ProtocolException.class, () -> setup.calibrateTemperature(1, 36, 25), "sensor 36");
        assertThrows(ProtocolException.class, () -> setup.calibrateTemperature(1, 1, 200), "200 \u00b0C");
        assertThrows(ProtocolException.class, () -> setup.firmwareStart(1, 0, 0), "empty image");
        assertThrows(ProtocolException.class, () -> setup.firmwareStart(1, setup.firmwareMaxSize() + 1, 0), "too big");
        assertThrows(ProtocolException.class, () -> setup.firmwareBlock(1, 0, new byte[127]), "short block");
    }

    @Test
    void writesAThirtyCharacterTextWholeInFifteenRegisters() throws Exception {
        List<Request> r = setup.writeText(1, "barCode", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123");
        byte[] frame = r.get(0).frame();
        assertArrayEquals(Hex.parse("01 10 14 80 00 0F 1E 41 42"), java.util.Arrays.copyOf(frame, 9));
        assertEquals(7 + 30 + 2, frame.length);
        assertEquals(List.of("manufacturer", "model", "productVersion", "batteryType", "serialNumber", "remarks",
                "barCode"), setup.writableTexts());
    }

    @Test
    void mapsWithoutTheTargetsHaveNoSetup() {
        assertTrue(new SeplosV3Protocol().setup().isEmpty(), "seplos-v3 declares no calibration or firmware");
    }
}
