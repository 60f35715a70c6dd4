package org.bmsworkbench.ui.monitor;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * One line of text that changes with every refresh (an age, a current), painted instead of set on a Label: on GTK a
 * label's new text queues a new size for every widget up to the shell, and the window then repaints far more than
 * the line (the parallel grid beside it, entirely). Its preferred size follows the text, but a new text asks for a
 * new layout only when it no longer fits.
 */
final class PaintedText extends Canvas {

    private final boolean right;
    private String text = "";

    /** @param align {@code SWT.LEFT} or {@code SWT.RIGHT} */
    PaintedText(Composite parent, int align) {
        super(parent, SWT.NONE);
        this.right = align == SWT.RIGHT;
        addListener(SWT.Paint, this::paint);
    }

    String getText() {
        return text;
    }

    void setText(String newText) {
        String t = newText == null ? "" : newText;
        if (t.equals(text)) {
            return;
        }
        text = t;
        Point size = getSize();
        Point wanted = computeSize(SWT.DEFAULT, SWT.DEFAULT, true);
        if (wanted.x > size.x || wanted.y > size.y) {
            requestLayout();
        }
        redraw();
    }

    @Override
    public void setForeground(org.eclipse.swt.graphics.Color color) {
        if (color == null ? getForeground().equals(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND))
                : color.equals(getForeground())) {
            return;
        }
        super.setForeground(color);
        redraw();
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        GC gc = new GC(this);
        try {
            Point p = gc.textExtent(text.isEmpty() ? " " : text);
            return new Point(wHint == SWT.DEFAULT ? p.x + 2 : wHint, hHint == SWT.DEFAULT ? p.y : hHint);
        } finally {
            gc.dispose();
        }
    }

    private void paint(Event e) {
        if (text.isEmpty()) {
            return;
        }
        GC gc = e.gc;
        gc.setForeground(getForeground());
        int x = right ? getClientArea().width - gc.textExtent(text).x - 1 : 0;
        gc.drawString(text, x, 0, true);
    }
}
