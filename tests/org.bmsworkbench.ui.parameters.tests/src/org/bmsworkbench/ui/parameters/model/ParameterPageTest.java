package org.bmsworkbench.ui.parameters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterRelation;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.parameters.ParameterSheet;
import org.bmsworkbench.parameters.RowState;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.ui.parameters.model.ParameterPage.Column;
import org.bmsworkbench.ui.parameters.model.ParameterPage.Editor;
import org.junit.jupiter.api.Test;

/** The table's presenter without a display: lines by section, texts, editors, entering, marks, SCP current. */
class ParameterPageTest {

    private static final ParameterDefinition HIGH = ParameterDefinition.number("cellHigh", "Cell high voltage alarm", "V",
            1, 5, 0.001).withPresentation("voltage", "单体高压告警");
    private static final ParameterDefinition RECOVERY = ParameterDefinition.number("cellHighRecovery",
            "Cell high voltage alarm recovery", "V", 1, 5, 0.001).withPresentation("voltage", "");
    private static final ParameterDefinition CFET = ParameterDefinition.choice("enableCfet", "Enable CFET",
            List.of("off", "on")).withPresentation("function", "充电MOS使能");
    private static final ParameterDefinition MODE = ParameterDefinition.choice("balanceMode", "Balance mode",
            List.of("Disable balancing", "Charging balance", "Charging static balance",
                    "Charging static discharge balance")).withPresentation("other", "均衡模式");

    private static ParameterSheet sheet() {
        ParameterSheet sheet = new ParameterSheet(List.of(HIGH, RECOVERY, CFET, MODE),
                List.of(new ParameterRelation("cellHighRecovery", "cellHigh", true)));
        ParameterSet page = ParameterSet.of(sheet.definitions()).withReadValue("cellHigh", 3.55)
                .withReadValue("cellHighRecovery", 3.4).withReadValue("enableCfet", 1).withReadValue("balanceMode", 1);
        sheet.loadDevice(page);
        return sheet;
    }

    @Test
    void linesAreSectionHeadersFollowedByTheirRowsInPageOrder() {
        ParameterPage page = new ParameterPage();
        page.show(sheet(), true);
        List<String> shape = page.lines().stream().map(l -> l.isHeader() ? "#" + l.section() : l.row().key()).toList();
        assertEquals(List.of("#voltage", "cellHigh", "cellHighRecovery", "#function", "enableCfet", "#other",
                "balanceMode"), shape);
        assertEquals(Editor.NONE, page.editor(0));
        assertEquals(Editor.TEXT, page.editor(page.indexOf("cellHigh")));
        assertEquals(Editor.SWITCH, page.editor(page.indexOf("enableCfet")));
        assertEquals(Editor.CHOICE, page.editor(page.indexOf("balanceMode")));
        assertEquals(4, page.choices(page.indexOf("balanceMode")).size());
    }

    @Test
    void columnsShowLabelUnitRangeValueAndDeviceValueInTheLanguage() {
        ParameterPage page = new ParameterPage();
        page.show(sheet(), true);
        int i = page.indexOf("cellHigh");
        assertEquals("Cell high voltage alarm", page.text(i, Column.NAME));
        assertEquals("V", page.text(i, Column.UNIT));
        assertEquals("1.000", page.text(i, Column.MINIMUM));
        assertEquals("5.000", page.text(i, Column.MAXIMUM));
        assertEquals("3.550", page.text(i, Column.VALUE));
        assertEquals("3.550", page.text(i, Column.DEVICE));
        assertEquals("", page.text(i, Column.STATE));
        assertEquals("", page.text(page.indexOf("balanceMode"), Column.MINIMUM), "a choice has no range to show");
        page.setLanguage("zh");
        assertEquals("单体高压告警", page.text(i, Column.NAME));
        assertEquals("Cell high voltage alarm recovery", page.text(page.indexOf("cellHighRecovery"), Column.NAME),
                "without a Chinese label the English one is shown");
    }

    @Test
    void enteringMarksChangedAndInvalidRowsWithTheirMessage() {
        ParameterPage page = new ParameterPage();
        ParameterSheet sheet = sheet();
        page.show(sheet, true);
        page.enter(page.indexOf("cellHigh"), "3,6");
        assertEquals(RowState.CHANGED, sheet.row("cellHigh").state());
        assertEquals("CHANGED", page.text(page.indexOf("cellHigh"), Column.STATE));
        assertEquals(1, sheet.changes().size());
        assertEquals("3.550 V", sheet.changes().get(0).oldValue());
        assertEquals("3.600 V", sheet.changes().get(0).newValue());

        page.enter(page.indexOf("cellHighRecovery"), "3.7");
        assertEquals(RowState.INVALID, sheet.row("cellHighRecovery").state());
        assertFalse(sheet.row("cellHighRecovery").message().isEmpty());
        assertFalse(page.problems().isEmpty());

        page.enter(page.indexOf("enableCfet"), Boolean.FALSE);
        assertFalse(page.switchedOn(page.indexOf("enableCfet")));
        page.enter(page.indexOf("balanceMode"), "Charging static balance");
        assertEquals(2, sheet.row("balanceMode").enteredValue());
        assertEquals(List.of("enableCfet", "balanceMode"),
                page.rowsIn(RowState.CHANGED).stream().map(r -> r.key()).toList());
        assertEquals(List.of("cellHigh", "cellHighRecovery"),
                page.rowsIn(RowState.INVALID).stream().map(r -> r.key()).toList(), "both rows of a broken relation");
    }

    @Test
    void aReadOnlyPageEditsNothing() {
        ParameterPage page = new ParameterPage();
        ParameterSheet sheet = sheet();
        page.show(sheet, false);
        int i = page.indexOf("cellHigh");
        assertEquals(Editor.NONE, page.editor(i));
        page.enter(i, "3.7");
        assertEquals(3.55, sheet.row("cellHigh").enteredValue(), 1e-9);
    }

    @Test
    void theNativePageShowsItsShortCircuitCurrent() {
        ParameterSheet sheet = ParameterSheet.of(new NativeModbusProtocol());
        ParameterPage page = new ParameterPage();
        page.show(sheet, true);
        assertTrue(page.indexOf(ParameterSheet.SCP_VOLTAGE) > 0);
        sheet.enter(ParameterSheet.SHUNT_RATING, "300");
        sheet.enter(ParameterSheet.SCP_VOLTAGE, "100 mV");
        assertEquals(100, page.scpMillivolts().getAsDouble(), 1e-9);
        assertEquals(400, page.scpAmps().getAsDouble(), 1e-6);
        assertTrue(page.lines().stream().anyMatch(l -> l.isHeader() && l.section().equals("protection")));
    }
}
