package org.bmsworkbench.protocol.device;

import java.time.LocalDateTime;
import java.util.Map;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.ControlAction;

/**
 * One BMS board as the device side of a protocol sees it, in canonical units. Everything a board measures
 * comes from one measurement cycle per {@link #snapshot()} call; everything it is asked to change is
 * checked by the board, which refuses with a {@link BoardResult} rather than take a value outside its limits.
 * Implementations are thread-safe.
 */
public interface Board {

    /** Sensor numbers of {@link #measuredTemperature(int)} beyond the cell sensors T1..T33. */
    int SENSOR_ENVIRONMENT = 34;
    int SENSOR_MOSFET = 35;

    int address();

    /**
     * The live values as the board reports them (calibration applied): every quantity it measures, cells
     * and sensors fitted, balance bits and every flag category.
     */
    PackSnapshot snapshot();

    /**
     * A parameter in the unit of its definition, by the key of any protocol's parameter page the board
     * knows (the native map's keys, and other dialects' keys for the same setting); NaN when unknown.
     */
    double parameter(String key);

    /** Writes several parameters as a whole or not at all, after checking ranges and relations. */
    BoardResult writeParameters(Map<String, Double> values);

    BoardResult control(ControlAction action);

    /** Whether the host's {@code action} coil/state reads as on (CFET, DFET, charge limit, an erase running). */
    boolean controlState(ControlAction action);

    LocalDateTime clock();

    BoardResult setClock(LocalDateTime time);

    /**
     * Identity and product text by name: {@code manufacturer}, {@code model}, {@code productVersion},
     * {@code batteryType}, {@code serialNumber}, {@code remarks}, {@code barCode}, {@code softwareVersion},
     * {@code hardwareVersion}, {@code protocolVersion}, {@code deviceName}; empty when unknown.
     */
    String text(String name);

    /** Writable texts are the product information and the bar code; printable ASCII, at most 30 characters. */
    BoardResult setText(String name, String value);

    /** System configuration: {@code fullCapacity}, {@code remainingCapacity} (Ah), {@code cycleCount}. */
    BoardResult configure(Map<String, Double> values);

    /** Corrects the pack-voltage gain so the pack reads {@code trueVolts}; refused outside ±5 % of the reading. */
    BoardResult calibrateVoltage(double trueVolts);

    /** Takes the present current reading as the new zero; refused while current flows. */
    BoardResult calibrateCurrentZero();

    /** The measured temperature of sensor 1..33, 34 environment or 35 MOSFET; NaN when unreadable. */
    double measuredTemperature(int sensor);

    /** Stores an offset so the sensor reads {@code trueCelsius}; refused outside ±10 °C of the reading. */
    BoardResult calibrateTemperature(int sensor, double trueCelsius);

    /** 1 voltage gain, 2 current zero, 3 the offset of {@code sensor}, 4 every temperature offset. */
    BoardResult resetCalibration(int what, int sensor);

    /** Bit 0 voltage calibrated, bit 1 current zero calibrated, bit 2 current gain (factory), bit 3 a temperature offset set. */
    int calibrationStatus();

    /** Whether a long operation (record erase, restore defaults) is running. */
    boolean busy();

    int historyCount();

    /** Data record {@code index}, 0 the oldest. */
    HistoryRecord history(int index);

    int alarmCount();

    AlarmRecord alarm(int index);

    /** The result code of the last command carried out (native map register 0x0021). */
    int lastResult();

    /** Records the result of a command a codec carried out itself (a record selection, say). */
    void lastResult(BoardResult result);

    FirmwareTarget firmware();
}
