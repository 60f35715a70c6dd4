package org.bmsworkbench.config;

import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.control.Phrase;
import org.bmsworkbench.control.ReadBack;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.setup.CalibrationReading;
import org.bmsworkbench.protocol.setup.CalibrationReset;
import org.bmsworkbench.protocol.setup.DeviceSetup;

/** Back to the factory calibration: the voltage gain, the current zero, one sensor's offset or every offset. */
public final class ResetCalibrationWrite extends SetupWrite<CalibrationReading> {

    private final CalibrationReset what;
    private final int sensor;

    ResetCalibrationWrite(String busId, int address, CalibrationReset what, int sensor) {
        super(busId, address);
        this.what = what;
        this.sensor = sensor;
    }

    @Override
    public String what() {
        return "reset calibration " + what.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (what == CalibrationReset.SENSOR ? " " + CalibrationResult.sensorName(sensor) : "");
    }

    @Override
    public String oldValue(PackSnapshot latest) {
        return "";
    }

    @Override
    public String newValue() {
        return "factory";
    }

    @Override
    protected BusCommand<CalibrationReading> command() {
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Reset the calibration of pack " + address();
            }

            @Override
            public CalibrationReading run(CommandContext c) throws Exception {
                DeviceSetup setup = Setups.send(c, d -> d.resetCalibration(address(), what, sensor));
                Thread.sleep(CalibrationWrite.SETTLE_MILLIS);
                return setup.calibration(c.transact(setup.readCalibration(address()).get(0)));
            }
        };
    }

    @Override
    protected ReadBack readBack(CalibrationReading after) {
        boolean done = switch (what) {
            // a factory calibration still counts as calibrated: the board's having taken the reset is the check
            case VOLTAGE, SENSOR -> true;
            case CURRENT_ZERO -> !after.currentZeroCalibrated();
            case ALL_SENSORS -> !after.temperatureOffsetSet();
        };
        return new ReadBack(done, Phrase.of("calibration.status", String.format(java.util.Locale.ROOT, "0x%X", after.status()),
                String.format(java.util.Locale.ROOT, "%.3f V", after.volts()),
                String.format(java.util.Locale.ROOT, "%.3f A", after.amps())));
    }
}
