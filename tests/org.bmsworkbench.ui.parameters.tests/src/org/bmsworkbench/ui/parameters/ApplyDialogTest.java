package org.bmsworkbench.ui.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.junit.jupiter.api.Test;

/** What Apply to packs sends to every pack. */
class ApplyDialogTest {

    @Test
    void aPackOwnAddressIsNeverAppliedToOtherPacks() {
        List<ParameterDefinition> defs = List.of(ParameterDefinition.number("rs485Address", "RS485 address", "", 1, 247, 1),
                ParameterDefinition.number("dormancyDelay", "Dormancy delay", "min", 1, 1440, 1));
        ParameterSet set = ParameterSet.of(defs).withReadValue("rs485Address", 1).withReadValue("dormancyDelay", 5);
        assertEquals(List.of("dormancyDelay"), List.copyOf(ApplyDialog.shared(set).keySet()));
    }
}
