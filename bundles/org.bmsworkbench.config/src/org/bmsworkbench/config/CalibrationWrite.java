package org.bmsworkbench.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.control.Phrase;
import org.bmsworkbench.control.ReadBack;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.setup.CalibrationReading;
import org.bmsworkbench.protocol.setup.DeviceSetup;

/**
 * One calibration of the wizard: reads the board's value, sends the reference, waits for the board to measure
 * again and reads it back, so the result shows before, after and the residual error.
 */
public final class CalibrationWrite extends SetupWrite<CalibrationResult> {

    /** The board measures again (current: a running 1-second average) before the value is read back. */
    static final long SETTLE_MILLIS = 1200;

    private final CalibrationKind kind;
    private final double reference;
    private final List<Integer> sensors;

    CalibrationWrite(String busId, int address, CalibrationKind kind, double reference, List<Integer> sensors) {
        super(busId, address);
        this.kind = kind;
        this.reference = kind == CalibrationKind.CURRENT_ZERO ? 0 : reference;
        this.sensors = List.copyOf(sensors);
        if (Double.isNaN(this.reference) || Double.isInfinite(this.reference)) {
            throw new IllegalArgumentException("the reference is not a number");
        }
        boolean temperatures = kind == CalibrationKind.TEMPERATURE || kind == CalibrationKind.ALL_TEMPERATURES;
        if (temperatures && this.sensors.isEmpty() || kind == CalibrationKind.TEMPERATURE && this.sensors.size() != 1) {
            throw new IllegalArgumentException("a temperature calibration names its sensor(s)");
        }
        for (int s : this.sensors) {
            if (s < 1 || s > CalibrationReading.SENSOR_MOSFET) {
                throw new IllegalArgumentException("sensor " + s + " is outside 1..35");
            }
        }
    }

    public CalibrationKind kind() {
        return kind;
    }

    @Override
    public String what() {
        return switch (kind) {
            case VOLTAGE -> "calibrate voltage";
            case CURRENT_ZERO -> "calibrate current zero";
            case TEMPERATURE -> "calibrate " + CalibrationResult.sensorName(sensors.get(0));
            case ALL_TEMPERATURES -> "calibrate " + sensors.size() + " temperature sensors";
        };
    }

    @Override
    public String oldValue(PackSnapshot latest) {
        if (latest == null) {
            return "";
        }
        return switch (kind) {
            case VOLTAGE -> String.format(Locale.ROOT, "%.3f V", latest.find(Quantity.VOLTAGE).orElse(Double.NaN));
            case CURRENT_ZERO -> String.format(Locale.ROOT, "%.3f A", latest.find(Quantity.CURRENT).orElse(Double.NaN));
            default -> "";
        };
    }

    @Override
    public String newValue() {
        return switch (kind) {
            case VOLTAGE -> String.format(Locale.ROOT, "%.3f V", reference);
            case CURRENT_ZERO -> "0.000 A";
            default -> String.format(Locale.ROOT, "%.1f \u00b0C", reference);
        };
    }

    @Override
    public Optional<Refusal> precondition(PackSnapshot fresh) {
        if (kind == CalibrationKind.CURRENT_ZERO) {
            double amps = fresh.find(Quantity.CURRENT).orElse(Double.NaN);
            if (!(Math.abs(amps) <= CalibrationChecks.ZERO_MAX_AMPS)) {
                return Optional.of(Refusal.CURRENT_FLOWING);
            }
        }
        return Optional.empty();
    }

    @Override
    protected BusCommand<CalibrationResult> command() {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Calibrate pack " + address() + ": " + what();
            }

            @Override
            public CalibrationResult run(CommandContext c) throws Exception {
                DeviceSetup setup = Setups.of(c);
                try {
                    return switch (kind) {
                        case VOLTAGE -> single(c, setup, setup.calibrateVoltage(address(), reference));
                        case CURRENT_ZERO -> single(c, setup, setup.calibrateCurrentZero(address()));
                        case TEMPERATURE, ALL_TEMPERATURES -> temperatures(c, setup);
                    };
                } catch (ProtocolException e) {
                    throw Setups.refused(e);
                }
            }
        };
    }

    private CalibrationResult single(CommandContext c, DeviceSetup setup, List<Request> writes) throws Exception {
        CalibrationReading before = read(c, setup);
        for (Request r : writes) {
            c.transact(r);
        }
        Thread.sleep(SETTLE_MILLIS);
        CalibrationReading after = read(c, setup);
        double b = kind == CalibrationKind.VOLTAGE ? before.volts() : before.amps();
        double a = kind == CalibrationKind.VOLTAGE ? after.volts() : after.amps();
        return new CalibrationResult(kind, reference, List.of(new CalibrationResult.Step(0, b, a, reference)));
    }

    private CalibrationResult temperatures(CommandContext c, DeviceSetup setup) throws Exception {
        // every sensor's reading is taken before the first correction, so each is judged on the same moment
        List<Request> plans = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        for (int sensor : sensors) {
            c.checkCancelled();
            before.add(readSensor(c, setup, sensor));
            plans.addAll(setup.calibrateTemperature(address(), sensor, reference));
        }
        int i = 0;
        for (Request r : plans) {
            c.checkCancelled();
            c.progress(i++, plans.size(), r.description());
            c.transact(r);
        }
        Thread.sleep(SETTLE_MILLIS);
        List<CalibrationResult.Step> steps = new ArrayList<>();
        for (int k = 0; k < sensors.size(); k++) {
            steps.add(new CalibrationResult.Step(sensors.get(k), before.get(k), readSensor(c, setup, sensors.get(k)),
                    reference));
        }
        return new CalibrationResult(kind, reference, steps);
    }

    /** Selects the sensor, which changes no offset, and reads its temperature. */
    private double readSensor(CommandContext c, DeviceSetup setup, int sensor) throws Exception {
        List<Request> select = setup.selectSensor(address(), sensor);
        for (Request r : select) {
            c.transact(r);
        }
        return read(c, setup).celsius();
    }

    private CalibrationReading read(CommandContext c, DeviceSetup setup) throws Exception {
        return setup.calibration(c.transact(setup.readCalibration(address()).get(0)));
    }

    @Override
    protected ReadBack readBack(CalibrationResult result) {
        return new ReadBack(result.withinTolerance(), result.withinTolerance() ? result.phrase()
                : Phrase.all(List.of(result.phrase(), Phrase.of("calibration.residualAbove",
                        String.format(Locale.ROOT, "%.3f %s", result.tolerance(), result.unit())))));
    }
}
