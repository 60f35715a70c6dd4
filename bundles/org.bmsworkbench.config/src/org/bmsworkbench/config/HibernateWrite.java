package org.bmsworkbench.config;

import java.util.Optional;

import org.bmsworkbench.connection.BusCommand;
import org.bmsworkbench.connection.CommandContext;
import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.control.ControlInterlocks;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.Phrase;
import org.bmsworkbench.control.ReadBack;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ControlAction;

/**
 * Forced hibernation: the board switches both FETs off and stops answering until RS485 activity or a charger
 * wakes it. The bus then shows the pack as hibernating, not as failing. Refused while current flows (the board
 * refuses too, modbus-native 9.5).
 */
public final class HibernateWrite extends PackWrite<Boolean> {

    HibernateWrite(String busId, int address) {
        super(busId, address);
    }

    @Override
    public Optional<String> unsupportedBy(BmsProtocol protocol) {
        return withoutControl(protocol, ControlAction.HIBERNATE);
    }

    @Override
    public String what() {
        return ControlAction.HIBERNATE.name();
    }

    @Override
    public String oldValue(PackSnapshot latest) {
        return "awake";
    }

    @Override
    public String newValue() {
        return "hibernating";
    }

    @Override
    public BusCommand.Priority priority() {
        return BusCommand.Priority.CONTROL;
    }

    @Override
    public Optional<Refusal> precondition(PackSnapshot fresh) {
        double amps = fresh.find(Quantity.CURRENT).orElse(Double.NaN);
        return Math.abs(amps) <= ControlInterlocks.REST_AMPS ? Optional.empty() : Optional.of(Refusal.CURRENT_FLOWING);
    }

    @Override
    protected BusCommand<Boolean> command() {
        BusCommand<?> control = Commands.control(address(), ControlAction.HIBERNATE);
        return new BusCommand<>() {
            @Override
            public String label() {
                return "Hibernate pack " + address();
            }

            @Override
            public Priority priority() {
                return Priority.CONTROL;
            }

            @Override
            public Boolean run(CommandContext c) throws Exception {
                control.run(c);
                c.hibernating(address());
                return true;
            }
        };
    }

    @Override
    protected ReadBack readBack(Boolean accepted) {
        // a board that hibernates cannot be read back: its accepting the command is all there is
        return new ReadBack(accepted, Phrase.of("hibernate.accepted", address()));
    }
}
