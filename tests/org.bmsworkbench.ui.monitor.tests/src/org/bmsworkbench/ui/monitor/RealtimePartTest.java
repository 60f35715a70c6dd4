package org.bmsworkbench.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.core.security.AccessGate;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.ui.security.WritePrompts;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.bmsworkbench.ui.testsupport.ScriptedPrompts;
import org.eclipse.swt.SWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The real-time part made by e4 injection against the real services: what it shows of a 176-cell pack,
 * staleness, the language switch, and the control test's interlocks, password gate and confirmation.
 */
class RealtimePartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private PartHarness harness;
    private BundleContext context;

    private <T> T service(Class<T> type) {
        return context.getService(context.getServiceReference(type));
    }

    @BeforeEach
    void setUp() {
        harness = new PartHarness();
        harness.context.set(WritePrompts.class, answers);
        context = FrameworkUtil.getBundle(RealtimePartTest.class).getBundleContext();
        PackSelection selection = service(PackSelection.class);
        selection.setLocked(false);
    }

    @AfterEach
    void tearDown() {
        harness.setLocale(Locale.ENGLISH);
        harness.close();
    }


    private final ScriptedPrompts answers = new ScriptedPrompts();

    private RealtimePart showPack(String busId, double amps) throws Exception {
        Instant now = Instant.now();
        harness.postFromBusThread(BmsTopics.BUS_STATE, Packs.busOpen(busId, now));
        harness.postFromBusThread(BmsTopics.PACK_STATE, Packs.online(busId, 1, now));
        harness.postFromBusThread(BmsTopics.PACK_SNAPSHOT, Packs.data(busId, Packs.pack(1, 176, 33, amps, now)));
        RealtimePart part = harness.make(RealtimePart.class);
        service(PackSelection.class).select(busId, 1);
        assertTrue(harness.spinUntil(() -> part.view().headerText().contains(busId + " (")
                && part.view().headerText().contains("Online")
                && part.view().batteryText(Quantity.CURRENT).equals(String.format(Locale.ROOT, "%.3f A", amps)), WAIT),
                part.view().headerText());
        return part;
    }

    @Test
    void atALaptopSizeTheHeaderAndControlTestStayAndTheLampsWrapUncut() throws Exception {
        RealtimePart part = showPack("bus-laptop", -20);
        RealtimeView view = part.view();
        for (Locale locale : new Locale[] { Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE }) {
            harness.setLocale(locale);
            // the Real-time part of the default layout in a 1366 x 768 window
            harness.shell.setSize(950, 440);
            harness.shell.layout(true, true);
            harness.spinFor(java.time.Duration.ofMillis(200));
            assertFalse(view.scrolls(view.header()), "the header does not scroll away");
            assertFalse(view.scrolls(view.testButton(ControlAction.DFET_OFF)), "the control test does not scroll away");
            assertFalse(view.scrolls(view.testResultLabel()));
            for (ControlAction a : ControlAction.values()) {
                if (view.testButton(a) != null) {
                    org.eclipse.swt.graphics.Rectangle b = view.testButton(a).getBounds();
                    org.eclipse.swt.graphics.Point inView = view.toControl(
                            view.testButton(a).getParent().toDisplay(b.x + b.width, b.y + b.height));
                    assertTrue(inView.x <= view.getSize().x && inView.y <= view.getSize().y,
                            a + " is inside the part at " + inView + ", part " + view.getSize());
                }
            }
            assertTrue(view.lampColumns() >= 3, locale + ": lamps wrap into the width there is: " + view.lampColumns());
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(view);
            Messages m = view.messages();
            for (org.bmsworkbench.model.PackFlag f : org.bmsworkbench.model.PackFlag.values()) {
                assertTrue(gc.textExtent(m.flag(f)).x < view.lampColumnWidth() - 16, m.flag(f) + " is cut");
            }
            gc.dispose();
            org.eclipse.swt.graphics.Point content = view.scrolledArea().getContent().getSize();
            assertTrue(content.x <= view.scrolledArea().getClientArea().width + 1 || content.x >= 880,
                    "no horizontal scrolling beyond the cells: " + content);
            assertTrue(content.y >= view.cellCanvas().getBounds().height, "every cell can be scrolled to");
        }
        harness.shell.setSize(1300, 700);
        harness.shell.layout(true, true);
        harness.spinFor(java.time.Duration.ofMillis(200));
        assertTrue(view.lampColumns() >= 4, "wider, more lamp columns: " + view.lampColumns());
    }

    @Test
    void showsAWholePackWithTheHighestAndLowestCellMarked() throws Exception {
        RealtimePart part = showPack("bus-show", -12.5);
        RealtimeView view = part.view();
        assertTrue(view.headerText().startsWith("Pack No. 01"), view.headerText());
        assertEquals("580.800 V", view.batteryText(Quantity.VOLTAGE));
        assertEquals("61.5 %", view.batteryText(Quantity.SOC));
        assertEquals("28", view.batteryText(Quantity.CYCLES));
        assertEquals(11, view.maxCell());
        assertEquals(87, view.minCell());
        assertEquals("Max V12 3350 mV   ·   Min V88 3250 mV   ·   Spread 100 mV   ·   Balancing 1", view.cellSummaryText());
        // all 176 cells get room: 8 columns of 22
        assertTrue(view.cellCanvas().getSize().x > 0);
    }

    @Test
    void valuesThatAreNoLongerCurrentAreMarked() throws Exception {
        RealtimePart part = showPack("bus-stale", 0);
        Instant old = Instant.now().minusSeconds(30);
        harness.postFromBusThread(BmsTopics.PACK_STATE, EventProperties.of(
                new PackStatus("bus-stale", 1, PackLinkState.OFFLINE, old, Instant.now())));
        assertTrue(harness.spinUntil(() -> part.view().headerText().contains("OFFLINE"), WAIT),
                part.view().headerText());
        assertTrue(part.view().headerText().contains("not current"), part.view().headerText());
    }

    @Test
    void theLanguageSwitchRelabelsWithoutRestart() throws Exception {
        RealtimePart part = showPack("bus-lang", 0);
        harness.setLocale(Locale.CHINESE);
        assertTrue(harness.spinUntil(() -> part.view().headerText().startsWith("\u7535\u6c60\u5305 01"), WAIT),
                part.view().headerText());
        assertTrue(part.view().cellSummaryText().startsWith("\u6700\u9ad8 V12"), part.view().cellSummaryText());
        harness.setLocale(Locale.ENGLISH);
        assertTrue(harness.spinUntil(() -> part.view().headerText().startsWith("Pack No. 01"), WAIT));
    }

    @Test
    void onABusWhoseProtocolHasNoControlTheButtonsAreGreyedOutAndSayWhy() throws Exception {
        ConnectionService connection = service(ConnectionService.class);
        String jbd = connection.open(BusSettings.parse(
                "sim:1,protocol=jbd,cells=16,temps=4,baud=0,interval=100,profile=rest"));
        try {
            RealtimePart part = harness.make(RealtimePart.class);
            service(PackSelection.class).select(jbd, 1);
            assertTrue(harness.spinUntil(() -> part.view().headerText().contains(jbd + " (")
                    && part.view().headerText().contains("Online"), WAIT), part.view().headerText());
            for (ControlAction a : List.of(ControlAction.CFET_ON, ControlAction.CFET_OFF, ControlAction.DFET_ON,
                    ControlAction.DFET_OFF)) {
                assertFalse(part.view().testButton(a).getEnabled(), a + " on a read-only protocol");
            }
            assertEquals("this bus's protocol has no frames for this write: nothing is sent",
                    part.view().testGroupTip());
            // a pack of another bus, whose protocol is not known to lack the control, has its buttons back
            RealtimePart native1 = showPack("bus-native-buttons", 0);
            assertTrue(harness.spinUntil(() -> native1.view().testButton(ControlAction.CFET_OFF).getEnabled(), WAIT));
        } finally {
            connection.close(jbd);
        }
    }

    @Test
    void onAReplayTheButtonsAreGreyedOutAndSayWhy() throws Exception {
        RealtimePart part = showPack(org.bmsworkbench.events.BusStatus.REPLAY_ID_PREFIX + "buttons", 0);
        assertTrue(harness.spinUntil(() -> !part.view().testButton(ControlAction.DFET_OFF).getEnabled(), WAIT));
        assertEquals("this bus replays a recording: nothing can be sent to it", part.view().testGroupTip());
        harness.setLocale(Locale.CHINESE);
        assertTrue(harness.spinUntil(() -> "\u6b64\u603b\u7ebf\u6b63\u5728\u56de\u653e\u8bb0\u5f55\uff1a\u65e0\u6cd5\u5411\u5176\u53d1\u9001\u4efb\u4f55\u5185\u5bb9"
                .equals(part.view().testGroupTip()), WAIT), part.view().testGroupTip());
    }

    @Test
    void theChargeFetCannotBeSwitchedOffWhileThePackDischarges() throws Exception {
        RealtimePart part = showPack("bus-interlock", -20);
        answers.set(true, true);
        part.view().testButton(ControlAction.CFET_OFF).notifyListeners(SWT.Selection, null);
        assertEquals("The charge FET cannot be switched off while the pack discharges (-20.0 A).",
                part.view().testResult());
        assertEquals(0, answers.asked.get(), "refused before the password or the confirmation was asked");
    }

    @Test
    void theDischargeFetCannotBeSwitchedOffWhileThePackCharges() throws Exception {
        RealtimePart part = showPack("bus-interlock2", 30);
        answers.set(true, true);
        part.view().testButton(ControlAction.DFET_OFF).notifyListeners(SWT.Selection, null);
        assertEquals("The discharge FET cannot be switched off while the pack charges (30.0 A).",
                part.view().testResult());
        assertEquals(0, answers.asked.get());
        // the result is about pack 1 of this bus: when another pack is selected it goes
        Instant now = Instant.now();
        harness.postFromBusThread(BmsTopics.PACK_STATE, Packs.online("bus-interlock2", 2, now));
        harness.postFromBusThread(BmsTopics.PACK_SNAPSHOT, Packs.data("bus-interlock2", Packs.pack(2, 16, 4, 0, now)));
        service(PackSelection.class).select("bus-interlock2", 2);
        assertTrue(harness.spinUntil(() -> part.view().testResult().isEmpty(), WAIT), part.view().testResult());
    }

    @Test
    void aLockedGateSendsNothing() throws Exception {
        RealtimePart part = showPack("bus-locked", 0);
        answers.set(false, true);
        part.view().testButton(ControlAction.CFET_OFF).notifyListeners(SWT.Selection, null);
        assertEquals(1, answers.asked.get(), "only the password was asked");
        assertTrue(part.view().testResult().startsWith("Locked"), part.view().testResult());
    }

    @Test
    void aConfirmedCommandGoesToThePackAndIsReadBackAndAudited() throws Exception {
        ConnectionService connection = service(ConnectionService.class);
        String busId = connection.open(BusSettings.parse("sim:1,cells=16,temps=4,baud=0,interval=100,profile=rest"));
        try {
            PackSelection selection = service(PackSelection.class);
            AccessGate gate = service(AccessGate.class);
            assertTrue(gate.unlock("AF123456".toCharArray()), "the factory password unlocks a fresh workspace");
            RealtimePart part = harness.make(RealtimePart.class);
            selection.select(busId, 1);
            assertTrue(harness.spinUntil(() -> part.view().headerText().contains(busId + " (Simulated bus)")
                    && part.view().headerText().contains("Online"), WAIT), part.view().headerText());
            // the simulated pack rests: the discharge FET may be opened
            answers.set(true, false);
            part.view().testButton(ControlAction.DFET_OFF).notifyListeners(SWT.Selection, null);
            assertEquals(2, answers.asked.get());
            assertEquals("", part.view().testResult(), "nothing sent without the confirmation");
            assertTrue(answers.question.contains(" A (resting), CFET on, DFET on\nInterlock: clear"), answers.question);

            answers.set(true, true);
            part.view().testButton(ControlAction.DFET_OFF).notifyListeners(SWT.Selection, null);
            assertTrue(harness.spinUntil(() -> part.view().testResult().startsWith("Close DFET: done"), WAIT),
                    part.view().testResult());
            assertEquals("Close DFET: done, DFET is now off.", part.view().testResult());
            Path audit = Path.of(new java.net.URI(context.getProperty("osgi.instance.area"))).resolve(".metadata")
                    .resolve("audit.log");
            List<String> lines = Files.readAllLines(audit);
            assertTrue(lines.stream().anyMatch(l -> l.contains(busId) && l.contains("\tDFET_OFF\ton\toff\tCANCELLED\t")),
                    lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains(busId) && l.contains("\tDFET_OFF\ton\toff\tCONFIRMED\t")),
                    lines.toString());
            part.view().testButton(ControlAction.DFET_ON).notifyListeners(SWT.Selection, null);
            assertTrue(harness.spinUntil(() -> part.view().testResult().startsWith("Open DFET: done"), WAIT),
                    part.view().testResult());
            assertFalse(part.view().testResult().contains("failed"));
        } finally {
            service(AccessGate.class).lock();
            connection.close(busId);
        }
    }

    @Test
    void aChargeThatStartsWhileTheConfirmationIsOpenIsSeenBeforeDfetOffIsSent() throws Exception {
        KeptSimLink link = new KeptSimLink();
        org.osgi.framework.ServiceRegistration<org.bmsworkbench.connection.LinkProvider> registration = context
                .registerService(org.bmsworkbench.connection.LinkProvider.class, link, null);
        ConnectionService connection = service(ConnectionService.class);
        String busId = connection.open(BusSettings.parse(KeptSimLink.SCHEME + ":1,cells=16,temps=4,baud=0,interval=100,profile=rest"));
        try {
            AccessGate gate = service(AccessGate.class);
            assertTrue(gate.unlock("AF123456".toCharArray()));
            RealtimePart part = harness.make(RealtimePart.class);
            service(PackSelection.class).select(busId, 1);
            assertTrue(harness.spinUntil(() -> part.view().headerText().contains("Online"), WAIT),
                    part.view().headerText());
            org.bmsworkbench.sim.SimPack pack = link.simBus().pack(1);
            answers.set(true, true);
            answers.whileConfirming = () -> {
                // a charger starts while the person reads "resting": the bus sees it before the command goes out
                pack.setProfile(org.bmsworkbench.sim.CurrentProfile.constant(50));
                assertTrue(harness.spinUntil(() -> pack.trueCurrent() > 40, WAIT), "the charge started");
            };
            part.view().testButton(ControlAction.DFET_OFF).notifyListeners(SWT.Selection, null);
            assertTrue(harness.spinUntil(() -> part.view().testResult().contains("refused"), WAIT),
                    part.view().testResult());
            assertTrue(part.view().testResult().startsWith(
                    "Close DFET: refused: The discharge FET cannot be switched off while the pack charges (5"),
                    part.view().testResult());
            assertTrue(pack.controlState(ControlAction.DFET_ON), "the discharge FET stayed closed");
        } finally {
            answers.whileConfirming = () -> { };
            service(AccessGate.class).lock();
            connection.close(busId);
            registration.unregister();
        }
    }

    @Test
    void theControlCommandsAreEnabledOnlyWhileTheWriteServiceWouldLetThemGo() throws Exception {
        showPack("bus-command", -20);
        ControlHandler handler = new ControlHandler();
        org.bmsworkbench.control.WriteService writes = service(org.bmsworkbench.control.WriteService.class);
        PackSelection selection = service(PackSelection.class);
        assertFalse(handler.canExecute("CFET_OFF", selection, writes), "no CFET off while discharging");
        assertTrue(handler.canExecute("DFET_OFF", selection, writes));
        assertTrue(handler.canExecute("CFET_ON", selection, writes));
        assertFalse(handler.canExecute("REBOOT", selection, writes), "not a control-test action");
        assertFalse(handler.canExecute(null, selection, writes));
        harness.postFromBusThread(BmsTopics.PACK_STATE, EventProperties.of(new PackStatus("bus-command", 1,
                PackLinkState.STALE, Instant.now().minusSeconds(20), Instant.now())));
        assertTrue(harness.spinUntil(() -> !handler.canExecute("DFET_OFF", selection, writes), WAIT),
                "nothing is enabled on values that are not current");
    }
}
