package org.bmsworkbench.ui.common;

import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** Adds text columns of one row type to a {@link TableViewer} laid out by weight. */
public final class TextColumns<T> {

    /** Narrowest a column may be squeezed, in pixels. */
    private static final int MIN_WIDTH = 60;

    private final TableViewer viewer;
    private final TableColumnLayout layout;
    private final Class<T> rowType;

    /** Columns for {@code viewer}, whose parent composite must be laid out by {@code layout}. */
    public TextColumns(TableViewer viewer, TableColumnLayout layout, Class<T> rowType) {
        this.viewer = viewer;
        this.layout = layout;
        this.rowType = rowType;
    }

    /** A column showing {@code text} of each row. */
    public TableViewerColumn add(int weight, Function<T, String> text) {
        return add(weight, text, row -> null);
    }

    /** A column showing {@code text} of each row in the row's {@code foreground} colour ({@code null}: default). */
    public TableViewerColumn add(int weight, Function<T, String> text, Function<T, Color> foreground) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, MIN_WIDTH, true));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return rowType.isInstance(element) ? text.apply(rowType.cast(element)) : "";
            }

            @Override
            public Color getForeground(Object element) {
                return rowType.isInstance(element) ? foreground.apply(rowType.cast(element)) : null;
            }
        });
        return column;
    }
}
