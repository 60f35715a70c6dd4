package org.bmsworkbench.ui.monitor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * The lamps of the five flag groups (system, alarm, protection, detection, control) on one canvas: each group a
 * bold heading and its lamps in as many columns as the width gives, each column as wide as the longest name, so a
 * name is never cut. Its preferred size for a width hint is the height that needs, which lets a layout wrap it.
 */
final class LampPanel extends Canvas {

    private static final int GAP = 6;
    private static final Map<FlagCategory, List<PackFlag>> FLAGS = new EnumMap<>(FlagCategory.class);
    static {
        for (FlagCategory c : FlagCategory.values()) {
            FLAGS.put(c, List.copyOf(PackFlag.of(c)));
        }
    }

    private final Map<FlagCategory, Color> on;
    private final Color off;
    private final Color notCurrent;
    private final Font bold;
    private Messages messages;
    private PackSnapshot pack;
    private PackLinkState state = PackLinkState.OFFLINE;
    /** Width of one lamp with the longest name, and the height of a row; measured when the language changes. */
    private int cellWidth = -1;
    private int rowHeight;
    private int headingHeight;

    LampPanel(Composite parent, Messages messages, Map<FlagCategory, Color> on, Color off, Color notCurrent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.messages = messages;
        this.on = new EnumMap<>(on);
        this.off = off;
        this.notCurrent = notCurrent;
        FontData[] data = getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(getDisplay(), data);
        addListener(SWT.Paint, this::paint);
        addListener(SWT.Resize, e -> redraw());
        addListener(SWT.MouseMove, e -> setToolTipText(toolTipAt(e.y)));
        addListener(SWT.Dispose, e -> bold.dispose());
    }

    void setMessages(Messages messages) {
        this.messages = messages;
        cellWidth = -1;
        redraw();
    }

    void show(PackSnapshot snapshot, PackLinkState newState) {
        pack = snapshot;
        state = newState;
        redraw();
    }

    private void measure() {
        if (cellWidth >= 0) {
            return;
        }
        GC gc = new GC(this);
        try {
            int widest = 0;
            int height = gc.textExtent("X").y;
            for (PackFlag f : PackFlag.values()) {
                Point p = gc.textExtent(messages.flag(f));
                widest = Math.max(widest, p.x);
                height = Math.max(height, p.y);
            }
            rowHeight = height + 4;
            cellWidth = rowHeight + widest + 16;
            gc.setFont(bold);
            headingHeight = gc.textExtent(messages.group_system).y + 2;
        } finally {
            gc.dispose();
        }
    }

    /** Lamp columns for a client width. */
    int columnsFor(int width) {
        measure();
        return Math.max(1, width / cellWidth);
    }

    /** The lamp columns it paints at its present width. */
    int columns() {
        return columnsFor(getClientArea().width);
    }

    /** Width of one lamp column: the lamp and the longest name. */
    int cellWidth() {
        measure();
        return cellWidth;
    }

    private int heightFor(int columns) {
        int h = 0;
        for (FlagCategory c : FlagCategory.values()) {
            int n = FLAGS.get(c).size();
            h += headingHeight + ((n + columns - 1) / columns) * rowHeight + GAP;
        }
        return h;
    }

    /** With no width hint: one column, the narrowest it can be without cutting a name. */
    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        measure();
        int columns = wHint == SWT.DEFAULT ? 1 : columnsFor(wHint);
        int width = wHint == SWT.DEFAULT ? cellWidth : Math.max(wHint, cellWidth);
        int height = hHint == SWT.DEFAULT ? heightFor(columns) : hHint;
        return new Point(width, height);
    }

    private String heading(FlagCategory c) {
        return switch (c) {
            case SYSTEM -> messages.group_system;
            case ALARM -> messages.group_alarm;
            case PROTECTION -> messages.group_protection;
            case DETECTION -> messages.group_detection;
            case CONTROL -> messages.group_control;
        };
    }

    /** "not reported by this protocol" over a group the pack's protocol does not report. */
    private String toolTipAt(int y) {
        if (pack == null) {
            return null;
        }
        int columns = columns();
        int top = 0;
        for (FlagCategory c : FlagCategory.values()) {
            int bottom = top + headingHeight + ((FLAGS.get(c).size() + columns - 1) / columns) * rowHeight + GAP;
            if (y >= top && y < bottom) {
                return pack.reportedFlagCategories().contains(c) ? null : messages.not_reported;
            }
            top = bottom;
        }
        return null;
    }

    private void paint(Event e) {
        measure();
        GC gc = e.gc;
        gc.setAntialias(SWT.ON);
        int columns = columns();
        boolean current = state == PackLinkState.ONLINE;
        Color text = getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND);
        int y = 0;
        Font normal = gc.getFont();
        for (FlagCategory category : FlagCategory.values()) {
            boolean reported = pack != null && pack.reportedFlagCategories().contains(category);
            gc.setFont(bold);
            gc.setForeground(reported || pack == null ? text : notCurrent);
            gc.drawString(heading(category), 0, y, true);
            gc.setFont(normal);
            y += headingHeight;
            List<PackFlag> flags = FLAGS.get(category);
            int rows = (flags.size() + columns - 1) / columns;
            if (y + rows * rowHeight >= e.y && y <= e.y + e.height) {
                for (int i = 0; i < flags.size(); i++) {
                    PackFlag f = flags.get(i);
                    // down the columns, as the manual lists them
                    int x = (i / rows) * cellWidth;
                    int ly = y + (i % rows) * rowHeight;
                    boolean lit = reported && pack.hasFlag(f);
                    gc.setBackground(lit ? (current ? on.get(category) : notCurrent) : off);
                    gc.fillOval(x + 2, ly + 3, rowHeight - 7, rowHeight - 7);
                    gc.setForeground(reported ? text : notCurrent);
                    gc.drawString(messages.flag(f), x + rowHeight, ly + 1, true);
                }
            }
            y += rows * rowHeight + GAP;
        }
    }
}
