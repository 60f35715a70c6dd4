package org.bmsworkbench.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.xml.parsers.DocumentBuilderFactory;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.ui.app.handlers.AboutHandler;
import org.bmsworkbench.ui.app.handlers.ViewsMenu;
import org.bmsworkbench.ui.bus.BusOverviewPart;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Runs inside the real BMS Workbench (Tycho UI harness): the product's Application.e4xmi merged with every
 * bundle's fragment.e4xmi, started from a workspace whose persisted layout is broken.
 */
class WorkbenchHarnessTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String OVERVIEW = "org.bmsworkbench.ui.bus.overview";
    private static final String ACTIVITY = "org.bmsworkbench.ui.bus.activity";

    private BundleContext bundleContext;
    private MApplication app;
    private MTrimmedWindow window;
    private EModelService models;
    private EPartService parts;
    private Display display;

    @BeforeEach
    void setUp() {
        bundleContext = FrameworkUtil.getBundle(WorkbenchHarnessTest.class).getBundleContext();
        var ref = bundleContext.getServiceReference(IWorkbench.class);
        assertNotNull(ref, "the e4 workbench must be running");
        IWorkbench workbench = bundleContext.getService(ref);
        app = workbench.getApplication();
        window = (MTrimmedWindow) app.getChildren().get(0);
        IEclipseContext windowContext = window.getContext();
        models = windowContext.get(EModelService.class);
        parts = windowContext.get(EPartService.class);
        display = Display.getCurrent();
        assertNotNull(display, "UI harness tests run on the display thread");
    }

    @Test
    void theWindowOpensSizedToItsMonitorCappedAndCentered() {
        org.eclipse.swt.graphics.Rectangle area = display.getPrimaryMonitor().getClientArea();
        org.eclipse.swt.graphics.Rectangle bounds = ((Shell) window.getWidget()).getBounds();
        int width = Math.min(WindowBounds.MAX_WIDTH, area.width);
        int height = Math.min(WindowBounds.MAX_HEIGHT, area.height);
        assertEquals(new WindowBounds(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2,
                width, height), new WindowBounds(window.getX(), window.getY(), window.getWidth(), window.getHeight()),
                "the model, for a display of " + area);
        // GTK may make the shell a little smaller than asked (on Xvfb without a window manager), never larger
        assertTrue(bounds.x >= area.x && bounds.y >= area.y && bounds.x + bounds.width <= area.x + area.width
                && bounds.y + bounds.height <= area.y + area.height, "the shell " + bounds + " lies on " + area);
    }

    @Test
    void theWindowHasTheMenusOfTheProduct() {
        assertEquals(AppIds.WINDOW_MAIN, window.getElementId());
        assertEquals("BMS Workbench", window.getLocalizedLabel());
        assertEquals("BMS Workbench", ((Shell) window.getWidget()).getText());
        List<String> menus = new ArrayList<>();
        for (MMenuElement e : window.getMainMenu().getChildren()) {
            menus.add(e.getLocalizedLabel());
        }
        assertEquals(List.of("File", "View", "Connection", "Recording", "Tools", "Help"), menus);
    }

    @Test
    void theConnectionMenuOpensAndClosesBusesAndDoesNotRepeatTheViewMenu() {
        MMenu connection = (MMenu) models.find(AppIds.MENU_CONNECTION, window.getMainMenu());
        List<String> labels = new ArrayList<>();
        for (MMenuElement e : connection.getChildren()) {
            if (e.isToBeRendered() && !(e instanceof org.eclipse.e4.ui.model.application.ui.menu.MMenuSeparator)) {
                labels.add(e.getLocalizedLabel());
            }
            assertFalse(e instanceof MHandledMenuItem h && AppIds.COMMAND_SHOW_VIEW.equals(h.getCommand().getElementId()),
                    e.getElementId() + " repeats the View menu");
        }
        assertEquals(List.of("Open Bus", "Close Bus", "Refresh Ports", "Recent Buses", "Control test"), labels);
        MMenu view = (MMenu) models.find("org.bmsworkbench.menu.view", window.getMainMenu());
        assertEquals("org.bmsworkbench.menu.view.views", view.getChildren().get(0).getElementId(), "the View menu is as it was");
    }

    @Test
    void theBusOverviewIsContributedByItsOwnFragmentAndRendered() {
        MPart part = parts.findPart(OVERVIEW);
        assertNotNull(part, "Bus Overview part from org.bmsworkbench.ui.bus/fragment.e4xmi");
        assertEquals(AppIds.STACK_MAIN, part.getParent().getElementId());
        parts.showPart(part, EPartService.PartState.ACTIVATE);
        assertInstanceOf(BusOverviewPart.class, part.getObject());
        assertInstanceOf(Composite.class, part.getWidget());
        assertTrue(((BusOverviewPart) part.getObject()).view().isVisible());
        assertEquals("bundleclass://org.bmsworkbench.ui.bus/org.bmsworkbench.ui.bus.BusOverviewPart",
                part.getContributionURI());
    }

    @Test
    void aBrokenPersistedLayoutFellBackToTheDefault() throws Exception {
        URL instance = Platform.getInstanceLocation().getURL();
        Path persisted = Path.of(instance.toURI()).resolve(".metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi");
        assertTrue(Files.exists(persisted), "the build seeds a persisted layout: " + persisted);
        assertThrows(Exception.class, () -> parse(persisted), "the seeded layout is deliberately broken");
        assertNotNull(models.findSnippet(app, AppIds.SNIPPET_DEFAULT_LAYOUT), "default layout captured afresh");
        assertNotNull(parts.findPart(OVERVIEW));
        assertNotNull(parts.findPart(ACTIVITY));
    }

    private static void parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    @Test
    void theStatusLineFollowsBusAndPackState() throws InterruptedException {
        MToolControl control = (MToolControl) models.find("org.bmsworkbench.statusline", window);
        StatusLineControl status = (StatusLineControl) control.getObject();
        String bus = "harness-bus";
        Instant now = Instant.now();
        post(BmsTopics.BUS_STATE, new BusStatus(bus, "Simulated bus", "modbus-native", BusState.OPEN, "", now));
        for (int address = 1; address <= 3; address++) {
            post(BmsTopics.PACK_STATE, new PackStatus(bus, address, PackLinkState.ONLINE, now, now));
        }
        post(BmsTopics.PACK_STATE, new PackStatus(bus, 4, PackLinkState.OFFLINE, null, now));
        assertTrue(spinUntil(() -> status.text().contains("Packs online: 3")), status.text());
        assertTrue(status.text().contains("offline: 1"), status.text());
        assertTrue(status.text().startsWith("Buses open: 1 of 1"), status.text());
        assertTrue(spinUntil(() -> status.view().getSize().y > 0 && status.view().isVisible()),
                "the status line must take room in the window: " + status.view().getSize());

        // The workbench's own recorder posts its state every 500 ms; while it runs it may overwrite a posted state
        // before the status line shows it.
        withoutTheRecorder(() -> theStatusLineShowsTheRecordingState(status, bus, now));

        MPart overview = parts.findPart(OVERVIEW);
        parts.showPart(overview, EPartService.PartState.ACTIVATE);
        BusOverviewPart part = (BusOverviewPart) overview.getObject();
        assertTrue(spinUntil(() -> part.view().table().getItemCount() >= 5), "bus row and four pack rows");
        saveScreenshot((Shell) window.getWidget(), "workbench-with-packs.png");
    }

    private void theStatusLineShowsTheRecordingState(StatusLineControl status, String bus, Instant now)
            throws InterruptedException {
        post(BmsTopics.RECORDING_STATE, new RecordingStatus(RecordingStatus.State.RECORDING, "/tmp/s.sqlite",
                now.minusSeconds(3723), 5L << 20, java.util.Map.of(bus + "#1", 10L), 0, 512L << 20, "", now));
        assertTrue(spinUntil(() -> status.text().contains("Recording 01:02:03   5.0 MB")), status.text());
        assertTrue(status.text().contains("Only 512 MB free on the recording disk"), status.text());
        post(BmsTopics.RECORDING_STATE, new RecordingStatus(RecordingStatus.State.FAILED, "/tmp/s.sqlite",
                now.minusSeconds(3723), 5L << 20, java.util.Map.of(), 0, -1,
                "Recording stopped: the disk is full (/tmp/s.sqlite); what was recorded stays readable", now));
        assertTrue(spinUntil(() -> status.text().endsWith("Recording stopped: the disk is full (/tmp/s.sqlite); what was"
                + " recorded stays readable")), status.text());
    }

    private interface Check {
        void run() throws InterruptedException;
    }

    /** Runs a check with the session recorder's DS component disabled, and enables it again afterwards. */
    private void withoutTheRecorder(Check check) throws InterruptedException {
        Bundle record = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.bmsworkbench.record".equals(b.getSymbolicName())).findFirst().orElseThrow();
        var ref = bundleContext.getServiceReference(ServiceComponentRuntime.class);
        assertNotNull(ref, "Declarative Services must be running");
        ServiceComponentRuntime scr = bundleContext.getService(ref);
        ComponentDescriptionDTO recorder = scr.getComponentDescriptionDTO(record,
                "org.bmsworkbench.record.service.RecorderComponent");
        assertNotNull(recorder, "the recorder component");
        try {
            scr.disableComponent(recorder).getValue();
            // its last state, posted as it closes, is delivered before ours
            spinUntil(() -> false, Duration.ofMillis(500));
            check.run();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError("the recorder could not be disabled", e.getCause());
        } finally {
            try {
                scr.enableComponent(recorder).getValue();
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new AssertionError("the recorder could not be enabled again", e.getCause());
            }
            bundleContext.ungetService(ref);
        }
    }

    @Test
    void resetLayoutPutsMovedAndClosedViewsBack() {
        MPart overview = parts.findPart(OVERVIEW);
        MPart activity = parts.findPart(ACTIVITY);
        parts.showPart(activity, EPartService.PartState.VISIBLE);
        MPartStack main = (MPartStack) models.find(AppIds.STACK_MAIN, window);
        models.move(activity, main);
        parts.hidePart(overview);
        assertFalse(overview.isToBeRendered(), "the overview was closed");
        assertSame(main, activity.getParent());

        execute(AppIds.COMMAND_RESET_LAYOUT, Map.of());
        spinUntil(() -> false, Duration.ofMillis(200));

        MPart overviewAfter = parts.findPart(OVERVIEW);
        MPart activityAfter = parts.findPart(ACTIVITY);
        assertEquals(AppIds.STACK_MAIN, overviewAfter.getParent().getElementId());
        assertEquals(AppIds.STACK_BOTTOM, activityAfter.getParent().getElementId());
        assertTrue(overviewAfter.isToBeRendered());
        // the main stack holds several views now: a tab is rendered when it is brought to the front
        parts.activate(overviewAfter);
        assertNotNull(overviewAfter.getWidget(), "the overview is rendered again");
        assertEquals(1, models.findElements(window, OVERVIEW, MPart.class).size(), "no duplicate left behind");
    }

    @Test
    void theViewMenuListsEveryContributedViewAndShowsIt() {
        List<MMenuElement> items = new ArrayList<>();
        new ViewsMenu().aboutToShow(items, app, models);
        List<String> labels = items.stream().map(MMenuElement::getLabel).toList();
        assertTrue(labels.containsAll(List.of("Bus Activity", "Bus Overview")), labels + " from descriptors "
                + app.getDescriptors().stream().map(d -> d.getElementId() + d.getTags()).toList());

        MPart activity = parts.findPart(ACTIVITY);
        parts.hidePart(activity);
        MHandledMenuItem showActivity = (MHandledMenuItem) items.get(labels.indexOf("Bus Activity"));
        execute(AppIds.COMMAND_SHOW_VIEW, Map.of(AppIds.PARAM_PART_ID, showActivity.getParameters().get(0).getValue()));
        MPart shown = parts.findPart(ACTIVITY);
        assertTrue(shown.isToBeRendered() && shown.getWidget() != null, "View menu entry opened the part");
    }

    @Test
    void switchingLanguageRelabelsTheWorkbenchWithoutRestart() throws InterruptedException {
        MToolControl control = (MToolControl) models.find("org.bmsworkbench.statusline", window);
        StatusLineControl status = (StatusLineControl) control.getObject();
        try {
            execute(AppIds.COMMAND_LANGUAGE, Map.of(AppIds.PARAM_LOCALE, "zh"));
            spinUntil(() -> window.getMainMenu().getChildren().get(0).getLocalizedLabel().equals("\u6587\u4ef6"));
            assertEquals("\u6587\u4ef6", window.getMainMenu().getChildren().get(0).getLocalizedLabel());
            String title = ((Shell) window.getWidget()).getText();
            assertTrue(title.startsWith("BMS Workbench \u7535\u6c60"), title + " / " + window.getLocalizedLabel());
            assertTrue(spinUntil(() -> status.text().contains("\u603b\u7ebf") || status.text().contains("\u7535\u6c60")),
                    status.text());
            assertEquals("zh", LanguagePreference.load(), "the choice is remembered for the next start");
            MMenu language = (MMenu) models.find(AppIds.MENU_LANGUAGE, window.getMainMenu());
            assertTrue(((MHandledMenuItem) language.getChildren().get(1)).isSelected());
        } finally {
            execute(AppIds.COMMAND_LANGUAGE, Map.of(AppIds.PARAM_LOCALE, "en"));
        }
        assertTrue(spinUntil(() -> window.getMainMenu().getChildren().get(0).getLocalizedLabel().equals("File")));
        assertEquals("en", LanguagePreference.load());
    }

    @Test
    void aboutShowsVersionAndBuildId() {
        Messages messages = new Messages();
        messages.about_text = "{0}|{1}|{2}|{3}|{4}|{5}|{6}";
        String[] parts = AboutHandler.text(messages).split("\\|");
        assertEquals("0.1.0", parts[0]);
        assertTrue(parts[1].matches("\\d{8}-\\d{4}"), "build id stamped by the build: " + parts[1]);
        assertTrue(Runtime.version().feature() >= 21);
        assertTrue(parts[4].startsWith("gtk"), parts[4]);
    }

    /** Keeps a picture of the window in target/screenshots so a person can look at what the test saw. */
    private void saveScreenshot(Shell shell, String name) {
        spinUntil(() -> false, Duration.ofMillis(300));
        Rectangle area = shell.getBounds();
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, area.x, area.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            loader.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private void execute(String commandId, Map<String, Object> parameters) {
        IEclipseContext ctx = window.getContext();
        ECommandService commands = ctx.get(ECommandService.class);
        EHandlerService handlers = ctx.get(EHandlerService.class);
        ParameterizedCommand command = commands.createCommand(commandId, parameters);
        assertNotNull(command, commandId);
        assertTrue(handlers.canExecute(command), commandId + " must be enabled");
        handlers.executeHandler(command);
    }

    private void post(String topic, Object payload) throws InterruptedException {
        Thread t = new Thread(() -> {
            var ref = bundleContext.getServiceReference(EventAdmin.class);
            bundleContext.getService(ref).postEvent(new Event(topic, EventProperties.of(payload)));
            bundleContext.ungetService(ref);
        });
        t.start();
        t.join();
    }

    private boolean spinUntil(BooleanSupplier condition) {
        return spinUntil(condition, WAIT);
    }

    private boolean spinUntil(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!display.readAndDispatch()) {
                display.timerExec(5, () -> {
                });
                display.sleep();
            }
        }
        return condition.getAsBoolean();
    }
}
