package org.bmsworkbench.connection;

import java.util.List;
import java.util.Optional;

import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.SerialPortInfo;

/**
 * The buses of this workbench: the only way to open a port, poll packs, and send anything to them. What the
 * buses see is published on the EventAdmin topics of {@code org.bmsworkbench.events.BmsTopics}; views read it from
 * the one place that keeps it ({@code org.bmsworkbench.core}: {@code LiveData} for values,
 * {@code BusStateRegistry} for bus and pack states), not from here.
 */
public interface ConnectionService {

    /**
     * Opens a bus and starts polling it. Opening goes on in the background: the bus reports OPENING, then OPEN
     * or FAILED, and keeps trying to open a port that is not there yet.
     *
     * @return the new bus's id
     * @throws IllegalArgumentException when the settings cannot work (unknown protocol, an address the
     *                                  protocol cannot reach, a port already used by another bus); the message
     *                                  says which
     */
    String open(BusSettings settings);

    /** Stops polling and closes the port; commands still queued end as cancelled. Unknown ids are ignored. */
    void close(String busId);

    void closeAll();

    /** The open buses' current states, in the order they were opened. */
    List<BusStatus> buses();

    /** The settings a bus was opened with. */
    Optional<BusSettings> settings(String busId);

    /**
     * The protocol a bus speaks, so that a write it has no frames for is refused before anyone is asked for a
     * password; empty for an unknown bus (and by default).
     */
    default Optional<org.bmsworkbench.protocol.BmsProtocol> protocolOf(String busId) {
        return Optional.empty();
    }

    /**
     * Queues a command on a bus. A command may read anything; a frame that changes a pack (parameters, control,
     * clock, calibration, firmware) goes out only inside a {@link GuardedCommand} issued and admitted by the
     * {@link WriteGuard} (the workbench's {@code org.bmsworkbench.control.WriteService}); any other ends with
     * a {@link CommandException} before that frame is sent.
     *
     * @throws IllegalArgumentException for an unknown bus
     * @throws IllegalStateException    when the bus is not open
     */
    <T> CommandHandle<T> submit(String busId, BusCommand<T> command);

    /** The serial ports found at the last look (refreshed every few seconds and on {@link #refreshPorts()}). */
    List<SerialPortInfo> serialPorts();

    List<SerialPortInfo> refreshPorts();

    /** The ids of the protocols a bus can be opened with. */
    List<String> protocols();

    /** The line speed a protocol's boards use out of the box ({@code BmsProtocol.usualBaud}); empty by default. */
    default java.util.OptionalInt usualBaud(String protocolId) {
        return java.util.OptionalInt.empty();
    }

    /**
     * The buses opened lately, newest first, at most {@value BusMemory#RECENT}, as their specs
     * ({@link BusSettings#toSpec()}), kept across starts; for a menu of recent buses. None by default.
     */
    default List<String> recentBuses() {
        return List.of();
    }
}
