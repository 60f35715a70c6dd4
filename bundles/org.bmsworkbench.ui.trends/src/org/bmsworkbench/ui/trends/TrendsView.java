package org.bmsworkbench.ui.trends;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.bmsworkbench.record.store.TrendValue;
import org.bmsworkbench.ui.trends.model.HeatMap;
import org.bmsworkbench.ui.trends.model.MinMaxDownsampler;
import org.bmsworkbench.ui.trends.model.TimeWindow;
import org.bmsworkbench.ui.trends.model.Trace;
import org.bmsworkbench.ui.trends.model.TrendChoice;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

/**
 * The Trends view: the choice of value, packs and time window, a line chart (SWTChart) with zoom (wheel), pan
 * (drag), a cursor readout and Save as PNG, and under it the cell heat map of the selected pack. It draws what the
 * part hands it; every line is reduced to two points per pixel column before SWTChart sees it.
 */
public final class TrendsView extends Composite {

    /** Line colours, one per pack or sensor in turn. */
    private static final int[] PALETTE = { 0x1f77b4, 0xd62728, 0x2ca02c, 0xff7f0e, 0x9467bd, 0x8c564b, 0xe377c2,
            0x7f7f7f, 0xbcbd22, 0x17becf, 0x393b79, 0xad494a, 0x637939, 0x8c6d31, 0x843c39, 0x7b4173 };

    private Messages messages;
    private final Combo choice;
    private final Combo scope;
    private final Combo window;
    private final Button follow;
    private final Button save;
    private final Label marker;
    private final Label valueLabel;
    private final Label packsLabel;
    private final Label windowLabel;
    private final Chart chart;
    private final Canvas heat;
    private final Label status;
    private final Label readout;
    private final List<Color> colors = new ArrayList<>();
    private final MinMaxDownsampler sampler = new MinMaxDownsampler();
    private List<Trace> shown = List.of();
    private HeatMap heatMap;
    private String heatTitle = "";
    private Image heatImage;
    private long drawnPoints;

    public TrendsView(Composite parent, Messages messages) {
        super(parent, SWT.NONE);
        this.messages = messages;
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.center = true;
        bar.setLayout(row);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        valueLabel = new Label(bar, SWT.NONE);
        choice = new Combo(bar, SWT.READ_ONLY);
        packsLabel = new Label(bar, SWT.NONE);
        scope = new Combo(bar, SWT.READ_ONLY);
        windowLabel = new Label(bar, SWT.NONE);
        window = new Combo(bar, SWT.READ_ONLY);
        follow = new Button(bar, SWT.PUSH);
        save = new Button(bar, SWT.PUSH);
        marker = new Label(bar, SWT.NONE);
        marker.setForeground(new Color(0xb0, 0x3a, 0x9c));
        marker.setData("org.bmsworkbench.test.id", "trends.marker");

        SashForm sash = new SashForm(this, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart = new Chart(sash, SWT.NONE);
        chart.getTitle().setVisible(false);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.getTitle().setVisible(false);
        chart.getAxisSet().getYAxis(0).getTitle().setVisible(true);
        heat = new Canvas(sash, SWT.DOUBLE_BUFFERED);
        heat.addPaintListener(e -> paintHeat(e.gc));
        sash.setWeights(70, 30);
        status = new Label(this, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        readout = new Label(this, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        readout.setData("org.bmsworkbench.test.id", "trends.readout");
        addDisposeListener(e -> {
            colors.forEach(Color::dispose);
            if (heatImage != null) {
                heatImage.dispose();
            }
        });
        setMessages(messages);
    }

    public void setMessages(Messages m) {
        this.messages = m;
        valueLabel.setText(m.trends_value);
        packsLabel.setText(m.trends_packs);
        windowLabel.setText(m.trends_window);
        int c = Math.max(0, choice.getSelectionIndex());
        choice.removeAll();
        for (TrendChoice t : TrendChoice.values()) {
            choice.add(choiceLabel(t));
        }
        choice.select(c);
        int s = Math.max(0, scope.getSelectionIndex());
        scope.setItems(m.scope_selected, m.scope_bus);
        scope.select(s);
        int w = window.getSelectionIndex() < 0 ? 1 : window.getSelectionIndex();
        window.setItems(m.window_1m, m.window_10m, m.window_1h, m.window_6h, m.window_24h, m.window_session);
        window.select(w);
        follow.setText(m.trends_follow);
        follow.setToolTipText(m.trends_follow_tooltip);
        save.setText(m.trends_save);
        SimpleDateFormat f = new SimpleDateFormat(m.trends_time);
        f.setTimeZone(TimeZone.getDefault());
        chart.getAxisSet().getXAxis(0).getTick().setFormat(f);
        getParent().layout(true, true);
    }

    public Messages messages() {
        return messages;
    }

    public Combo choice() {
        return choice;
    }

    public Combo scope() {
        return scope;
    }

    public Combo window() {
        return window;
    }

    public Button follow() {
        return follow;
    }

    public Button save() {
        return save;
    }

    public Chart chart() {
        return chart;
    }

    public Canvas heat() {
        return heat;
    }

    public String choiceLabel(TrendChoice t) {
        return switch (t) {
            case VOLTAGE -> messages.choice_VOLTAGE;
            case CURRENT -> messages.choice_CURRENT;
            case SOC -> messages.choice_SOC;
            case CELL_MIN_MAX -> messages.choice_CELL_MIN_MAX;
            case CELL_SPREAD -> messages.choice_CELL_SPREAD;
            case TEMP_MIN_MAX -> messages.choice_TEMP_MIN_MAX;
            case TEMPERATURES -> messages.choice_TEMPERATURES;
        };
    }

    /** The legend name of a line: {@code #3 voltage}, {@code #3 T5}. */
    public String lineName(Trace t) {
        TrendValue v = t.value();
        String name = switch (v.kind()) {
            case VOLTAGE -> messages.value_VOLTAGE;
            case CURRENT -> messages.value_CURRENT;
            case SOC -> messages.value_SOC;
            case CELL_MIN -> messages.value_CELL_MIN;
            case CELL_MAX -> messages.value_CELL_MAX;
            case CELL_SPREAD -> messages.value_CELL_SPREAD;
            case TEMP_MIN -> messages.value_TEMP_MIN;
            case TEMP_MAX -> messages.value_TEMP_MAX;
            case SENSOR -> Messages.format(messages.value_SENSOR, v.sensor() + 1);
        };
        return "#" + t.address() + " " + name;
    }

    public void setMarker(String text) {
        if (!marker.getText().equals(text)) {
            marker.setText(text);
            marker.getParent().layout(true, true);
        }
    }

    public String marker() {
        return marker.getText();
    }

    public void setStatus(String text) {
        status.setText(text);
    }

    public String statusText() {
        return status.getText();
    }

    public void setReadout(String text) {
        readout.setText(text);
    }

    public String readoutText() {
        return readout.getText();
    }

    /** Points handed to SWTChart at the last {@link #draw}. */
    public long drawnPoints() {
        return drawnPoints;
    }

    /** The plot area's width in pixels: the number of columns each line is reduced to. */
    public int plotWidth() {
        Point size = chart.getPlotArea().getSize();
        return Math.max(100, size.x);
    }

    /** Replaces the lines (after a new selection): one SWTChart series per trace. */
    public void setLines(List<Trace> traces, String unit) {
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
            chart.getSeriesSet().deleteSeries(s.getId());
        }
        colors.forEach(Color::dispose);
        colors.clear();
        int i = 0;
        for (Trace t : traces) {
            ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, "line" + i);
            s.setDescription(lineName(t));
            s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
            s.setLineStyle(LineStyle.SOLID);
            int rgb = PALETTE[i % PALETTE.length];
            Color c = new Color(getDisplay(), rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
            colors.add(c);
            s.setLineColor(c);
            i++;
        }
        chart.getAxisSet().getYAxis(0).getTitle().setText(unit);
        shown = List.copyOf(traces);
    }

    /** Draws every line over the window: each reduced to two points per pixel column, then the axes fitted. */
    public void draw(TimeWindow w) {
        int columns = plotWidth();
        ISeries<?>[] series = chart.getSeriesSet().getSeries();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long points = 0;
        chart.suspendUpdate(true);
        try {
            for (int i = 0; i < shown.size() && i < series.length; i++) {
                sampler.begin(w.from(), w.to(), columns);
                shown.get(i).feed(sampler, w.from(), w.to());
                MinMaxDownsampler.Points p = sampler.finish();
                series[i].setXSeries(p.x());
                series[i].setYSeries(p.y());
                points += p.size();
                for (double y : p.y()) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
            chart.getAxisSet().getXAxis(0).setRange(new Range(w.from(), w.to()));
            if (lo <= hi) {
                double pad = Math.max((hi - lo) * 0.05, Math.max(Math.abs(hi) * 1e-4, 1e-3));
                chart.getAxisSet().getYAxis(0).setRange(new Range(lo - pad, hi + pad));
            }
        } finally {
            chart.suspendUpdate(false);
        }
        drawnPoints = points;
        chart.redraw();
    }

    /** The time under a pixel of the plot area. */
    public long timeAt(int pixelX) {
        return Math.round(chart.getAxisSet().getXAxis(0).getDataCoordinate(pixelX));
    }

    /** Shows the readout for the time under the cursor: each line's value near it. */
    public void showReadout(long time, long tolerance) {
        SimpleDateFormat f = new SimpleDateFormat(messages.trends_time);
        StringBuilder sb = new StringBuilder(f.format(new Date(time)));
        for (Trace t : shown) {
            double v = t.valueNear(time, tolerance);
            if (!Double.isNaN(v)) {
                sb.append("   ").append(Messages.format(messages.trends_readout, lineName(t),
                        String.format("%.3f", v)));
            }
        }
        readout.setText(sb.toString());
    }

    /** Shows a heat map (or none) with its title. */
    public void setHeatMap(HeatMap map, String title) {
        heatMap = map;
        heatTitle = title;
        heat.redraw();
    }

    public HeatMap heatMap() {
        return heatMap;
    }

    private void paintHeat(GC gc) {
        Rectangle area = heat.getClientArea();
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        HeatMap map = heatMap;
        int titleHeight = gc.getFontMetrics().getHeight() + 4;
        if (map == null || map.cells() == 0) {
            gc.drawText(messages.heat_empty, 4, 2, true);
            return;
        }
        gc.drawText(Messages.format(messages.heat_title, heatTitle) + "   " + messages.heat_legend, 4, 2, true);
        int width = map.columnCount();
        int cells = map.cells();
        double scale = map.scale();
        ImageData data = new ImageData(width, cells, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        // a column without a snapshot of its own (polls further apart than a column) shows the one before it
        float[][] shownColumns = new float[width][];
        float[] last = null;
        for (int c = 0; c < width; c++) {
            float[] col = map.columnValues(c);
            last = col != null ? col : last;
            shownColumns[c] = last;
        }
        int[] line = new int[width];
        for (int cell = 0; cell < cells; cell++) {
            for (int c = 0; c < width; c++) {
                float[] col = shownColumns[c];
                line[c] = col == null ? 0xF0F0F0 : HeatMap.rgb(cell < col.length ? col[cell] : Float.NaN, scale);
            }
            data.setPixels(0, cell, width, line, 0);
        }
        if (heatImage != null) {
            heatImage.dispose();
        }
        heatImage = new Image(getDisplay(), data);
        int h = Math.max(1, area.height - titleHeight);
        gc.drawImage(heatImage, 0, 0, width, cells, 0, titleHeight, area.width, h);
    }

    /** Saves the chart as a PNG file. */
    public void savePng(String file) {
        chart.save(file, SWT.IMAGE_PNG);
    }
}
