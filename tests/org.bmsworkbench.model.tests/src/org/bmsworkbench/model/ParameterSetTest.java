package org.bmsworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ParameterSetTest {

    private static final ParameterDefinition CELL_OV = ParameterDefinition.number("cellOv",
            "Cell high voltage alarm", "V", 2.5, 4.25, 0.001);
    private static final ParameterDefinition MODE = ParameterDefinition.choice("balanceMode", "Balance mode",
            List.of("Disable balancing", "Charging balance"));

    @Test
    void userValuesAreRangeCheckedWithAMessageForPeople() {
        ParameterSet set = ParameterSet.of(List.of(CELL_OV, MODE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set.with("cellOv", 4.3));
        assertEquals("Cell high voltage alarm: 4.3 V is outside 2.5 .. 4.25 V", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> set.with("cellOv", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> set.with("balanceMode", 2));
        assertThrows(IllegalArgumentException.class, () -> set.with("nothing", 1));
        assertEquals(3.651, set.with("cellOv", 3.6509).value("cellOv"), 1e-12);
    }

    @Test
    void valuesReadFromADeviceAreKeptButCannotBeWrittenBack() {
        ParameterSet set = ParameterSet.of(List.of(CELL_OV, MODE)).with("cellOv", 4.0);
        assertEquals("Balance mode: no value", set.problem());
        ParameterSet full = set.with("balanceMode", 1).withReadValue("cellOv", 4.5);
        assertEquals(4.5, full.value("cellOv"));
        assertTrue(full.problem().startsWith("Cell high voltage alarm: 4.5 V is outside"));
        assertNull(full.with("cellOv", 4.2).problem());
        assertTrue(Double.isNaN(ParameterSet.of(List.of(CELL_OV)).value("cellOv")));
    }

    @Test
    void definitionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ParameterDefinition.number("x", "X", "V", 5, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> ParameterDefinition.number("x", "X", "V", 1, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> ParameterSet.of(List.of(CELL_OV, CELL_OV)));
    }
}
