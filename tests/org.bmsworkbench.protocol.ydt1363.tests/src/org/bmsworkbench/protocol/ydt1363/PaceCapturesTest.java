package org.bmsworkbench.protocol.ydt1363;

import static org.bmsworkbench.protocol.ydt1363.Golden.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Request;
import org.junit.jupiter.api.Test;

/** The PACE V2.5 dialect against public captures of a real pack (see {@link Golden}). */
class PaceCapturesTest {

    private final PaceV25Protocol pace = new PaceV25Protocol();

    @Test
    void analogValuesWithTheTemperatureOffsetOf2730() throws Exception {
        Request r = pace.parseRequest(ascii(Golden.PACE_ANALOG_REQUEST));
        assertArrayEquals(ascii(Golden.PACE_ANALOG_REQUEST), pace.requests(Command.ANALOG, 1).get(0).frame());
        PackSnapshot s = pace.decode(r, ascii(Golden.PACE_ANALOG_RESPONSE)).packs().get(0);
        assertEquals(1, s.address());
        assertEquals(16, s.cellCount());
        assertEquals(3.271, s.cellVoltage(0), 1e-9);
        assertEquals(3.272, s.cellVoltage(1), 1e-9);
        assertEquals(3.269, s.cellVoltage(5), 1e-9);
        assertEquals(6, s.temperatureCount());
        assertEquals(24.1, s.temperature(0), 1e-9);
        assertEquals(23.9, s.temperature(1), 1e-9);
        assertEquals(26.5, s.temperature(4), 1e-9);
        assertEquals(27.4, s.temperature(5), 1e-9);
        assertEquals(-2.25, s.get(Quantity.CURRENT), 1e-9);
        assertEquals(52.429, s.get(Quantity.VOLTAGE), 1e-9);
        assertEquals(48.19, s.get(Quantity.REMAINING_CAPACITY), 1e-9);
        assertEquals(103.46, s.get(Quantity.FULL_CAPACITY), 1e-9);
        assertEquals(140, s.get(Quantity.CYCLES));
        assertEquals(100.00, s.get(Quantity.DESIGN_CAPACITY), 1e-9);
        // Not sent by PACE: remaining / full and full / design, as the pack's own display shows them.
        assertEquals(46.6, s.get(Quantity.SOC), 1e-9);
        assertEquals(100.0, s.get(Quantity.SOH), 1e-9);
    }

    @Test
    void statusOfAPackDischargingWithBothFetsOn() throws Exception {
        Request r = pace.parseRequest(ascii(Golden.PACE_STATUS_REQUEST));
        PackSnapshot s = pace.decode(r, ascii(Golden.PACE_STATUS_RESPONSE)).packs().get(0);
        assertEquals(Set.of(PackFlag.CFET_ON, PackFlag.DFET_ON, PackFlag.DISCHARGING), s.flags());
    }
}
