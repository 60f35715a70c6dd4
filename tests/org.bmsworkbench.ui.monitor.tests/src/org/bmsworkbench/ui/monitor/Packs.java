package org.bmsworkbench.ui.monitor;

import java.time.Instant;
import java.util.Map;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/** Snapshots and states as the connection service publishes them, for the view tests. */
final class Packs {

    private Packs() {
    }

    /** A pack of {@code cells} cells at 3.300 V + 1 mV × (i mod 7), except cell 12 at 3.350 V and cell 88 at 3.250 V. */
    static PackSnapshot pack(int address, int cells, int sensors, double amps, Instant time) {
        return pack(address, cells, sensors, amps, time, 0);
    }

    /** The same with every cell but 12 and 88 at 3.300 V + 1 mV × ((i + shift) mod 7): each shift moves every cell. */
    static PackSnapshot pack(int address, int cells, int sensors, double amps, Instant time, int shift) {
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(time).set(Quantity.VOLTAGE, cells * 3.3)
                .set(Quantity.CURRENT, amps).set(Quantity.SOC, 61.5).set(Quantity.SOH, 99.2)
                .set(Quantity.REMAINING_CAPACITY, 61.5).set(Quantity.FULL_CAPACITY, 100)
                .set(Quantity.DESIGN_CAPACITY, 100).set(Quantity.CYCLES, 28).cellCount(cells)
                .temperatureCount(sensors).reported(FlagCategory.SYSTEM).reported(FlagCategory.ALARM)
                .reported(FlagCategory.PROTECTION).flag(PackFlag.CFET_ON, true).flag(PackFlag.DFET_ON, true);
        for (int i = 0; i < cells; i++) {
            double v = 3.300 + 0.001 * ((i + shift) % 7);
            if (i == 11) {
                v = 3.350;
            } else if (i == 87 && cells > 87) {
                v = 3.250;
            }
            b.cellVoltage(i, v);
        }
        for (int i = 0; i < sensors; i++) {
            b.temperature(i, 25.0 + 0.1 * i);
        }
        b.balancing(11, true);
        if (amps < -0.5) {
            b.flag(PackFlag.DISCHARGING, true);
        }
        return b.build();
    }

    static Map<String, ?> busOpen(String busId, Instant time) {
        return EventProperties.of(new BusStatus(busId, "Test bus", "modbus-native", BusState.OPEN, "", time));
    }

    static Map<String, ?> online(String busId, int address, Instant time) {
        return EventProperties.of(new PackStatus(busId, address, PackLinkState.ONLINE, time, time));
    }

    static Map<String, ?> data(String busId, PackSnapshot snapshot) {
        return EventProperties.of(new PackData(busId, snapshot, true));
    }
}
