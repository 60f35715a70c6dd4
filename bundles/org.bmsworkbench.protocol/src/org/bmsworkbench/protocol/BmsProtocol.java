package org.bmsworkbench.protocol;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterRelation;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.device.DeviceCodec;

/**
 * One BMS protocol, as the host (master) side speaks it. Implementations are plain Java, stateless and
 * thread-safe; each is registered as an OSGi service and listed for {@link java.util.ServiceLoader} so the
 * workbench and the command-line tools find the same set. A new protocol is a new bundle.
 * <p>
 * Every method that reads bytes from a device either returns a value or throws {@link ProtocolException};
 * nothing else escapes, whatever the bytes.
 */
public interface BmsProtocol {

    /** Stable identifier, e.g. {@code pylontech} or {@code modbus-native}. */
    String id();

    /** Name for people, e.g. "Pylontech RS485 (YD/T1363 V2.0)". */
    String displayName();

    /** How frames are written down for people: ASCII for YD/T1363, hex bytes for Modbus. */
    FrameNotation notation();

    /** The commands this protocol can express. */
    Set<Command> commands();

    /**
     * The baud rate its boards use out of the box, where its documentation says so; the Connection view suggests it
     * for a serial port until the user types another. Empty when boards differ or nothing says.
     */
    default java.util.OptionalInt usualBaud() {
        return java.util.OptionalInt.empty();
    }

    /** Lowest and highest pack address this protocol can reach. */
    int minAddress();

    int maxAddress();

    /**
     * The transactions that read {@code command} from the pack at {@code address}, in order. Most commands
     * are one frame; a Modbus map splits a large block into reads of at most 125 registers.
     */
    List<Request> requests(Command command, int address) throws ProtocolException;

    /** The parameter page this protocol can read and write, empty when it has none. */
    List<ParameterDefinition> parameterDefinitions();

    /**
     * The rules between rows of the parameter page (e.g. a recovery below its high threshold), as the map or
     * variant file declares them; the device refuses a page that breaks one. Empty when the protocol declares none.
     */
    default List<ParameterRelation> parameterRelations() {
        return List.of();
    }

    /** A frame writing every known value of {@code parameters}; values were range-checked by the set. */
    List<Request> writeParameters(int address, ParameterSet parameters) throws ProtocolException;

    List<Request> control(int address, ControlAction action) throws ProtocolException;

    List<Request> setClock(int address, LocalDateTime time) throws ProtocolException;

    /** Reads back a request frame, e.g. one typed by a person or captured on the line. */
    Request parseRequest(byte[] frame) throws ProtocolException;

    /**
     * Whether sending {@code frame} may change the device (a parameter, a FET, the clock, a calibration, the
     * firmware), judged from the bytes rather than from what the sender says it is. The connection service
     * lets only guarded commands put such a frame on the line. A frame this protocol cannot read counts as
     * changing, since nobody can say what it does.
     */
    default boolean changesDevice(byte[] frame) {
        try {
            return parseRequest(frame).command().changesDevice();
        } catch (ProtocolException e) {
            return true;
        }
    }

    /** The index for {@link #selectRecord} that selects the kind alone: record 0, or none when the store is empty. */
    long SELECT_KIND_ONLY = -1;

    /**
     * The requests that load stored record {@code index} of {@code kind} ({@link Command#HISTORY} or
     * {@link Command#ALARM_RECORDS}) into the device's record window, kind and index together; with
     * {@link #SELECT_KIND_ONLY}, the kind alone (record 0 without a check against the count). The window is then
     * read with {@code requests(kind, address)}: each reply carries the record, or the detail
     * {@code record.damaged} when the record does not decode, and {@code record.count}. Selecting only loads the
     * window, so {@link #changesDevice} is false for these frames.
     *
     * @throws ProtocolException UNSUPPORTED when the protocol has no record window
     */
    default List<Request> selectRecord(Command kind, int address, long index) throws ProtocolException {
        throw new ProtocolException(ProtocolError.Kind.UNSUPPORTED, displayName() + " has no record window");
    }

    /**
     * The requests that load record {@code index} of the kind selected last by {@link #selectRecord}: the
     * shorter frame of the next step of a download. By default the full selection.
     */
    default List<Request> nextRecord(Command kind, int address, long index) throws ProtocolException {
        return selectRecord(kind, address, index);
    }

    /** A stream decoder for the reply to {@code pending}. */
    FrameDecoder decoder(Request pending);

    /** The meaning of a whole reply frame (as returned by a decoder) to {@code request}. */
    Reply decode(Request request, byte[] frame) throws ProtocolException;

    /** Silence the protocol needs between frames, in bit times at the line's baud rate. */
    default int interFrameGapBits() {
        return 0;
    }

    /** How long to wait for a reply before counting a timeout, in milliseconds. */
    default int replyTimeoutMillis() {
        return 500;
    }

    /**
     * After the device refused a request with {@code error}, the request that reads why (for {@code modbus-native}
     * the last command result, register 0x0021); empty when the protocol has no such register or the error is not
     * one it explains. The caller sends it at once, before anything else reaches the device.
     */
    default Optional<Request> refusalReasonRequest(int address, DeviceError error) {
        return Optional.empty();
    }

    /**
     * {@code error} with the meaning the device gave in {@code reason}, the reply to
     * {@link #refusalReasonRequest(int, DeviceError)}; {@code error} itself when the reply names no known reason.
     */
    default DeviceError explain(DeviceError error, Reply reason) {
        return error;
    }

    /**
     * A new device side of this protocol, for a simulated bus (one per bus); empty when the protocol only
     * has a host side.
     */
    default Optional<DeviceCodec> deviceCodec() {
        return Optional.empty();
    }

    /**
     * System configuration, calibration and firmware transfer (the manual's System Configuration page); empty
     * when the protocol's boards do not offer them, and the page then says so.
     */
    default Optional<org.bmsworkbench.protocol.setup.DeviceSetup> setup() {
        return Optional.empty();
    }

    /** How frames are written down for people. */
    enum FrameNotation {
        /** Printable ASCII, the carriage return at the end optional. */
        ASCII,
        /** Hexadecimal bytes, spaces optional. */
        HEX
    }
}
