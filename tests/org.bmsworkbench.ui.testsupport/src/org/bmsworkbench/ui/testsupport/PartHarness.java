package org.bmsworkbench.ui.testsupport;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Creates real parts in a Shell with e4 dependency injection, backed by the OSGi service registry of the
 * test runtime (real Declarative Services components and the real EventAdmin).
 */
public final class PartHarness implements AutoCloseable {

    public final Display display;
    public final Shell shell;
    public final IEclipseContext context;
    private final BundleContext bundleContext;

    /**
     * One root context for the whole test run: e4 injects its object suppliers (for {@code @UIEventTopic} and
     * {@code @Translation}) once, from the default context, as E4Application does for the workbench.
     */
    private static IEclipseContext root;

    public PartHarness() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1000, 600);
        bundleContext = FrameworkUtil.getBundle(PartHarness.class).getBundleContext();
        context = root(bundleContext, display).createChild("part-harness");
        context.set(Composite.class, shell);
    }

    /** The application-level context; setting {@link TranslationService#LOCALE} here switches the language. */
    public static synchronized IEclipseContext root(BundleContext bundleContext, Display display) {
        if (root == null) {
            root = EclipseContextFactory.getServiceContext(bundleContext).createChild("test-application");
            root.set(TranslationService.LOCALE, Locale.ENGLISH);
            root.set(UISynchronize.class, new UISynchronize() {
                @Override
                public void syncExec(Runnable runnable) {
                    display.syncExec(runnable);
                }

                @Override
                public void asyncExec(Runnable runnable) {
                    display.asyncExec(runnable);
                }

                @Override
                protected boolean isUIThread(Thread thread) {
                    return display.getThread() == thread;
                }

                @Override
                protected void showBusyWhile(Runnable runnable) {
                    runnable.run();
                }

                @Override
                protected boolean dispatchEvents() {
                    return display.readAndDispatch();
                }
            });
            ContextInjectionFactory.setDefault(root);
        }
        return root;
    }

    /** Switches the language of every part made by any harness. */
    public void setLocale(Locale locale) {
        root(bundleContext, display).set(TranslationService.LOCALE, locale);
    }

    public <T> T make(Class<T> partClass) {
        T part = ContextInjectionFactory.make(partClass, context);
        shell.layout(true, true);
        shell.open();
        return part;
    }

    /** A service of the test runtime (a real DS component); the reference is kept for the whole run. */
    public <T> T service(Class<T> type) {
        var ref = bundleContext.getServiceReference(type);
        if (ref == null) {
            throw new IllegalStateException("no " + type.getName() + " service in the test runtime");
        }
        return bundleContext.getService(ref);
    }

    /** Posts an event from a background thread, the way a bus thread does. */
    public void postFromBusThread(String topic, java.util.Map<String, ?> properties) throws InterruptedException {
        Thread t = new Thread(() -> {
            var ref = bundleContext.getServiceReference(EventAdmin.class);
            EventAdmin admin = bundleContext.getService(ref);
            try {
                admin.postEvent(new Event(topic, properties));
            } finally {
                bundleContext.ungetService(ref);
            }
        }, "test-bus-thread");
        t.start();
        t.join();
    }

    /** Runs the event loop until {@code condition} holds or {@code timeout} passes. */
    public boolean spinUntil(BooleanSupplier condition, Duration timeout) {
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

    public void spinFor(Duration duration) {
        spinUntil(() -> false, duration);
    }

    @Override
    public void close() {
        if (!shell.isDisposed()) {
            shell.dispose();
        }
        context.dispose();
    }
}
