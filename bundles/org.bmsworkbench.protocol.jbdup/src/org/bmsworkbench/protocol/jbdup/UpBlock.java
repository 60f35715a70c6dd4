package org.bmsworkbench.protocol.jbdup;

import java.util.Optional;

/**
 * The blocks BMS Workbench reads, by start and end address. The layouts are those of the public
 * dbus-serialbattery driver {@code lltjbd_up16s.py}, tested on UP16S015 firmware 10.2.1 and 12.1.7
 * (docs/protocols/jbd-up.md); we hold no capture of our own.
 */
enum UpBlock {

    /** Voltage, current, capacities, flags, limits, cells, sensors, balance, firmware, pack serial. Every board answers it. */
    PACK_STATUS(0x1000, 0x10A0, "pack status"),
    /** SOC in 0.01 %, total charge and discharge; firmware from about 12 on. */
    TOTALS(0x2006, 0x2018, "SOC and totals"),
    /** BMS model and serial, BMS and pack dates, pack serial; only from the board on the port's end of the line. */
    PACK_INFO(0x1C00, 0x1CA0, "pack information"),
    /** Model, hardware revision, firmware major.minor.patch; only from the board on the port's end of the line. */
    PRODUCT_INFO(0x2810, 0x283C, "product information");

    final int start;
    final int end;
    final String label;

    UpBlock(int start, int end, String label) {
        this.start = start;
        this.end = end;
        this.label = label;
    }

    static Optional<UpBlock> of(int start, int end) {
        for (UpBlock b : values()) {
            if (b.start == start && b.end == end) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    String describe() {
        return String.format("read %s %04X..%04X", label, start, end);
    }
}
