package org.bmsworkbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.junit.jupiter.api.Test;

/** The page a board works from: whole writes, other protocols' names, and the factory reset. */
class ParameterPageTest {

    private final ParameterPage page = new ParameterPage(PackSpec.typical(4, 16, 4),
            new NativeModbusProtocol().parameterDefinitions());

    @Test
    void aWriteIsStoredWholeOrNotAtAll() {
        Map<String, Double> before = page.copy();
        assertNull(page.write(Map.of("cellHighVoltageAlarmRecovery", 3.7, "socLowAlarm", 20.0)));
        assertEquals(before, page.copy());
        assertTrue(page.problem(Map.of("cellHighVoltageAlarm", 6.0)).contains("outside"));
        assertEquals("unknown parameter in [noSuchParameter]", page.problem(Map.of("noSuchParameter", 1.0)));
        assertEquals(Map.of("cellLowVoltageAlarm", 3.0), page.write(Map.of("cellLowVoltageLimit", 3.0)),
                "stored under the native key");
        assertEquals(3.0, page.get("cellLowVoltageAlarm"));
        assertEquals(-100.0, page.byAnyName("dischargeCurrentLimit"), "Pylontech's discharge limit is negative");
        assertTrue(Double.isNaN(page.get("noSuchParameter")));
    }

    @Test
    void aPackIsCommissionedWithRecordsAndARestoreKeepsItsAddress() {
        assertEquals(5.0, page.get("storageInterval"));
        assertEquals(4, page.address());
        page.write(Map.of("rs485Address", 9.0, "enableDormancy", 1.0));
        assertTrue(page.enabled("enableDormancy"));
        page.restoreDefaults();
        assertEquals(9, page.address());
        assertEquals(0.0, page.get("storageInterval"), "the manual's factory value");
        assertFalse(page.enabled("enableDormancy"));
    }
}
