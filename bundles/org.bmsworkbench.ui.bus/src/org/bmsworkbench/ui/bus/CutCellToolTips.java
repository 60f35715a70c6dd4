package org.bmsworkbench.ui.bus;

import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Gives a table cell whose text does not fit its column a tooltip with the whole text, and every column header its
 * title (a narrow column cuts it). The text is measured only when the pointer moves onto another cell.
 */
final class CutCellToolTips {

    /** The cell's left and right padding plus GTK's ellipsis margin, in pixels. */
    static final int PADDING = 12;

    private CutCellToolTips() {
    }

    static void install(Table table) {
        Listener listener = e -> {
            String tip = toolTipAt(table, new Point(e.x, e.y));
            if (!Objects.equals(tip, table.getToolTipText())) {
                table.setToolTipText(tip);
            }
        };
        table.addListener(SWT.MouseMove, listener);
        table.addListener(SWT.MouseHover, listener);
        table.addListener(SWT.MouseExit, e -> table.setToolTipText(null));
    }

    /** Column titles as their own tooltips, after the titles changed. */
    static void titleTips(Table table) {
        for (TableColumn c : table.getColumns()) {
            c.setToolTipText(c.getText());
        }
    }

    /** The whole text of the cell at {@code p} when the cell cuts it, otherwise null. */
    static String toolTipAt(Table table, Point p) {
        TableItem item = table.getItem(p);
        if (item == null) {
            return null;
        }
        for (int c = 0; c < Math.max(1, table.getColumnCount()); c++) {
            Rectangle r = item.getBounds(c);
            if (r.contains(p)) {
                return cutText(table, item.getText(c), r.width);
            }
        }
        return null;
    }

    /** {@code text} when it is wider than {@code width} pixels of a cell of {@code table}, otherwise null. */
    static String cutText(Table table, String text, int width) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        GC gc = new GC(table);
        try {
            return isCut(gc.textExtent(text).x, width) ? text : null;
        } finally {
            gc.dispose();
        }
    }

    static boolean isCut(int textWidth, int cellWidth) {
        return textWidth + PADDING > cellWidth;
    }
}
