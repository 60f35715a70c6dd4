package org.bmsworkbench.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor model, files and comparison, without a bus. */
class ParameterSheetTest {

    private final BmsProtocol protocol = new NativeModbusProtocol();
    private ParameterSheet sheet;
    private ParameterSet device;

    @BeforeEach
    void setUp() {
        device = ParameterSet.of(protocol.parameterDefinitions());
        Map<String, Double> defaults = new java.util.LinkedHashMap<>();
        for (ParameterDefinition d : protocol.parameterDefinitions()) {
            defaults.put(d.key(), d.isChoice() ? 1.0 : Math.max(d.minimum(), Math.min(d.maximum(), 10)));
        }
        // a page that keeps every relation
        defaults.putAll(Map.of("cellHighVoltageAlarm", 3.55, "cellHighVoltageAlarmRecovery", 3.45,
                "cellOverVoltageProtection", 3.65, "cellOverVoltageProtectionRecovery", 3.4, "cellLowVoltageAlarm", 2.9,
                "cellLowVoltageAlarmRecovery", 3.1, "cellUnderVoltageProtection", 2.7, "cellUnderVoltageProtectionRecovery", 3.0,
                "scpVoltage", 3.0, "shuntRating", 300.0));
        ParameterSheet probe = ParameterSheet.of(protocol);
        probe.enterAll(defaults);
        for (SheetProblem p : probe.check()) {
            // move the lower row of each broken relation down until the page is consistent
            String key = p.keys().get(0);
            defaults.put(key, defaults.get(key) - 1);
        }
        for (Map.Entry<String, Double> e : defaults.entrySet()) {
            device = device.withReadValue(e.getKey(), e.getValue());
        }
        sheet = ParameterSheet.of(protocol);
        sheet.loadDevice(device);
    }

    @Test
    void everyRowHasASectionAndAChineseLabel() {
        for (ParameterRow r : sheet.rows()) {
            assertTrue(ParameterDefinition.SECTIONS.contains(r.section()), r.key() + " " + r.section());
            assertFalse(r.definition().labelZh().isEmpty(), r.key());
        }
        assertEquals(ParameterDefinition.SECTIONS, sheet.sections());
        assertEquals("\u5355\u4f53\u9ad8\u538b\u544a\u8b66", sheet.row("cellHighVoltageAlarm").definition().label("zh"));
        assertEquals(8, sheet.rows("function").size());
        assertEquals(List.of("Disable balancing", "Charging balance", "Charging static balance",
                "Charging static discharge balance"), sheet.row("balanceMode").definition().choices());
        assertEquals(6, sheet.row("rs485Protocol").definition().choices().size());
        assertEquals(10, sheet.row("canProtocol").definition().choices().size());
    }

    @Test
    void entriesTakeCommasChoiceNamesAndIndexes() {
        assertEquals(RowState.UNCHANGED, sheet.row("socLowAlarm").state(), sheet.row("socLowAlarm").message());
        assertEquals(RowState.CHANGED, sheet.enter("cellHighVoltageAlarm", "3,56"));
        assertEquals(3.56, sheet.row("cellHighVoltageAlarm").enteredValue(), 1e-9);
        assertEquals(RowState.CHANGED, sheet.enter("balanceMode", "charging static balance"));
        assertEquals(2.0, sheet.row("balanceMode").enteredValue());
        assertEquals(RowState.CHANGED, sheet.enter("balanceMode", "3"));
        assertEquals(RowState.INVALID, sheet.enter("balanceMode", "sometimes"));
        assertTrue(sheet.row("balanceMode").message().startsWith("Balance mode: 'sometimes' is not one of"));
        assertEquals(RowState.INVALID, sheet.enter("socLowAlarm", "abc"));
        assertEquals("SOC low alarm: 'abc' is not a number", sheet.row("socLowAlarm").message());
        assertEquals(RowState.INVALID, sheet.enter("socLowAlarm", "101"));
        assertEquals("SOC low alarm: 101 % is outside 0 .. 100 %", sheet.row("socLowAlarm").message());
        assertEquals(RowState.INVALID, sheet.enter("cellHighVoltageAlarm", "3.5555"));
        assertTrue(sheet.row("cellHighVoltageAlarm").message().endsWith("is not a multiple of 0.001 V"));
        assertThrows(IllegalStateException.class, sheet::toWrite);
        sheet.revert();
        assertTrue(sheet.check().isEmpty(), sheet.check().toString());
        assertTrue(sheet.changes().isEmpty());
    }

    @Test
    void inChineseTheProblemsAndChangesNameTheRowsInChinese() {
        sheet.setLanguage("zh");
        assertEquals(RowState.INVALID, sheet.enter("socLowAlarm", "abc"));
        assertTrue(sheet.row("socLowAlarm").message().endsWith("\u201cabc\u201d\u4e0d\u662f\u6570\u5b57"),
                sheet.row("socLowAlarm").message());
        sheet.revert();
        sheet.enter("cellHighVoltageAlarmRecovery", "3.9");
        SheetProblem p = sheet.check().get(0);
        String zhAlarm = sheet.row("cellHighVoltageAlarm").definition().label("zh");
        assertTrue(p.message().contains(zhAlarm) && p.message().contains("\u5fc5\u987b\u4f4e\u4e8e"), p.message());
        sheet.revert();
        sheet.enter("cellHighVoltageAlarm", "3.56");
        assertTrue(sheet.changes().get(0).text().startsWith(zhAlarm), sheet.changes().get(0).text());
        sheet.setLanguage("en");
        assertTrue(sheet.changes().get(0).text().startsWith("Cell high voltage alarm"));
    }

    @Test
    void theShortCircuitCurrentIsTheScpVoltageOverTheSamplingResistance() {
        assertEquals(100.0, sheet.scpMillivolts().getAsDouble(), 1e-9);
        assertEquals(400.0, sheet.shortCircuitCurrent().getAsDouble(), 1e-9);
        sheet.enter("scpVoltage", "25 mV");
        assertEquals(100.0, sheet.shortCircuitCurrent().getAsDouble(), 1e-9);
        assertEquals(400.0, ParameterSheet.shortCircuitCurrent(100, 300), 1e-9);
    }

    @Test
    void filesRoundTripAndImportOnlyFillsEnteredValues() throws Exception {
        sheet.enter("cellHighVoltageAlarm", "3.57");
        ParameterFile file = ParameterFiles.export(sheet, protocol.id(), new PackIdentity("LFP16", "BC-0001", 16, 4),
                Instant.parse("2026-07-01T08:00:00Z"));
        StringWriter text = new StringWriter();
        ParameterFiles.write(file, text);
        assertTrue(text.toString().contains("\"formatVersion\": 1"), text.toString());
        ParameterFile back = ParameterFiles.read(new StringReader(text.toString()));
        assertEquals(file, back);

        ParameterSheet other = ParameterSheet.of(protocol);
        other.loadDevice(device);
        ImportReport report = ParameterFiles.importInto(other, back, protocol.id(), 16);
        assertTrue(report.applied());
        assertEquals(List.of("rs485Address: left as it is; a pack keeps its own bus address, it is never taken from"
                + " a file"), report.problems().stream().map(p -> p.replace("param.", "")).toList());
        assertEquals(other.row(addressKey(other)).deviceValue(), other.row(addressKey(other)).enteredValue(),
                "another pack's address is never entered");
        assertTrue(ParameterSheet.shareable(back.values().stream().collect(java.util.stream.Collectors.toMap(
                ParameterFile.Entry::key, ParameterFile.Entry::value))).keySet().stream()
                .noneMatch(ParameterSheet::ownToThePack));
        assertEquals(3.57, other.row("cellHighVoltageAlarm").enteredValue(), 1e-9);
        assertEquals(3.55, other.row("cellHighVoltageAlarm").deviceValue(), 1e-9, "import fills entered values only");
        assertEquals(List.of("cellHighVoltageAlarm"), Comparison.differences(Comparison.compare(other, device))
                .stream().map(Comparison.Line::key).toList());
        assertTrue(Comparison.differences(Comparison.compare(other, back)).isEmpty());
    }

    @Test
    void aMalformedOrForeignFileChangesNothing() throws Exception {
        ParameterSet before = sheet.enteredValues();
        ParameterFileException bad = assertThrows(ParameterFileException.class,
                () -> ParameterFiles.read(new StringReader("{\"format\": \"bmsworkbench-parameters\",\n \"formatVersion\": 1,\n \"parameters\": [ {\"key\": ")));
        assertTrue(bad.getMessage().contains("line"), bad.getMessage());
        assertThrows(ParameterFileException.class, () -> ParameterFiles.read(new StringReader("[1, 2]")));
        assertThrows(ParameterFileException.class, () -> ParameterFiles.read(new StringReader(
                "{\"format\": \"bmsworkbench-parameters\", \"formatVersion\": 9, \"protocol\": \"x\", \"parameters\": []}")));

        ParameterFile foreign = new ParameterFile(1, "pylontech", "", PackIdentity.UNKNOWN, Instant.EPOCH,
                List.of(new ParameterFile.Entry("cellHighVoltageLimit", "V", 3.5, "")));
        ImportReport report = ParameterFiles.importInto(sheet, foreign, protocol.id(), 16);
        assertFalse(report.applied());
        assertEquals(List.of("protocol: the file is for pylontech, this pack speaks modbus-native"), report.problems());

        ParameterFile cells = new ParameterFile(1, protocol.id(), "", new PackIdentity("", "", 15, 4), Instant.EPOCH,
                List.of(new ParameterFile.Entry("socLowAlarm", "%", 20, "")));
        assertFalse(ParameterFiles.importInto(sheet, cells, protocol.id(), 16).applied());
        assertEquals(before, sheet.enteredValues());

        ParameterFile mixed = new ParameterFile(1, protocol.id(), "", PackIdentity.UNKNOWN, Instant.EPOCH,
                List.of(new ParameterFile.Entry("socLowAlarm", "%", 20, ""), new ParameterFile.Entry("noSuchRow", "", 1, ""),
                        new ParameterFile.Entry("socLowProtection", "%", 200, ""),
                        new ParameterFile.Entry("cellHighVoltageAlarm", "mV", 3550, "")));
        ImportReport partly = ParameterFiles.importInto(sheet, mixed, protocol.id(), 16);
        assertEquals(1, partly.entered());
        assertEquals(3, partly.problems().size(), partly.problems().toString());
        assertTrue(partly.problems().get(0).startsWith("noSuchRow:"));
        assertTrue(partly.problems().get(1).startsWith("socLowProtection:"));
        assertTrue(partly.problems().get(2).startsWith("cellHighVoltageAlarm: the file gives mV"));
        assertEquals(20.0, sheet.row("socLowAlarm").enteredValue());
    }

    private static String addressKey(ParameterSheet sheet) {
        return sheet.rows().stream().map(ParameterRow::key).filter(ParameterSheet::ownToThePack).findFirst()
                .orElseThrow();
    }
}
