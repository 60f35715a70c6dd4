package org.bmsworkbench.sim;

import org.bmsworkbench.model.PackSnapshot;

/**
 * What a simulated pack is built as: its DIP address, cells in series, temperature sensors, chemistry,
 * capacity and internal resistance, where it starts and how much its cells differ from one another.
 *
 * @param address          bus address (the DIP switch), 1..247
 * @param cells            cells in series, 1..176
 * @param sensors          cell temperature sensors, 0..33
 * @param chemistry        open-circuit voltage curve and factory thresholds
 * @param capacityAh       design capacity
 * @param cellResistanceOhm internal resistance of one cell at 25 °C
 * @param initialSoc       state of charge at start, percent
 * @param spread           relative spread of cell capacity and resistance (0.02 = ±2 %), also of the
 *                         starting SOC (in percent points × 100) and of the self-discharge rates
 * @param ambientCelsius   air temperature around the pack
 * @param balanceCurrent   bleed current of one balance resistor, A
 */
public record PackSpec(int address, int cells, int sensors, Chemistry chemistry, double capacityAh,
        double cellResistanceOhm, double initialSoc, double spread, double ambientCelsius, double balanceCurrent) {

    public PackSpec {
        if (address < 1 || address > 247) {
            throw new IllegalArgumentException("pack address " + address + " is outside 1..247");
        }
        if (cells < 1 || cells > PackSnapshot.MAX_CELLS) {
            throw new IllegalArgumentException("cells " + cells + " is outside 1.." + PackSnapshot.MAX_CELLS);
        }
        if (sensors < 0 || sensors > PackSnapshot.MAX_TEMPERATURES) {
            throw new IllegalArgumentException("temperature sensors " + sensors + " is outside 0.."
                    + PackSnapshot.MAX_TEMPERATURES);
        }
        if (!(capacityAh >= 1 && capacityAh <= 2000)) {
            throw new IllegalArgumentException("capacity " + capacityAh + " Ah is outside 1..2000 Ah");
        }
        if (!(cellResistanceOhm > 0 && cellResistanceOhm < 1)) {
            throw new IllegalArgumentException("cell resistance " + cellResistanceOhm + " Ω is outside 0..1 Ω");
        }
        if (!(initialSoc >= 0 && initialSoc <= 100)) {
            throw new IllegalArgumentException("initial SOC " + initialSoc + " % is outside 0..100 %");
        }
        if (!(spread >= 0 && spread <= 0.2)) {
            throw new IllegalArgumentException("cell spread " + spread + " is outside 0..0.2");
        }
        if (!(ambientCelsius >= -40 && ambientCelsius <= 80)) {
            throw new IllegalArgumentException("ambient " + ambientCelsius + " °C is outside -40..80 °C");
        }
        if (!(balanceCurrent >= 0 && balanceCurrent <= 5)) {
            throw new IllegalArgumentException("balance current " + balanceCurrent + " A is outside 0..5 A");
        }
    }

    /** A typical pack: 100 Ah LFP, 0.5 mΩ cells, 60 % charged, ±2 % spread, 25 °C, 0.1 A balancing. */
    public static PackSpec typical(int address, int cells, int sensors) {
        return new PackSpec(address, cells, sensors, Chemistry.LFP, 100, 0.0005, 60, 0.02, 25, 0.1);
    }

    public PackSpec withAddress(int newAddress) {
        return new PackSpec(newAddress, cells, sensors, chemistry, capacityAh, cellResistanceOhm, initialSoc, spread,
                ambientCelsius, balanceCurrent);
    }

    public PackSpec withChemistry(Chemistry c) {
        return new PackSpec(address, cells, sensors, c, capacityAh, cellResistanceOhm, initialSoc, spread,
                ambientCelsius, balanceCurrent);
    }

    public PackSpec withCapacity(double ah) {
        return new PackSpec(address, cells, sensors, chemistry, ah, cellResistanceOhm, initialSoc, spread,
                ambientCelsius, balanceCurrent);
    }

    public PackSpec withInitialSoc(double soc) {
        return new PackSpec(address, cells, sensors, chemistry, capacityAh, cellResistanceOhm, soc, spread,
                ambientCelsius, balanceCurrent);
    }

    public PackSpec withSpread(double s) {
        return new PackSpec(address, cells, sensors, chemistry, capacityAh, cellResistanceOhm, initialSoc, s,
                ambientCelsius, balanceCurrent);
    }

    public PackSpec withAmbient(double celsius) {
        return new PackSpec(address, cells, sensors, chemistry, capacityAh, cellResistanceOhm, initialSoc, spread,
                celsius, balanceCurrent);
    }

    public PackSpec withBalanceCurrent(double amps) {
        return new PackSpec(address, cells, sensors, chemistry, capacityAh, cellResistanceOhm, initialSoc, spread,
                ambientCelsius, amps);
    }
}
