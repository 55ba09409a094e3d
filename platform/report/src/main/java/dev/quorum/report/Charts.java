package dev.quorum.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.ui.RectangleEdge;

import dev.quorum.api.ReportBlock;
import dev.quorum.core.analytics.Interval;
import dev.quorum.core.portfolio.EquityPoint;

/** The report's charts, built with JFreeChart and drawn by the PDF writer as vector graphics. */
final class Charts {

    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color EQUITY = new Color(0x1F, 0x4E, 0x79);
    static final Color LOSS = new Color(0xB0, 0x30, 0x30);
    static final Color DAY = new Color(0xF2, 0xE8, 0xC9);

    private Charts() {
    }

    /**
     * Equity over the period (top) and its drawdown from the running peak (bottom, the "underwater"
     * curve), the report's day shaded.
     *
     * @param curve       the equity points, in time order
     * @param start       the period's start and its equity (the curve's first value)
     * @param startEquity the equity at {@code start}
     * @param day         the report's day
     * @param zone        the zone of the time axis
     * @param fonts       the embedded fonts
     * @return the chart
     */
    static JFreeChart equityAndDrawdown(List<EquityPoint> curve, Instant start, double startEquity, Interval day, ZoneId zone,
                                        Fonts fonts) {
        XYSeries equity = new XYSeries("Equity", false, true);
        XYSeries underwater = new XYSeries("Drawdown", false, true);
        equity.add(start.toEpochMilli(), startEquity);
        underwater.add(start.toEpochMilli(), 0.0);
        double peak = startEquity;
        for (EquityPoint p : curve) {
            peak = Math.max(peak, p.equity());
            equity.add(p.time().toEpochMilli(), p.equity());
            underwater.add(p.time().toEpochMilli(), peak > 0 ? -(peak - p.equity()) / peak * 100 : 0);
        }
        DateAxis time = new DateAxis();
        time.setTimeZone(TimeZone.getTimeZone(zone));
        time.setTickLabelFont(fonts.awt(7, Font.PLAIN));
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(4);

        NumberAxis equityAxis = numberAxis("Equity", fonts);
        equityAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, EQUITY);
        line.setSeriesStroke(0, new BasicStroke(0.8f));
        XYPlot top = styled(new XYPlot(new XYSeriesCollection(equity), null, equityAxis, line), day);
        plot.add(top, 3);

        NumberAxis ddAxis = numberAxis("Drawdown %", fonts);
        ddAxis.setNumberFormatOverride(new DecimalFormat("0.0"));
        XYAreaRenderer area = new XYAreaRenderer();
        area.setSeriesPaint(0, new Color(LOSS.getRed(), LOSS.getGreen(), LOSS.getBlue(), 150));
        XYPlot bottom = styled(new XYPlot(new XYSeriesCollection(underwater), null, ddAxis, area), day);
        plot.add(bottom, 1);

        JFreeChart chart = new JFreeChart(null, fonts.awt(8, Font.BOLD), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    /**
     * A plugin's line chart.
     *
     * @param block the chart as the plugin described it
     * @param fonts the embedded fonts
     * @return the chart
     */
    static JFreeChart line(ReportBlock.LineChart block, Fonts fonts) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<Double>> s : block.series().entrySet()) {
            XYSeries series = new XYSeries(s.getKey(), false, true);
            for (int i = 0; i < block.x().size(); i++) {
                Double y = s.getValue().get(i);
                series.add(block.x().get(i), y == null || !Double.isFinite(y) ? null : y);
            }
            data.addSeries(series);
        }
        NumberAxis x = numberAxis(block.xLabel(), fonts);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = numberAxis(block.yLabel(), fonts);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(0.8f));
        }
        renderer.setSeriesPaint(0, EQUITY);
        XYPlot plot = styled(new XYPlot(data, x, y, renderer), null);
        JFreeChart chart = new JFreeChart(null, fonts.awt(8, Font.BOLD), plot, data.getSeriesCount() > 1);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(fonts.awt(7, Font.PLAIN));
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static NumberAxis numberAxis(String label, Fonts fonts) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(fonts.awt(7, Font.PLAIN));
        axis.setTickLabelFont(fonts.awt(7, Font.PLAIN));
        return axis;
    }

    private static XYPlot styled(XYPlot plot, Interval day) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(GRID);
        if (day != null) {
            IntervalMarker marker = new IntervalMarker(day.from().toEpochMilli(), day.to().toEpochMilli(), DAY);
            marker.setAlpha(0.6f);
            plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
        }
        return plot;
    }
}
