package org.bmsworkbench.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.control.Phrase;
import org.bmsworkbench.control.ReadBack;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.setup.Capacity;
import org.bmsworkbench.protocol.setup.DeviceSetup;

/**
 * Full capacity, residual capacity and cycle count (the manual's System Configuration: Capacity and Chg-Dsg
 * cycle); each {@code null} is left as the board has it, so a residual capacity that runs on is not put back.
 */
public final class CapacityWrite extends SetupWrite<Capacity> {

    private final Double fullAh;
    private final Double residualAh;
    private final Integer cycles;

    CapacityWrite(String busId, int address, Double fullAh, Double residualAh, Integer cycles) {
        super(busId, address);
        if (fullAh == null && residualAh == null && cycles == null) {
            throw new IllegalArgumentException("nothing to write");
        }
        this.fullAh = fullAh;
        this.residualAh = residualAh;
        this.cycles = cycles;
    }

    @Override
    public String what() {
        return "capacity";
    }

    @Override
    public String oldValue(PackSnapshot latest) {
        if (latest == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (fullAh != null) {
            parts.add("full " + ah(latest.find(Quantity.FULL_CAPACITY).orElse(Double.NaN)));
        }
        if (residualAh != null) {
            parts.add("residual " + ah(latest.find(Quantity.REMAINING_CAPACITY).orElse(Double.NaN)));
        }
        if (cycles != null) {
            parts.add("cycles " + Math.round(latest.find(Quantity.CYCLES).orElse(Double.NaN)));
        }
        return String.join(", ", parts);
    }

    @Override
    public String newValue() {
        List<String> parts = new ArrayList<>();
        if (fullAh != null) {
            parts.add("full " + ah(fullAh));
        }
        if (residualAh != null) {
            parts.add("residual " + ah(residualAh));
        }
        if (cycles != null) {
            parts.add("cycles " + cycles);
        }
        return String.join(", ", parts);
    }

    private static String ah(double value) {
        return String.format(Locale.ROOT, "%.3f Ah", value);
    }

    @Override
    protected BusCommand<Capacity> command() {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Set the capacity of pack " + address();
            }

            @Override
            public Capacity run(CommandContext c) throws Exception {
                DeviceSetup setup = Setups.send(c, d -> d.writeCapacity(address(), fullAh, residualAh, cycles));
                return setup.capacity(c.transact(setup.readCapacity(address()).get(0)));
            }
        };
    }

    @Override
    protected ReadBack readBack(Capacity back) {
        List<Phrase> differ = new ArrayList<>();
        if (fullAh != null && Math.abs(back.fullAh() - fullAh) > 0.0005) {
            differ.add(Phrase.of("capacity.fullReads", ah(back.fullAh())));
        }
        // the residual capacity runs on with the current: a few mAh between the write and its read are expected
        if (residualAh != null && Math.abs(back.residualAh() - residualAh) > Math.max(0.01, residualAh * 0.001)) {
            differ.add(Phrase.of("capacity.residualReads", ah(back.residualAh())));
        }
        if (cycles != null && back.cycles() != cycles) {
            differ.add(Phrase.of("capacity.cyclesReads", back.cycles()));
        }
        return differ.isEmpty()
                ? new ReadBack(true, Phrase.of("capacity.readsBack", ah(back.fullAh()), ah(back.residualAh()),
                        back.cycles()))
                : new ReadBack(false, Phrase.all(differ));
    }
}
