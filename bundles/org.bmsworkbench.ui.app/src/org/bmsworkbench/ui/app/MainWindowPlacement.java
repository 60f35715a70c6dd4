package org.bmsworkbench.ui.app;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Monitor;

/**
 * Sizes the main window in the model before it is rendered, so that it never opens larger than the screen: the
 * fixed 1440 x 900 of {@code Application.e4xmi} ran off a 1366 x 768 laptop and hid the status line and the bottom
 * views. See {@link WindowBounds} for the rules.
 */
final class MainWindowPlacement {

    private MainWindowPlacement() {
    }

    /** Places the main window of {@code app} on the monitor it is on (the primary one at a first start). */
    static void apply(MApplication app, Display display) {
        if (display == null) {
            return;
        }
        for (MWindow window : app.getChildren()) {
            if (AppIds.WINDOW_MAIN.equals(window.getElementId())) {
                place(window, display);
            }
        }
    }

    private static void place(MWindow window, Display display) {
        boolean placed = Boolean.parseBoolean(window.getPersistedState().get(AppIds.STATE_WINDOW_PLACED));
        WindowBounds saved = window.getWidth() > 0 && window.getHeight() > 0
                ? new WindowBounds(window.getX(), window.getY(), window.getWidth(), window.getHeight()) : null;
        WindowBounds area = clientArea(display, placed ? saved : null);
        WindowBounds target = placed && saved != null ? saved.fittedTo(area) : WindowBounds.initial(area);
        window.setX(target.x());
        window.setY(target.y());
        window.setWidth(target.width());
        window.setHeight(target.height());
        window.getPersistedState().put(AppIds.STATE_WINDOW_PLACED, Boolean.TRUE.toString());
    }

    /** The client area of the monitor under the middle of {@code window}, or of the primary monitor. */
    private static WindowBounds clientArea(Display display, WindowBounds window) {
        Monitor chosen = display.getPrimaryMonitor();
        if (window != null) {
            int cx = window.x() + window.width() / 2;
            int cy = window.y() + window.height() / 2;
            for (Monitor m : display.getMonitors()) {
                Rectangle b = m.getBounds();
                if (new WindowBounds(b.x, b.y, Math.max(1, b.width), Math.max(1, b.height)).contains(cx, cy)) {
                    chosen = m;
                }
            }
        }
        Rectangle a = chosen.getClientArea();
        return new WindowBounds(a.x, a.y, Math.max(1, a.width), Math.max(1, a.height));
    }
}
