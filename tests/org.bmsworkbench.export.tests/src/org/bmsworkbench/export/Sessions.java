package org.bmsworkbench.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.store.SessionWriter;

/** Small session files written with the recorder's own writer. */
final class Sessions {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00.250Z");

    private Sessions() {
    }

    /**
     * Row {@code i} (0-based) of pack {@code address}: time T0 + i s + address ms, voltage 50 + i/1000 + address,
     * SOH absent on odd rows, sensor 2 always absent, CELL_OV and CFET_ON set on every third row.
     */
    static PackSnapshot row(int address, int i, int cells, int temps) {
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(T0.plusSeconds(i).plusMillis(address))
                .set(Quantity.VOLTAGE, 50 + address + i / 1000.0).set(Quantity.CURRENT, -12.5)
                .set(Quantity.SOC, 81).set(Quantity.CYCLES, 17).set(Quantity.PORT_VOLTAGE, 53.2)
                .cellCount(cells).temperatureCount(temps).reported(FlagCategory.ALARM)
                .reported(FlagCategory.SYSTEM);
        if (i % 2 == 0) {
            b.set(Quantity.SOH, 99.5);
        }
        for (int c = 0; c < cells; c++) {
            b.cellVoltage(c, (3300 + c + address) / 1000.0);
        }
        for (int t = 0; t < temps; t++) {
            if (t != 1) {
                b.temperature(t, 20.5 + t);
            }
        }
        if (i % 3 == 0) {
            b.flag(PackFlag.CELL_OV, true).flag(PackFlag.CFET_ON, true);
        }
        return b.build();
    }

    /** Pack 1 (4 cells, 3 sensors) and pack 2 (2 cells, 2 sensors) of one bus, {@code rows} rows each. */
    static Path twoPacks(Path file, int rows) throws Exception {
        try (SessionWriter w = SessionWriter.create(file, Map.of(), 0)) {
            w.bus(new BusStatus("bus-1", "Simulated bus", "modbus-native", BusState.OPEN, "", T0));
            for (int i = 0; i < rows; i++) {
                w.snapshot("bus-1", row(1, i, 4, 3));
                w.snapshot("bus-1", row(2, i, 2, 2));
            }
            w.commit();
        }
        return file;
    }

    /** Pack 1 on each of two buses. */
    static Path twoBuses(Path file, int rows) throws Exception {
        try (SessionWriter w = SessionWriter.create(file, Map.of(), 0)) {
            w.bus(new BusStatus("bus-1", "/dev/ttyUSB0", "modbus-native", BusState.OPEN, "", T0));
            w.bus(new BusStatus("bus-2", "/dev/ttyUSB1", "modbus-native", BusState.OPEN, "", T0));
            for (int i = 0; i < rows; i++) {
                w.snapshot("bus-1", row(1, i, 2, 1));
                w.snapshot("bus-2", row(1, i, 2, 1));
            }
            w.commit();
        }
        return file;
    }
}
