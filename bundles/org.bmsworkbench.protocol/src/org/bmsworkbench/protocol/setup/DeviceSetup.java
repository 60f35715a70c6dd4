package org.bmsworkbench.protocol.setup;

import java.util.List;

import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/**
 * What the System Configuration page, the calibration wizard and the firmware upgrade need of a protocol, for
 * protocols whose boards offer them ({@link org.bmsworkbench.protocol.BmsProtocol#setup()}). Each method builds
 * frames or reads a decoded reply; values are in canonical units (Ah, V, A, °C). Every value is checked before a
 * byte is built: a method that would send something outside the board's limits throws instead.
 */
public interface DeviceSetup {

    /** Writable product texts, by the names of {@link org.bmsworkbench.model.DeviceIdentity}'s texts. */
    List<String> writableTexts();

    /** The longest text a board keeps. */
    int textLength();

    /** Reads full and residual capacity and the charge-discharge cycle count. */
    List<Request> readCapacity(int address) throws ProtocolException;

    /** The capacity values of a reply to {@link #readCapacity}. */
    Capacity capacity(Reply reply) throws ProtocolException;

    /**
     * Sets any of full capacity, residual capacity and cycle count ({@code null}: unchanged). A residual above
     * the full capacity written with it is refused here; above the stored one, by the board.
     */
    List<Request> writeCapacity(int address, Double fullAh, Double residualAh, Integer cycles)
            throws ProtocolException;

    /** Writes one product text whole; refused when too long or not printable ASCII. */
    List<Request> writeText(int address, String name, String value) throws ProtocolException;

    /** Reads the calibration registers: measured voltage and current, the selected sensor, status. */
    List<Request> readCalibration(int address) throws ProtocolException;

    CalibrationReading calibration(Reply reply) throws ProtocolException;

    /** The true pack voltage (a meter's reading); the board corrects its gain. */
    List<Request> calibrateVoltage(int address, double volts) throws ProtocolException;

    /** Takes the present current reading as zero. */
    List<Request> calibrateCurrentZero(int address) throws ProtocolException;

    /**
     * The true temperature of one sensor (a thermometer's reading).
     *
     * @param sensor 1..33 cell sensors, {@link CalibrationReading#SENSOR_ENVIRONMENT} or
     *               {@link CalibrationReading#SENSOR_MOSFET}
     */
    List<Request> calibrateTemperature(int address, int sensor, double celsius) throws ProtocolException;

    /** Selects the sensor whose temperature {@link #readCalibration} shows; changes no correction. */
    List<Request> selectSensor(int address, int sensor) throws ProtocolException;

    /** Back to the factory calibration; {@code sensor} only for {@link CalibrationReset#SENSOR}. */
    List<Request> resetCalibration(int address, CalibrationReset what, int sensor) throws ProtocolException;

    /** Bytes per firmware block. */
    int firmwareBlockSize();

    /** Largest image the board's standby area holds, in bytes. */
    long firmwareMaxSize();

    List<Request> readFirmware(int address) throws ProtocolException;

    FirmwareState firmware(Reply reply) throws ProtocolException;

    /** Announces the image (size and CRC-32) and erases the standby area. */
    List<Request> firmwareStart(int address, long size, long crc32) throws ProtocolException;

    /** Block {@code number}: exactly {@link #firmwareBlockSize()} bytes, the last one padded with 0xFF. */
    List<Request> firmwareBlock(int address, int number, byte[] block) throws ProtocolException;

    List<Request> firmwareCommand(int address, FirmwareCommand command) throws ProtocolException;
}
