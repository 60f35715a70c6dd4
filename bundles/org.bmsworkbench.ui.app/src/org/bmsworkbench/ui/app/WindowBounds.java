package org.bmsworkbench.ui.app;

/**
 * Where the main window goes on a monitor's client area (the screen less panels and docks), without SWT so that it
 * can be tested without a display. A first start opens at most {@link #MAX_WIDTH} x {@link #MAX_HEIGHT}, centered;
 * a window saved on a larger screen is shrunk and moved so that its edges, the status line and the bottom views
 * stay on the screen.
 *
 * @param x      left edge
 * @param y      top edge
 * @param width  width, positive
 * @param height height, positive
 */
public record WindowBounds(int x, int y, int width, int height) {

    /** The size the window is laid out for; larger screens leave the rest free. */
    public static final int MAX_WIDTH = 1440;
    public static final int MAX_HEIGHT = 900;

    public WindowBounds {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a window of " + width + " x " + height);
        }
    }

    /** The window of a first start on {@code area}: as large as it fits, capped, centered. */
    public static WindowBounds initial(WindowBounds area) {
        int width = Math.min(MAX_WIDTH, area.width);
        int height = Math.min(MAX_HEIGHT, area.height);
        return new WindowBounds(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width,
                height);
    }

    /** This window as it is when it lies wholly on {@code area}, otherwise shrunk to it and moved onto it. */
    public WindowBounds fittedTo(WindowBounds area) {
        if (area.contains(this)) {
            return this;
        }
        int w = Math.min(width, area.width);
        int h = Math.min(height, area.height);
        int left = Math.max(area.x, Math.min(x, area.x + area.width - w));
        int top = Math.max(area.y, Math.min(y, area.y + area.height - h));
        return new WindowBounds(left, top, w, h);
    }

    /** Whether {@code other} lies wholly inside these bounds. */
    public boolean contains(WindowBounds other) {
        return other.x >= x && other.y >= y && other.x + other.width <= x + width
                && other.y + other.height <= y + height;
    }

    /** Whether the point lies inside these bounds. */
    public boolean contains(int px, int py) {
        return px >= x && py >= y && px < x + width && py < y + height;
    }
}
