package org.bmsworkbench.ui.common;

import java.util.Locale;
import java.util.Objects;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.IMessageFactoryService;
import org.eclipse.e4.core.services.translation.ResourceBundleProvider;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The life of a part (or tool control) that hosts one widget and shows data it reads from a service:
 * <ul>
 * <li>its strings: the bundle's {@code Messages} class for the application's locale, given to the widget
 * again when Tools &gt; Language switches the locale;</li>
 * <li>creation: {@link #createView} builds the widget, then {@link #refresh} runs once at once, so the part
 * shows what the service already holds;</li>
 * <li>refreshes: event handlers, declared in the subclass with {@code @EventTopic} (EventAdmin's thread),
 * call {@link #requestRefresh()} and nothing more. A {@link FrameThrottle} then runs {@link #refresh} on the
 * display thread, at most once per interval, not at all while the part is hidden, and once when it is shown
 * again;</li>
 * <li>disposal: the widget is disposed, and later requests do nothing.</li>
 * </ul>
 * A subclass gets its services through its {@code @Inject} constructor and declares its handlers:
 *
 * <pre>
 * &#64;Inject
 * &#64;Optional
 * public void onChanged(&#64;EventTopic(BmsTopics.OVERVIEW_CHANGED) OverviewChanged changed) {
 *     requestRefresh();
 * }
 * </pre>
 *
 * @param <V> the widget the part hosts
 * @param <M> the bundle's {@code Messages} class (public fields, {@code OSGI-INF/l10n/bundle*.properties})
 */
public abstract class AbstractPart<V extends Control, M> {

    private final Class<M> messagesType;
    private final int refreshMillis;
    private final int tickMillis;
    private M messages;
    private V view;
    private volatile FrameThrottle throttle;

    /** A part refreshed at most once per frame, and only when asked. */
    protected AbstractPart(Class<M> messagesType) {
        this(messagesType, FrameThrottle.FRAME_MILLIS, 0);
    }

    /**
     * @param messagesType  the bundle's {@code Messages} class
     * @param refreshMillis the shortest time between two refreshes, at least {@link FrameThrottle#FRAME_MILLIS}
     *                      (longer for a costly view whose values nobody reads faster)
     * @param tickMillis    if positive, a refresh is also requested this often, for text that depends on the
     *                      clock (ages, staleness); 0 for none
     */
    protected AbstractPart(Class<M> messagesType, int refreshMillis, int tickMillis) {
        if (refreshMillis < FrameThrottle.FRAME_MILLIS) {
            throw new IllegalArgumentException("a refresh interval below one frame gains nothing: " + refreshMillis);
        }
        if (tickMillis < 0) {
            throw new IllegalArgumentException("tick interval must be 0 (none) or positive: " + tickMillis);
        }
        this.messagesType = Objects.requireNonNull(messagesType, "messagesType");
        this.refreshMillis = refreshMillis;
        this.tickMillis = tickMillis;
    }

    /**
     * Injected before the part is created and again whenever the application's locale changes; does what
     * {@code @Translation} does for a field of a concrete type, which a type parameter cannot be.
     */
    @Inject
    public final void translate(@Optional @Named(TranslationService.LOCALE) Locale locale,
            IMessageFactoryService factory, ResourceBundleProvider bundles) {
        messages = factory.getMessageInstance(locale == null ? Locale.getDefault() : locale, messagesType, bundles);
        V v = view;
        if (v == null || v.isDisposed()) {
            return;
        }
        M current = messages;
        if (v.getDisplay().getThread() == Thread.currentThread()) {
            relabel(v, current);
        } else {
            v.getDisplay().asyncExec(() -> {
                if (!v.isDisposed()) {
                    relabel(v, current);
                }
            });
        }
        requestRefresh();
    }

    @PostConstruct
    public final void create(Composite parent) {
        V v = createView(parent, messages);
        view = v;
        FrameThrottle t = new FrameThrottle(v, () -> refresh(v), refreshMillis);
        if (tickMillis > 0) {
            t.repeatEvery(tickMillis);
        }
        // Published before the first refresh: an event that arrives while it reads is not lost.
        throttle = t;
        refresh(v);
    }

    /**
     * Asks for a {@link #refresh}; call it from an event handler, on any thread. Many calls within one
     * interval make one refresh; before the part is created and after it is disposed it does nothing.
     */
    protected final void requestRefresh() {
        FrameThrottle t = throttle;
        if (t != null) {
            t.request();
        }
    }

    @Focus
    public void focus() {
        if (view != null && !view.isDisposed()) {
            view.setFocus();
        }
    }

    @PreDestroy
    public final void dispose() {
        throttle = null;
        if (view != null && !view.isDisposed()) {
            view.dispose();
        }
    }

    /** The widget, {@code null} before the part is created. */
    public final V view() {
        return view;
    }

    /** The strings for the current locale. */
    protected final M messages() {
        return messages;
    }

    /** Builds the widget with the current strings; called once, on the display thread. */
    protected abstract V createView(Composite parent, M messages);

    /**
     * Reads the current data from the part's services and shows it: on the display thread, once at creation,
     * then at most once per refresh interval while the part is visible. Skip the work when nothing changed.
     */
    protected abstract void refresh(V view);

    /** Gives the widget the strings of a new locale (display thread); a refresh follows. */
    protected abstract void relabel(V view, M messages);
}
