package dev.quorum.api;

import java.util.List;
import java.util.Objects;

/**
 * A piece of a report section, described as data so the API stays free of any PDF library: the
 * host renders it.
 *
 * @since 1.0
 */
public sealed interface ReportBlock {

    /**
     * A paragraph of plain text.
     *
     * @param text the text
     * @since 1.0
     */
    record Text(String text) implements ReportBlock {
        /** Checks for null. */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A table with a header row.
     *
     * @param headers the column titles
     * @param rows    the cells, each row as long as {@code headers}
     * @since 1.0
     */
    record Table(List<String> headers, List<List<String>> rows) implements ReportBlock {
        /**
         * Validates and copies.
         *
         * @throws IllegalArgumentException if a row's length differs from the header's
         */
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).size() != headers.size()) {
                    throw new IllegalArgumentException("row " + i + " has " + rows.get(i).size() + " cells, the header has " + headers.size());
                }
            }
        }
    }

    /**
     * A line chart of one or more series over a shared x axis.
     *
     * @param title  the chart title
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param x      the x values
     * @param series series name to y values, each as long as {@code x}
     * @since 1.0
     */
    record LineChart(String title, String xLabel, String yLabel, List<Double> x,
                     java.util.Map<String, List<Double>> series) implements ReportBlock {
        /**
         * Validates and copies.
         *
         * @throws IllegalArgumentException if a series' length differs from {@code x}
         */
        public LineChart {
            Objects.requireNonNull(title, "title");
            x = List.copyOf(x);
            java.util.Map<String, List<Double>> copy = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<String, List<Double>> e : series.entrySet()) {
                if (e.getValue().size() != x.size()) {
                    throw new IllegalArgumentException("series '" + e.getKey() + "' has " + e.getValue().size() + " values, x has " + x.size());
                }
                copy.put(e.getKey(), List.copyOf(e.getValue()));
            }
            series = java.util.Collections.unmodifiableMap(copy);
        }
    }
}
