package org.bmsworkbench.ui.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.bmsworkbench.ui.security.WritePrompts;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.ui.parameters.model.ParameterPage.Column;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.bmsworkbench.ui.testsupport.ScriptedPrompts;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Parameter Information part made by e4 injection against the real services and a simulated bus: rows by
 * section after Read, an edit marked changed, an invalid value marked with its message and Write refused before
 * any question, the confirmation listing the change, the guarded write and its read-back, a read-only protocol,
 * files, and the Chinese labels.
 */
class ParametersPartTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private PartHarness harness;
    private final ScriptedPrompts answers = new ScriptedPrompts();


    @BeforeEach
    void setUp() {
        harness = new PartHarness();
        harness.context.set(WritePrompts.class, answers);
        harness.service(PackSelection.class).setLocked(false);
    }

    @AfterEach
    void tearDown() {
        harness.setLocale(Locale.ENGLISH);
        harness.service(AccessGate.class).lock();
        harness.close();
    }

    private ParametersPart readPack(String spec) {
        ConnectionService connection = harness.service(ConnectionService.class);
        String busId = connection.open(BusSettings.parse(spec));
        ParametersPart part = harness.make(ParametersPart.class);
        harness.service(PackSelection.class).select(busId, 1);
        ParametersView view = part.view();
        assertTrue(harness.spinUntil(() -> view.headerText().contains("Pack No. 1") && view.headerText().contains(busId)
                && view.headerText().endsWith("online"), WAIT), view.headerText());
        assertTrue(view.noticeText().contains("Not read yet"), view.noticeText());
        part.read();
        assertTrue(harness.spinUntil(() -> view.messageText().startsWith("Read "), WAIT), view.messageText());
        return part;
    }

    @Test
    void readEditCheckConfirmWriteAndReadBack() throws Exception {
        ParametersPart part = readPack("sim:2,cells=16,temps=4,baud=0,interval=100,profile=rest");
        String busId = harness.service(PackSelection.class).current().orElseThrow().busId();
        ParametersView view = part.view();
        try {
            // rows grouped by section, device values shown, the Value column the one to edit
            assertEquals("General", String.valueOf(view.table().getDataValueByPosition(0, 1)));
            String device = view.cellText("dormancyDelay", Column.DEVICE);
            assertFalse(device.isEmpty());
            assertEquals(device, view.cellText("dormancyDelay", Column.VALUE));
            assertEquals("min", view.cellText("dormancyDelay", Column.UNIT));
            assertEquals("1", view.cellText("dormancyDelay", Column.MINIMUM));
            assertEquals("1440", view.cellText("dormancyDelay", Column.MAXIMUM));
            assertTrue(view.isEditable("dormancyDelay"));
            assertTrue(view.isEditable("enableBuzzer"));
            assertTrue(view.scpText().startsWith("Short-circuit protection: "), view.scpText());
            assertTrue(view.scpText().endsWith(" A"), view.scpText());

            // an edit is marked changed and listed
            int next = Integer.parseInt(device) == 1440 ? 1439 : Integer.parseInt(device) + 1;
            assertTrue(view.edit("dormancyDelay", Integer.toString(next)));
            assertEquals("changed", view.cellText("dormancyDelay", Column.STATE));
            assertTrue(view.messageText().contains("Dormancy delay: " + device + " min \u2192 " + next + " min"),
                    view.messageText());

            // an invalid value: marked with its message, Write refused before any question
            assertTrue(view.edit("cellHighVoltageAlarmRecovery", "4.999"));
            assertEquals("invalid", view.cellText("cellHighVoltageAlarmRecovery", Column.STATE));
            assertTrue(view.messageIsProblem());
            assertTrue(view.messageText().contains("must be below"), view.messageText());
            answers.set(true, true);
            part.write();
            assertEquals(0, answers.asked.get(), "nothing asked while a row is invalid");
            assertTrue(view.messageText().contains("Write is refused"), view.messageText());
            assertTrue(view.edit("cellHighVoltageAlarmRecovery",
                    view.cellText("cellHighVoltageAlarmRecovery", Column.DEVICE)));
            assertEquals("", view.cellText("cellHighVoltageAlarmRecovery", Column.STATE));

            // a switch as a check box
            boolean buzzer = Boolean.parseBoolean(view.cellText("enableBuzzer", Column.VALUE));
            assertTrue(view.edit("enableBuzzer", !buzzer));
            assertEquals("changed", view.cellText("enableBuzzer", Column.STATE));

            // the confirmation lists every change; cancelled, nothing is sent
            answers.set(true, false);
            part.write();
            assertEquals(2, answers.asked.get());
            assertTrue(answers.question.contains("Dormancy delay: " + device + " min \u2192 " + next + " min"),
                    answers.question);
            assertTrue(answers.question.contains("Enable Buzzer: " + (buzzer ? "on \u2192 off" : "off \u2192 on")),
                    answers.question);
            assertEquals("Cancelled; nothing was sent.", view.messageText());
            assertEquals(device, view.cellText("dormancyDelay", Column.DEVICE));

            // confirmed: written through the guarded path and read back
            assertTrue(harness.service(AccessGate.class).unlock("AF123456".toCharArray()));
            answers.set(true, true);
            part.write();
            assertTrue(harness.spinUntil(() -> view.messageText().startsWith("Written"), WAIT), view.messageText());
            assertEquals("Written and read back: every value as sent.", view.messageText());
            assertEquals(Integer.toString(next), view.cellText("dormancyDelay", Column.DEVICE));
            assertEquals("", view.cellText("dormancyDelay", Column.STATE));

            // export and import: the file fills the Value column only
            Path file = Files.createTempFile("params", ".json");
            part.exportTo(file);
            assertTrue(view.messageText().startsWith("Saved "), view.messageText());
            assertTrue(view.edit("dormancyDelay", "7"));
            part.importFrom(file);
            assertTrue(view.messageText().startsWith("Imported "), view.messageText());
            assertEquals(Integer.toString(next), view.cellText("dormancyDelay", Column.VALUE));
            Path xlsx = Files.createTempFile("params", ".xlsx");
            part.reportTo(xlsx);
            assertTrue(Files.size(xlsx) > 1000);

            // Chinese labels with the workbench language
            harness.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertTrue(harness.spinUntil(() -> "\u4f11\u7720\u5ef6\u65f6".equals(view.cellText("dormancyDelay",
                    Column.NAME)), WAIT), view.cellText("dormancyDelay", Column.NAME));
            assertTrue(harness.spinUntil(() -> view.messageText().startsWith("\u5df2\u4fdd\u5b58"), WAIT),
                    "the last message again in Chinese: " + view.messageText());
        } finally {
            harness.service(ConnectionService.class).close(busId);
        }
    }

    @Test
    void restoreDefaultParametersRestoresTheFactorySetInsteadOfSendingTheTable() throws Exception {
        ParametersPart part = readPack("sim:1,cells=16,temps=4,baud=0,interval=100,profile=rest");
        String busId = harness.service(PackSelection.class).current().orElseThrow().busId();
        ParametersView view = part.view();
        try {
            assertTrue(view.restoreEnabled(), view.restoreTooltip());
            assertTrue(view.edit("dormancyDelay", "77"));
            view.restoreCheck().setSelection(true);
            view.restoreCheck().notifyListeners(SWT.Selection, new Event());
            assertFalse(view.isEditable("dormancyDelay"), "the table is not sent, so it is not edited");
            assertTrue(harness.service(AccessGate.class).unlock("AF123456".toCharArray()));
            answers.set(true, true);
            part.write();
            assertTrue(answers.question.startsWith("Restore the factory parameters of pack 1"), answers.question);
            assertTrue(harness.spinUntil(() -> view.messageText().startsWith("Default parameters restored"), WAIT),
                    view.messageText());
            assertFalse(view.restoreCheck().getSelection(), "a restore is one action, not a mode");
            assertTrue(harness.spinUntil(() -> view.isEditable("dormancyDelay"), WAIT));
            assertFalse("77".equals(view.cellText("dormancyDelay", Column.DEVICE)), "the table was not sent");
        } finally {
            harness.service(ConnectionService.class).close(busId);
        }
    }

    @Test
    void withoutAPackItSaysSoAndAPackOfAClosedBusIsOffline() {
        PackSelection selection = harness.service(PackSelection.class);
        boolean noneYet = selection.current().isEmpty();
        ParametersPart part = harness.make(ParametersPart.class);
        ParametersView view = part.view();
        if (noneYet) {
            assertTrue(view.headerText().startsWith("No pack selected"), view.headerText());
            assertFalse(view.writeEnabled());
            assertFalse(view.readEnabled());
        }
        ConnectionService connection = harness.service(ConnectionService.class);
        String busId = connection.open(BusSettings.parse("sim:2,cells=16,temps=4,baud=0,interval=100,profile=rest"));
        try {
            selection.select(busId, 2);
            assertTrue(harness.spinUntil(() -> view.headerText().startsWith("Pack No. 2")
                    && view.headerText().endsWith("online"), WAIT), view.headerText());
            assertTrue(view.readEnabled());
            assertTrue(view.noticeText().contains("Not read yet"), view.noticeText());
        } finally {
            connection.close(busId);
        }
        assertTrue(harness.spinUntil(() -> view.headerText().contains("OFFLINE"), WAIT), view.headerText());
        assertFalse(view.readEnabled(), "nothing to read from a pack that does not answer");
        assertFalse(view.writeEnabled());
    }

    @Test
    void inANarrowPartTheButtonsWrapAboveTheTableInBothLanguages() {
        ParametersPart part = harness.make(ParametersPart.class);
        ParametersView view = part.view();
        for (Locale locale : new Locale[] { Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE }) {
            harness.setLocale(locale);
            harness.shell.setSize(560, 500);
            harness.shell.layout(true, true);
            harness.spinFor(Duration.ofMillis(200));
            org.eclipse.swt.graphics.Rectangle check = view.restoreCheck().getBounds();
            org.eclipse.swt.graphics.Point corner = view.toControl(view.restoreCheck().getParent()
                    .toDisplay(check.x + check.width, check.y + check.height));
            assertTrue(corner.x <= view.getSize().x, locale + ": the last check box is inside the part: " + corner);
            assertTrue(corner.y <= view.table().getBounds().y, locale + ": and above the table: " + corner);
        }
    }

    @Test
    void aProtocolWithoutWriteShowsTheTableReadOnlyAndSaysWhy() {
        ParametersPart part = readPack("sim:1,cells=16,temps=4,baud=0,interval=100,profile=rest,protocol=pylontech");
        String busId = harness.service(PackSelection.class).current().orElseThrow().busId();
        ParametersView view = part.view();
        try {
            assertTrue(view.noticeText().startsWith("Read-only: "), view.noticeText());
            assertFalse(view.writeEnabled());
            String key = part.page().lines().stream().filter(l -> !l.isHeader()).findFirst().orElseThrow().row().key();
            assertFalse(view.isEditable(key));
            assertFalse(view.edit(key, "1"));
        } finally {
            harness.service(ConnectionService.class).close(busId);
        }
    }
}
