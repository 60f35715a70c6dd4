package org.bmsworkbench.ui.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

import org.bmsworkbench.config.CalibrationKind;
import org.bmsworkbench.config.firmware.FirmwareImage;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.control.WriteService;
import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.ui.security.WritePrompts;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.bmsworkbench.ui.config.model.PageWrite;
import org.bmsworkbench.ui.testsupport.ScriptedPrompts;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.wizard.WizardDialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The System Configuration part, the calibration wizard, the hibernation confirmation and the firmware dialog, made
 * with the real services against a simulated bus: reads, entries refused before any question, guarded writes with
 * their outcomes, the wizard's live checks and calibration, the firmware checks and an upgrade, and Chinese labels.
 */
class SystemConfigPartTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private PartHarness harness;
    private final ScriptedPrompts answers = new ScriptedPrompts();
    private String busId;


    @BeforeEach
    void setUp() {
        harness = new PartHarness();
        harness.context.set(WritePrompts.class, answers);
        answers.gate = harness.service(AccessGate.class);
        answers.set(true, true);
        harness.service(PackSelection.class).setLocked(false);
        ConnectionService connection = harness.service(ConnectionService.class);
        busId = connection.open(BusSettings.parse("sim:2,cells=16,temps=4,baud=0,interval=100,profile=rest"));
    }

    @AfterEach
    void tearDown() {
        harness.setLocale(Locale.ENGLISH);
        harness.service(AccessGate.class).lock();
        harness.service(ConnectionService.class).close(busId);
        harness.close();
    }

    private SystemConfigPart open() {
        SystemConfigPart part = harness.make(SystemConfigPart.class);
        harness.service(PackSelection.class).select(busId, 1);
        SystemConfigView view = part.view();
        assertTrue(harness.spinUntil(() -> view.messageText().equals("Read pack 1."), WAIT), view.messageText());
        return part;
    }

    @Test
    void readsThePackAndRefusesBadEntriesBeforeAnyQuestion() {
        SystemConfigPart part = open();
        SystemConfigView view = part.view();
        assertTrue(view.headerText().startsWith("System configuration of pack 1 on " + busId), view.headerText());
        assertTrue(view.headerText().endsWith("online"), view.headerText());
        assertTrue(view.deviceClockText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), view.deviceClockText());
        assertTrue(view.driftText().contains("the PC"), view.driftText());
        double full = Double.parseDouble(view.entry("full").getText());
        assertTrue(full > 90 && full <= 100, "the typical pack holds up to 100 Ah: " + full);
        assertFalse(view.recordCounts().contains("-"), view.recordCounts());
        assertNotNull(part.info());
        assertTrue(harness.spinUntil(view::writesEnabled, WAIT), "the native protocol has every write of the page");
        assertTrue(view.entry("full").getEditable() && view.entry("serialNumber").getEditable()
                && view.entry("interval").getEditable());

        answers.asked.set(0);
        view.entry("residual").setText("150");
        part.setCapacity("", view.entry("full").getText(), "150", view.entry("cycles").getText());
        assertTrue(view.messageText().contains("cannot be above the full capacity"), view.messageText());
        view.entry("full").setText("12,5x");
        part.setCapacity("", "12,5x", "", "");
        assertTrue(view.messageText().contains("is not a number"), view.messageText());
        view.entry("remarks").setText("x".repeat(31));
        assertEquals("31/30", view.counterText("remarks"));
        part.writeTexts(Map.of("remarks", "x".repeat(31)));
        assertTrue(view.messageText().contains("31 characters, at most 30"), view.messageText());
        part.writeTexts(Map.of("model", "Akku \u00fc"));
        assertTrue(view.messageText().contains("not printable ASCII"), view.messageText());
        assertEquals(0, answers.asked.get(), "nothing asked, nothing sent");
    }

    @Test
    void writesCyclesTextsAndTheClockOfEveryPackThroughTheGuard() {
        SystemConfigPart part = open();
        SystemConfigView view = part.view();
        part.setCapacity("", "", "", "777");
        assertTrue(answers.question.contains("777"), answers.question);
        assertTrue(harness.spinUntil(() -> part.info() != null && part.info().capacity().cycles() == 777
                && view.messageText().startsWith("Read pack 1"), WAIT), view.messageText());
        assertEquals("777", view.entry("cycles").getText());

        part.setCapacity("105,5", "", "", "");
        assertTrue(answers.question.contains("Design capacity: 100.000 \u2192 105.500"), answers.question);
        assertTrue(harness.spinUntil(() -> part.info() != null && part.info().designAh() != null
                && Math.abs(part.info().designAh() - 105.5) < 1e-6, WAIT), view.messageText());
        part.setCapacity("99999", "", "", "");
        assertTrue(view.messageText().contains("Design capacity must lie within 1..2000"), view.messageText());

        part.writeTexts(Map.of("serialNumber", "SN-0042"));
        assertTrue(harness.spinUntil(() -> part.info() != null && "SN-0042".equals(part.info().identity()
                .get("serialNumber")), WAIT), view.messageText());

        view.useSystemTime(true);
        part.setClock(view.pickedTime(), true);
        assertTrue(harness.spinUntil(() -> view.clockResultsText().contains("Pack 2:"), WAIT), view.clockResultsText());
        assertTrue(view.clockResultsText().contains("Pack 1: Done"), view.clockResultsText());
        assertTrue(view.clockResultsText().contains("Pack 2: Done"), view.clockResultsText());
    }

    @Test
    void anotherPackNeverShowsTheValuesOfThePackBeforeIt() {
        ConnectionService connection = harness.service(ConnectionService.class);
        // JBD UP series: only the board at the port's end of the line serves its identity
        String up = connection.open(BusSettings.parse(
                "sim:2,protocol=" + org.bmsworkbench.protocol.jbdup.JbdUpProtocol.ID
                        + ",cells=16,temps=4,baud=0,interval=100,profile=rest"));
        try {
            SystemConfigPart part = harness.make(SystemConfigPart.class);
            SystemConfigView view = part.view();
            harness.service(PackSelection.class).select(up, 1);
            assertTrue(harness.spinUntil(() -> part.info() != null && !part.busy(), WAIT), view.messageText());
            String first = view.entry("serialNumber").getText();
            assertFalse(first.isEmpty(), "pack 1 serves its serial number");

            harness.service(PackSelection.class).select(up, 2);
            assertTrue(harness.spinUntil(() -> view.headerText().startsWith("System configuration of pack 2"), WAIT),
                    view.headerText());
            assertEquals("", view.entry("serialNumber").getText(), "while pack 2 is read, nothing of pack 1 shows");
            assertTrue(harness.spinUntil(() -> part.info() != null && !part.busy(), WAIT), view.messageText());
            assertTrue(view.messageText().startsWith("Read pack 2; not available: the pack did not answer its identity"
                    + " (pack 2 answered none of: read product information 2810..283C"), view.messageText());
            assertTrue(view.headerText().contains("(Simulated bus)"), view.headerText());
            harness.setLocale(Locale.CHINESE);
            assertTrue(view.messageText().startsWith("\u5df2\u8bfb\u53d6\u7535\u6c60\u5305 2\uff1b\u4e0d\u53ef\u7528\uff1a"
                    + "\u7535\u6c60\u5305\u672a\u5e94\u7b54\u5176\u8eab\u4efd\u4fe1\u606f"), view.messageText());
            assertTrue(harness.spinUntil(() -> view.headerText().contains("(\u6a21\u62df\u603b\u7ebf)"), WAIT),
                    view.headerText());
            harness.setLocale(Locale.ENGLISH);
            assertEquals("", view.entry("serialNumber").getText(), "pack 1's serial number must not stand for pack 2's");
            assertEquals("", view.entry("full").getText());
            assertFalse(harness.spinUntil(view::writesEnabled, java.time.Duration.ofSeconds(2)),
                    "a read-only protocol has no write to offer");
        } finally {
            connection.close(up);
        }
    }

    @Test
    void aProtocolWithAClockAndNoDeviceSetupOffersOnlyTheClock() {
        ConnectionService connection = harness.service(ConnectionService.class);
        String seplos = connection.open(BusSettings.parse(
                "sim:1,protocol=seplos-v2,cells=16,temps=4,baud=0,interval=100,profile=rest"));
        try {
            SystemConfigPart part = harness.make(SystemConfigPart.class);
            SystemConfigView view = part.view();
            harness.service(PackSelection.class).select(seplos, 1);
            assertTrue(harness.spinUntil(() -> view.headerText().startsWith("System configuration of pack 1 on " + seplos)
                    && view.messageText().startsWith("Read pack 1") && view.writeEnabled(PageWrite.CLOCK), WAIT),
                    view.headerText() + " / " + view.messageText());
            for (PageWrite w : PageWrite.values()) {
                if (w != PageWrite.CLOCK) {
                    assertFalse(view.writeEnabled(w), w + " has no frames in Seplos V2");
                    assertEquals("this bus's protocol has no frames for this write: nothing is sent", view.writeTip(w));
                }
            }
            assertEquals(null, view.writeTip(PageWrite.CLOCK), "the clock's own button keeps no refusal");
            assertFalse(view.entry("full").getEditable(), "nothing to type where nothing can be written");
            assertFalse(view.entry("serialNumber").getEditable());

            view.useSystemTime(true);
            part.setClock(view.pickedTime(), false);
            assertTrue(harness.spinUntil(() -> view.clockResultsText().contains("Pack 1: Done"), WAIT),
                    view.clockResultsText() + " / " + view.messageText());

            harness.setLocale(Locale.CHINESE);
            String zh = "\u6b64\u603b\u7ebf\u7684\u534f\u8bae\u6ca1\u6709\u8fd9\u9879\u5199\u5165\u7684\u62a5\u6587"
                    + "\uff1a\u4e0d\u4f1a\u53d1\u9001\u4efb\u4f55\u5185\u5bb9";
            assertTrue(harness.spinUntil(() -> zh.equals(view.writeTip(PageWrite.CAPACITY)), WAIT),
                    view.writeTip(PageWrite.CAPACITY));
            harness.setLocale(Locale.ENGLISH);
        } finally {
            connection.close(seplos);
        }
    }

    @Test
    void thePcTimeIsTakenWhenThePackIsSetNotWhenTheButtonWasPressed() {
        SystemConfigPart part = open();
        SystemConfigView view = part.view();
        part.setClock(LocalDateTime.now().withNano(0).minusHours(1), false);
        assertTrue(harness.spinUntil(() -> !part.busy() && part.info() != null && part.info().drift() != null
                && part.info().drift().toMinutes() <= -59, WAIT), view.messageText());

        view.useSystemTime(true);
        // a person reads the confirmation for a while before pressing Write
        answers.whileConfirming = () -> {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        part.setClock(view.pickedTime(), false);
        assertTrue(answers.question.contains("to the PC's time (now "), answers.question);
        assertTrue(harness.spinUntil(() -> !part.busy() && part.info() != null && part.info().drift() != null
                && Math.abs(part.info().drift().toMinutes()) < 1, WAIT), view.messageText());
        java.time.Duration drift = part.info().drift();
        assertTrue(Math.abs(drift.toMillis()) <= 2000,
                "the pack must get the PC's time as it is sent, not the time of the click 4 s before: " + drift);
    }

    @Test
    void aCancelledConfirmationSendsNothing() {
        SystemConfigPart part = open();
        answers.confirm = false;
        int before = part.info().capacity().cycles();
        part.setCapacity("", "", "", Integer.toString(before + 1));
        assertEquals("Cancelled: nothing was sent.", part.view().messageText());
        assertEquals(2, answers.asked.get(), "the password and the confirmation were asked");
        assertFalse(part.busy(), "nothing was submitted");
    }

    @Test
    void speaksChinese() {
        SystemConfigPart part = open();
        harness.setLocale(Locale.CHINESE);
        assertTrue(harness.spinUntil(() -> part.view().headerText().contains("\u7cfb\u7edf\u914d\u7f6e"), WAIT),
                part.view().headerText());
        // what the pack read back is worded in Chinese too ("the clock reads ..."), not only the frame around it
        part.view().useSystemTime(true);
        part.setClock(part.view().pickedTime(), false);
        assertTrue(harness.spinUntil(() -> part.view().clockResultsText().contains("\u65f6\u949f\u8bfb\u6570\u4e3a 20"),
                WAIT), part.view().clockResultsText());
        assertFalse(part.view().clockResultsText().contains("the clock reads"), part.view().clockResultsText());
    }

    private PackTarget target() {
        return new PackTarget(busId, 1, busId, harness.service(WriteService.class),
                harness.service(ConnectionService.class), harness.service(LiveData.class), answers,
                harness.context.get(UISynchronize.class));
    }

    @Test
    void theWizardChecksTheCurrentLiveAndCalibratesTheZero() {
        open();
        CalibrationWizard wizard = new CalibrationWizard(target(), englishMessages());
        WizardDialog dialog = new WizardDialog(harness.shell, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            wizard.choosePage().choose(CalibrationKind.VOLTAGE, 0);
            dialog.showPage(wizard.referencePage());
            wizard.referencePage().type("999");
            assertTrue(wizard.referencePage().problemLine().contains("5 %"), wizard.referencePage().problemLine());
            assertFalse(wizard.referencePage().calibrateEnabled());

            wizard.choosePage().choose(CalibrationKind.CURRENT_ZERO, 0);
            dialog.showPage(wizard.preparePage());
            assertTrue(harness.spinUntil(() -> wizard.preparePage().isPageComplete(), WAIT),
                    wizard.preparePage().checksText());
            assertTrue(wizard.preparePage().checksText().contains("\u2714"), wizard.preparePage().checksText());
            dialog.showPage(wizard.referencePage());
            wizard.referencePage().calibrate();
            assertTrue(harness.spinUntil(() -> wizard.outcome() != null, WAIT), wizard.referencePage().problemLine());
            assertTrue(harness.spinUntil(() -> dialog.getCurrentPage() == wizard.resultPage(), WAIT));
            assertTrue(wizard.resultPage().text().contains("\u2192"), wizard.resultPage().text());
            assertTrue(wizard.resultPage().text().contains("residual"), wizard.resultPage().text());
            assertTrue(wizard.canFinish());
        } finally {
            dialog.close();
        }
    }

    private static Messages englishMessages() {
        Messages m = new Messages();
        java.util.Properties p = new java.util.Properties();
        try (var in = SystemConfigPartTest.class.getResourceAsStream("/OSGI-INF/l10n/bundle.properties")) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        for (java.lang.reflect.Field f : Messages.class.getFields()) {
            if (f.getType() == String.class && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                try {
                    f.set(m, p.getProperty(f.getName()));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return m;
    }

    @Test
    void hibernationAsksForThePackNumber() {
        open();
        HibernateDialog d = new HibernateDialog(harness.shell, englishMessages(), 1, busId);
        d.setBlockOnOpen(false);
        d.open();
        try {
            assertFalse(d.type("2"));
            assertFalse(d.type(""));
            assertTrue(d.type("1"));
        } finally {
            d.close();
        }
    }

    @Test
    void theFirmwareDialogRefusesACorruptImageAndUpgradesWithAGoodOne() throws Exception {
        open();
        byte[] payload = new byte[4000];
        new java.util.Random(3).nextBytes(payload);
        byte[] good = FirmwareImage.build("NB176S33-R3", "NB176-1.09.0", payload);
        byte[] corrupt = good.clone();
        corrupt[500] ^= 1;
        Path goodFile = Files.write(dir.resolve("good.bin"), good);
        Path badFile = Files.write(dir.resolve("bad.bin"), corrupt);
        FirmwareDialog d = new FirmwareDialog(harness.shell, target(), englishMessages());
        d.setBlockOnOpen(false);
        d.open();
        try {
            assertTrue(harness.spinUntil(d::identityRead, WAIT));
            d.load(badFile);
            assertTrue(d.checkText().contains("corrupt"), d.checkText());
            assertFalse(d.canStart());
            d.load(goodFile);
            assertTrue(d.canStart(), d.checkText());
            d.pressStart();
            assertTrue(harness.spinUntil(() -> d.outcome() != null, Duration.ofSeconds(60)), d.progressText());
            assertTrue(d.progressText().contains("Done"), d.progressText());
            assertTrue(d.progressText().contains("NB176-1.09.0"), d.progressText());
        } finally {
            d.close();
        }
    }
}
