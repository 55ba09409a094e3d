package dev.quorum.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import dev.quorum.api.ExitReason;
import dev.quorum.api.ReportBlock;
import dev.quorum.api.Trade;
import dev.quorum.core.analytics.Drawdown;
import dev.quorum.core.analytics.EquityStats;
import dev.quorum.core.analytics.ExitStats;
import dev.quorum.core.analytics.Group;
import dev.quorum.core.analytics.Performance;
import dev.quorum.core.analytics.TradeStats;
import dev.quorum.core.journal.Holding;

/**
 * Lays a {@link DailyReport} out as a PDF (OpenPDF): A4, one embedded typeface, dense tables, the charts
 * as vector graphics. Every figure comes from the report's {@link Performance} objects, printed with
 * {@link Figures}.
 */
public final class PdfReportWriter {

    private static final float MARGIN = 32;
    private static final Color HEADER_BG = new Color(0xEE, 0xEE, 0xEE);
    private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);

    private final Fonts fonts = Fonts.get();
    private final Font title = new Font(fonts.bold(), 13);
    private final Font heading = new Font(fonts.bold(), 9.5f);
    private final Font text = new Font(fonts.regular(), 7.5f);
    private final Font small = new Font(fonts.regular(), 6.5f);
    private final Font smallBold = new Font(fonts.bold(), 6.5f);
    private final Font tiny = new Font(fonts.regular(), 5.2f);
    private final Font cellBold = new Font(fonts.bold(), 7f);
    private final Font cell = new Font(fonts.regular(), 7f);
    private final Font tradeFont = new Font(fonts.regular(), 6f);

    /**
     * @param report the content
     * @param out    where the PDF goes (not closed)
     * @return the number of pages
     * @throws IOException when writing fails
     */
    public int write(DailyReport report, OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 6);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, new NonClosing(out));
            writer.setStrictImageSequence(true);
            writer.setPageEvent(new Footer(report));
            doc.addTitle("Quorum daily report " + report.day());
            doc.addCreator("Quorum " + report.version());
            doc.addSubject("run " + report.run().id() + ", " + report.day() + " (" + report.zone() + ")");
            doc.open();
            header(doc, report);
            summary(doc, report);
            chart(doc, writer, Charts.equityAndDrawdown(report.curve(), report.period().from(), report.initialCash(),
                    report.window(), report.zone(), fonts), "Equity and drawdown, period to date (the day shaded)", 190);
            bots(doc, report);
            symbols(doc, report);
            open(doc, report);
            patterns(doc, report);
            exits(doc, report);
            trades(doc, report);
            for (PluginSection s : report.sections()) {
                section(doc, writer, s);
            }
            definitions(doc, report);
            int pages = writer.getPageNumber();
            doc.close();
            return pages;
        } catch (DocumentException e) {
            throw new IOException("cannot lay out the report of " + report.day() + ": " + e.getMessage(), e);
        }
    }

    private void header(Document doc, DailyReport r) throws DocumentException {
        doc.add(new Paragraph("Quorum daily report \u2014 " + r.day() + " (" + zoneName(r) + ")", title));
        PdfPTable t = table(new float[] {1.3f, 4, 1.3f, 4});
        var run = r.run();
        pair(t, "Date", r.day() + ", " + r.day().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT)
                + " (" + Figures.time(r.window().from(), r.zone()) + " to " + Figures.time(r.window().to(), r.zone()) + ")");
        pair(t, "Time zone", zoneName(r));
        pair(t, "Run", "#" + run.id() + " " + run.kind() + ", " + run.status() + ", config " + shortHash(run.configSha256()));
        pair(t, "Quorum", r.version());
        boolean running = run.lastBar() == null;
        pair(t, "Data covered", String.join(", ", run.symbols()) + " " + run.timeframe() + ", "
                + Figures.time(run.firstBar() != null ? run.firstBar() : run.from(), r.zone()) + " to "
                + (running ? Figures.time(r.generatedAt(), r.zone()) + " so far (the run goes on)" : Figures.time(run.lastBar(), r.zone())));
        pair(t, "Generated", Figures.time(r.generatedAt(), r.zone()) + " engine clock");
        pair(t, "Period to date", Figures.time(r.period().from(), r.zone()) + " to " + Figures.time(r.period().to(), r.zone()));
        pair(t, "Equity points", "every " + Figures.duration(r.sampling()) + " (engine.equityResolution)");
        doc.add(t);
        if (r.trades().isEmpty()) {
            doc.add(new Paragraph("No trades closed on this day. The period-to-date figures below still cover the run so far.", heading));
        }
    }

    private void summary(Document doc, DailyReport r) throws DocumentException {
        TradeStats d = r.today().trades();
        TradeStats p = r.toDate().trades();
        EquityStats de = r.today().equity();
        EquityStats pe = r.toDate().equity();
        PdfPTable t = table(new float[] {2.2f, 1.4f, 1.4f, 0.25f, 2.2f, 1.4f, 1.4f});
        t.setHeaderRows(1);
        for (String h : new String[] {"Trades", "Day", "Period", "", "Equity", "Day", "Period"}) {
            header(t, h, h.equals("Trades") || h.equals("Equity") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        }
        List<String[]> left = List.of(
                row("Trades", Integer.toString(d.trades()), Integer.toString(p.trades())),
                row("Wins / losses", d.wins() + " / " + d.losses(), p.wins() + " / " + p.losses()),
                row("Win rate", Figures.percent(d.winRate()), Figures.percent(p.winRate())),
                row("Average win", Figures.money(d.averageWin()), Figures.money(p.averageWin())),
                row("Average loss", Figures.money(d.averageLoss()), Figures.money(p.averageLoss())),
                row("Profit factor", Figures.ratio(d.profitFactor()), Figures.ratio(p.profitFactor())),
                row("Expectancy / trade", Figures.money(d.expectancy()), Figures.money(p.expectancy())),
                row("Net PnL", Figures.money(d.netPnl()), Figures.money(p.netPnl())),
                row("Gross PnL (before fees)", Figures.money(d.grossPnl()), Figures.money(p.grossPnl())),
                row("Fees paid", Figures.money(d.fees()), Figures.money(p.fees())),
                row("Best trade", best(d), best(p)),
                row("Worst trade", worst(d), worst(p)),
                row("Longest win streak", Integer.toString(d.longestWinStreak()), Integer.toString(p.longestWinStreak())),
                row("Longest loss streak", Integer.toString(d.longestLossStreak()), Integer.toString(p.longestLossStreak())));
        Drawdown dd = de.maxDrawdown();
        Drawdown pd = pe.maxDrawdown();
        List<String[]> right = List.of(
                row("Start equity", Figures.money(de.startEquity()), Figures.money(pe.startEquity())),
                row("End equity", Figures.money(de.endEquity()), Figures.money(pe.endEquity())),
                row("Change", Figures.money(de.change()), Figures.money(pe.change())),
                row("Return", Figures.percent(de.returnOnEquity()), Figures.percent(pe.returnOnEquity())),
                row("Sharpe (annualised)", Figures.ratio(de.sharpe()), Figures.ratio(pe.sharpe())),
                row("Sortino (annualised)", Figures.ratio(de.sortino()), Figures.ratio(pe.sortino())),
                row("Calmar", Figures.ratio(de.calmar()), Figures.ratio(pe.calmar())),
                row("Max drawdown", Figures.percent(dd.depth()), Figures.percent(pd.depth())),
                row("  peak", when(dd, dd.peak(), r), when(pd, pd.peak(), r)),
                row("  trough", when(dd, dd.trough(), r), when(pd, pd.trough(), r)),
                row("  recovered", recovery(dd, r), recovery(pd, r)),
                row("  duration", dd.depth() == 0 ? "-" : Figures.duration(dd.duration()), pd.depth() == 0 ? "-" : Figures.duration(pd.duration())),
                row("Current drawdown", Figures.percent(de.currentDrawdown()), Figures.percent(pe.currentDrawdown())),
                row("Exposure time", Figures.percent(de.exposure()), Figures.percent(pe.exposure())));
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String[] a = i < left.size() ? left.get(i) : row("", "", "");
            String[] b = i < right.size() ? right.get(i) : row("", "", "");
            cell(t, a[0], Element.ALIGN_LEFT);
            cell(t, a[1], Element.ALIGN_RIGHT);
            cell(t, a[2], Element.ALIGN_RIGHT);
            cell(t, "", Element.ALIGN_LEFT);
            cell(t, b[0], Element.ALIGN_LEFT);
            cell(t, b[1], Element.ALIGN_RIGHT);
            cell(t, b[2], Element.ALIGN_RIGHT);
        }
        kept(doc, "Summary", t);
    }

    private void chart(Document doc, PdfWriter writer, JFreeChart chart, String caption, float height) throws DocumentException {
        float width = doc.getPageSize().getWidth() - 2 * MARGIN;
        PdfContentByte cb = writer.getDirectContent();
        PdfTemplate template = cb.createTemplate(width, height);
        Graphics2D g = template.createGraphics(width, height, fonts.mapper());
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        Image image = Image.getInstance(template);
        PdfPTable holder = new PdfPTable(1);
        holder.setWidthPercentage(100);
        PdfPCell cell = new PdfPCell(image, false);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        holder.addCell(cell);
        kept(doc, caption, holder);
    }

    private void bots(Document doc, DailyReport r) throws DocumentException {
        doc.add(title("Bots"));
        PdfPTable t = table(new float[] {1.9f, 1.5f, 1.3f, 0.7f, 0.9f, 1.1f, 0.9f, 1.1f, 0.7f, 1.7f});
        t.setHeaderRows(1);
        String[] h = {"Bot", "Strategy", "Signals L/S", "Trades", "Win rate", "PnL (day)", "Trades PTD", "PnL PTD", "Weight", "State"};
        for (int i = 0; i < h.length; i++) {
            header(t, h[i], i < 2 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        }
        if (r.bots().isEmpty()) {
            empty(t, h.length, "No bot is recorded for this run.");
        }
        for (BotRow b : r.bots()) {
            cell(t, b.bot(), Element.ALIGN_LEFT);
            cell(t, b.strategy(), Element.ALIGN_LEFT);
            cell(t, b.longs() + " / " + b.shorts(), Element.ALIGN_RIGHT);
            cell(t, Integer.toString(b.day().trades()), Element.ALIGN_RIGHT);
            cell(t, Figures.percent(b.day().winRate()), Element.ALIGN_RIGHT);
            cell(t, Figures.money(b.day().netPnl()), Element.ALIGN_RIGHT);
            cell(t, Integer.toString(b.period().trades()), Element.ALIGN_RIGHT);
            cell(t, Figures.money(b.period().netPnl()), Element.ALIGN_RIGHT);
            cell(t, Double.isNaN(b.weight()) ? "-" : Figures.ratio(b.weight()), Element.ALIGN_RIGHT);
            cell(t, b.state() + (b.errors() > 0 ? " (" + b.errors() + " errors)" : ""), Element.ALIGN_RIGHT);
        }
        doc.add(t);
        note(doc, "A trade counts for every bot that voted for its entry, with its whole PnL, so the bot rows overlap. "
                + "Signals: the bot's LONG / SHORT votes on the day (FLAT votes are not counted). Weight: the bot's weight in the vote "
                + "as the learners had set it when this report was due (reports.schedule; mean over the symbols; - when none is stored: "
                + "without learners every bot votes with its base weight, 1 unless learning.weights.groups sets one). State: its health "
                + "when the day ended (learning.health; SUSPENDED (errors), on a run's last day: suspended for its errors).");
        healthChanges(doc, r);
    }

    private void healthChanges(Document doc, DailyReport r) throws DocumentException {
        if (r.healthChanges().isEmpty()) {
            note(doc, "No bot's health changed on the day.");
            return;
        }
        PdfPTable t = table(new float[] {0.8f, 1.9f, 1.4f, 1.4f, 0.8f, 6f});
        t.setHeaderRows(1);
        String[] h = {"Time", "Bot", "From", "To", "Strikes", "Why"};
        for (int i = 0; i < h.length; i++) {
            header(t, h[i], i == 4 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        }
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ROOT);
        for (dev.quorum.core.journal.PredictionRecords.HealthChange c : r.healthChanges()) {
            cell(t, hhmm.format(c.transition().time().atZone(r.zone())), Element.ALIGN_LEFT);
            cell(t, c.bot(), Element.ALIGN_LEFT);
            cell(t, c.transition().from().name(), Element.ALIGN_LEFT);
            cell(t, c.transition().to().name(), Element.ALIGN_LEFT);
            cell(t, Integer.toString(c.transition().strikes()), Element.ALIGN_RIGHT);
            small(t, c.transition().reason(), Element.ALIGN_LEFT);
        }
        doc.add(title("Bot health changes on the day"));
        doc.add(t);
    }

    private void symbols(Document doc, DailyReport r) throws DocumentException {
        PdfPTable t = table(new float[] {2, 1, 1, 1.3f, 1.1f, 1, 1.3f});
        t.setHeaderRows(1);
        String[] h = {"Symbol", "Trades", "Win rate", "PnL (day)", "Fees (day)", "Trades PTD", "PnL PTD"};
        for (int i = 0; i < h.length; i++) {
            header(t, h[i], i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        }
        List<String> names = new ArrayList<>(r.run().symbols());
        r.toDate().breakdown().bySymbol().keySet().stream().filter(s -> !names.contains(s)).forEach(names::add);
        for (String s : names) {
            Group d = r.today().breakdown().bySymbol().getOrDefault(s, Group.EMPTY);
            Group p = r.toDate().breakdown().bySymbol().getOrDefault(s, Group.EMPTY);
            cell(t, s, Element.ALIGN_LEFT);
            cell(t, Integer.toString(d.trades()), Element.ALIGN_RIGHT);
            cell(t, Figures.percent(d.winRate()), Element.ALIGN_RIGHT);
            cell(t, Figures.money(d.netPnl()), Element.ALIGN_RIGHT);
            cell(t, Figures.money(d.fees()), Element.ALIGN_RIGHT);
            cell(t, Integer.toString(p.trades()), Element.ALIGN_RIGHT);
            cell(t, Figures.money(p.netPnl()), Element.ALIGN_RIGHT);
        }
        kept(doc, "Symbols", t);
    }

    private void open(Document doc, DailyReport r) throws DocumentException {
        doc.add(title("Positions open at the end of the day"));
        if (r.openAtEnd().isEmpty()) {
            note(doc, "None: the portfolio was flat at " + Figures.time(r.window().to(), r.zone()) + ".");
            return;
        }
        PdfPTable t = table(new float[] {2, 1, 1.5f, 2});
        for (String h : new String[] {"Symbol", "Side", "Quantity", "Open since"}) {
            header(t, h, Element.ALIGN_LEFT);
        }
        for (Holding h : r.openAtEnd()) {
            cell(t, h.symbol(), Element.ALIGN_LEFT);
            cell(t, h.direction().name(), Element.ALIGN_LEFT);
            cell(t, Figures.number(h.quantity()), Element.ALIGN_LEFT);
            cell(t, Figures.time(h.since(), r.zone()), Element.ALIGN_LEFT);
        }
        t.setKeepTogether(true);
        doc.add(t);
    }

    private void patterns(Document doc, DailyReport r) throws DocumentException {
        var b = r.toDate().breakdown();
        float[] widths = new float[26];
        widths[0] = 1.6f;
        for (int i = 1; i < 26; i++) {
            widths[i] = 1;
        }
        widths[25] = 1.9f;
        PdfPTable t = table(widths);
        tinyHeader(t, "");
        for (int h = 0; h < 24; h++) {
            tinyHeader(t, String.format(Locale.ROOT, "%02d", h));
        }
        tinyHeader(t, "Total");
        double max = 0;
        for (Group g : b.heatmap()) {
            max = Math.max(max, Math.abs(g.netPnl()));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            tinyHeader(t, day.getDisplayName(TextStyle.SHORT, Locale.ROOT));
            for (int h = 0; h < 24; h++) {
                Group g = b.cell(day, h);
                PdfPCell c = new PdfPCell(new Phrase(g.trades() == 0 ? "" : Long.toString(Math.round(g.netPnl())), tiny));
                c.setHorizontalAlignment(Element.ALIGN_CENTER);
                c.setBorderColor(RULE);
                c.setBorderWidth(0.3f);
                c.setPadding(1.2f);
                c.setBackgroundColor(heat(g, max));
                t.addCell(c);
            }
            cellTiny(t, Figures.money(b.byWeekday().get(day.getValue() - 1).netPnl()));
        }
        tinyHeader(t, "Total");
        for (int h = 0; h < 24; h++) {
            Group g = b.byHour().get(h);
            cellTiny(t, g.trades() == 0 ? "" : Long.toString(Math.round(g.netPnl())));
        }
        cellTiny(t, Figures.money(r.toDate().trades().netPnl()));
        kept(doc, "PnL by entry hour and weekday, period to date (" + zoneName(r) + ")", t);
        note(doc, "Each cell: net PnL (rounded) of the trades entered in that hour on that weekday; green gains, red losses, "
                + "darker is larger. Empty: no trade. Market regime: " + (b.byRegime().isEmpty()
                ? "no regime is recorded for these trades yet, so there is no by-regime breakdown." : regimes(b.byRegime())));
    }

    private static String regimes(Map<String, Group> byRegime) {
        StringBuilder sb = new StringBuilder();
        byRegime.forEach((k, g) -> sb.append(k).append(' ').append(g.trades()).append(" trades ").append(Figures.money(g.netPnl())).append("; "));
        return sb.toString();
    }

    private static Color heat(Group g, double max) {
        if (g.trades() == 0 || max == 0) {
            return Color.WHITE;
        }
        float s = (float) Math.min(1, Math.abs(g.netPnl()) / max);
        float k = 0.12f + 0.6f * s;
        return g.netPnl() >= 0 ? mix(new Color(0x2E, 0x8B, 0x57), k) : mix(new Color(0xC0, 0x39, 0x2B), k);
    }

    private static Color mix(Color c, float k) {
        return new Color(Math.round(255 + (c.getRed() - 255) * k), Math.round(255 + (c.getGreen() - 255) * k),
                Math.round(255 + (c.getBlue() - 255) * k));
    }

    private void exits(Document doc, DailyReport r) throws DocumentException {
        PdfPTable t = table(new float[] {1.8f, 0.8f, 0.9f, 1.2f, 1.3f, 0.25f, 0.8f, 0.9f, 1.2f, 1.3f});
        t.setHeaderRows(1);
        String[] h = {"Exit reason", "Trades", "Share", "PnL", "Avg time held", "", "Trades PTD", "Share PTD", "PnL PTD", "Avg held PTD"};
        for (int i = 0; i < h.length; i++) {
            header(t, h[i], i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        }
        for (ExitReason reason : ExitReason.values()) {
            ExitStats d = r.today().trades().exit(reason);
            ExitStats p = r.toDate().trades().exit(reason);
            cell(t, label(reason), Element.ALIGN_LEFT);
            cell(t, Integer.toString(d.trades()), Element.ALIGN_RIGHT);
            cell(t, Figures.percent(d.share()), Element.ALIGN_RIGHT);
            cell(t, Figures.money(d.netPnl()), Element.ALIGN_RIGHT);
            cell(t, d.trades() == 0 ? "-" : Figures.duration(d.averageHold()), Element.ALIGN_RIGHT);
            cell(t, "", Element.ALIGN_RIGHT);
            cell(t, Integer.toString(p.trades()), Element.ALIGN_RIGHT);
            cell(t, Figures.percent(p.share()), Element.ALIGN_RIGHT);
            cell(t, Figures.money(p.netPnl()), Element.ALIGN_RIGHT);
            cell(t, p.trades() == 0 ? "-" : Figures.duration(p.averageHold()), Element.ALIGN_RIGHT);
        }
        kept(doc, "Exits: take-profit and stop-loss statistics", t);
        note(doc, "Hit rate of the targets = the take-profit share; of the stops = the stop-loss share. Average time held of a "
                + "take-profit exit = the average time to reach the target.");
    }

    private static String label(ExitReason reason) {
        return switch (reason) {
            case TAKE_PROFIT -> "Take-profit";
            case STOP_LOSS -> "Stop-loss";
            case SIGNAL -> "Signal";
            case END_OF_DATA -> "End of data";
            case TRAILING_STOP -> "Trailing stop";
            case TIME_EXIT -> "Time exit";
            case MANAGED -> "Managed exit";
            case HEDGE_RELEASED -> "Hedge released";
        };
    }

    private void trades(Document doc, DailyReport r) throws DocumentException {
        doc.add(title("Trades closed on " + r.day() + " (" + r.trades().size() + ")"));
        if (r.trades().isEmpty()) {
            note(doc, "No trades on this day.");
            return;
        }
        PdfPTable t = table(new float[] {0.5f, 1.5f, 1.5f, 1.05f, 0.7f, 1.05f, 1.05f, 1.0f, 0.95f, 0.75f, 1.0f, 3.0f});
        t.setHeaderRows(1);
        t.setSplitLate(false);
        String[] h = {"#", "Entry", "Exit", "Symbol", "Side", "Entry price", "Exit price", "Size", "PnL", "Fees", "Exit reason", "Bots that voted"};
        for (int i = 0; i < h.length; i++) {
            header(t, h[i], i == 1 || i == 2 || i == 3 || i == 4 || i == 10 || i == 11 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        }
        for (Trade x : r.trades()) {
            small(t, Long.toString(x.id()), Element.ALIGN_RIGHT);
            small(t, Figures.time(x.entryTime(), r.zone()), Element.ALIGN_LEFT);
            small(t, Figures.time(x.exitTime(), r.zone()), Element.ALIGN_LEFT);
            small(t, x.symbol(), Element.ALIGN_LEFT);
            small(t, x.direction().name() + (x.hedge() ? " hedge" : ""), Element.ALIGN_LEFT);
            small(t, Figures.number(x.entryPrice()), Element.ALIGN_RIGHT);
            small(t, Figures.number(x.exitPrice()), Element.ALIGN_RIGHT);
            small(t, Figures.number(x.quantity()), Element.ALIGN_RIGHT);
            small(t, Figures.money(x.pnl()), Element.ALIGN_RIGHT);
            small(t, Figures.money(x.fees()), Element.ALIGN_RIGHT);
            small(t, label(x.exitReason()), Element.ALIGN_LEFT);
            small(t, x.hedge() ? "hedge (position manager)" : String.join(", ", x.bots()), Element.ALIGN_LEFT);
        }
        doc.add(t);
    }

    private void section(Document doc, PdfWriter writer, PluginSection s) throws DocumentException {
        doc.add(title(s.title() + " (plugin " + s.pluginId() + ")"));
        if (!s.error().isEmpty()) {
            note(doc, "This section failed and is left out: " + s.error());
            return;
        }
        for (ReportBlock block : s.blocks()) {
            switch (block) {
                case ReportBlock.Text x -> doc.add(new Paragraph(x.text(), text));
                case ReportBlock.Table x -> {
                    PdfPTable t = table(equal(x.headers().size()));
                    t.setHeaderRows(1);
                    x.headers().forEach(h -> header(t, h, Element.ALIGN_LEFT));
                    x.rows().forEach(row -> row.forEach(c -> cell(t, c, Element.ALIGN_LEFT)));
                    doc.add(t);
                }
                case ReportBlock.LineChart x -> chart(doc, writer, Charts.line(x, fonts), x.title(), 150);
            }
        }
    }

    private void definitions(Document doc, DailyReport r) throws DocumentException {
        doc.add(title("How each figure is computed"));
        List<String> lines = List.of(
                "Every figure is computed from the trades, fills, equity points and signal counts stored for run #" + r.run().id()
                        + "; none is typed in or sampled. A trade belongs to the day it closed (" + r.zone().getId() + ").",
                "Win rate: trades with PnL > 0 over all trades. Average win / loss: mean PnL of the winning / losing trades.",
                "Profit factor: gross profit / |gross loss|; \u221E with wins and no losses. Expectancy: net PnL / trades.",
                "Net PnL: sum of the trades' PnL after fees. Gross PnL: the same before fees. Fees: entry and exit fills.",
                "Return: equity change / start equity, from the equity curve (open positions marked at the latest close).",
                "Sharpe: mean / standard deviation of the returns between equity points (every " + Figures.duration(r.sampling())
                        + "), times \u221A(intervals per year, 365.25 days); risk-free rate 0. Sortino: mean / downside deviation (target 0), annualised alike.",
                "Calmar: compound annualised return / max drawdown; n/a for periods under " + Performance.CALMAR_MIN_DAYS + " days.",
                "Max drawdown: deepest fall of the equity curve from its running peak, with the peak, the trough, the recovery "
                        + "(back at the peak) and its duration. Current drawdown: the fall from the peak at the period's end.",
                "Streaks: most winning / losing trades in a row by exit time. Exposure time: share of the period with a position open.",
                "n/a: undefined (no trades, fewer than two returns, no variation, no drawdown).");
        for (String line : lines) {
            doc.add(new Paragraph(line, small));
        }
    }

    // ---- building blocks

    private Paragraph title(String s) {
        Paragraph p = new Paragraph(s, heading);
        p.setSpacingBefore(7);
        p.setSpacingAfter(2.5f);
        return p;
    }

    /** Adds a title and a table that never part: both move to the next page if the table does not fit. */
    private void kept(Document doc, String caption, PdfPTable table) throws DocumentException {
        PdfPTable outer = new PdfPTable(1);
        outer.setWidthPercentage(100);
        outer.setKeepTogether(true);
        outer.setSpacingBefore(7);
        PdfPCell head = new PdfPCell(new Phrase(caption, heading));
        head.setBorder(Rectangle.NO_BORDER);
        head.setPadding(0);
        head.setPaddingBottom(3.5f);
        outer.addCell(head);
        PdfPCell body = new PdfPCell(table);
        body.setBorder(Rectangle.NO_BORDER);
        body.setPadding(0);
        outer.addCell(body);
        doc.add(outer);
    }

    private void note(Document doc, String s) throws DocumentException {
        Paragraph p = new Paragraph(s, small);
        p.setSpacingBefore(1.5f);
        doc.add(p);
    }

    private static PdfPTable table(float[] widths) throws DocumentException {
        PdfPTable t = new PdfPTable(widths.length);
        t.setWidthPercentage(100);
        t.setWidths(widths);
        t.setSpacingBefore(1);
        return t;
    }

    private static float[] equal(int n) {
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    private void pair(PdfPTable t, String key, String value) {
        PdfPCell k = new PdfPCell(new Phrase(key, cellBold));
        PdfPCell v = new PdfPCell(new Phrase(value, cell));
        for (PdfPCell c : new PdfPCell[] {k, v}) {
            c.setBorder(Rectangle.NO_BORDER);
            c.setPadding(1.5f);
            t.addCell(c);
        }
    }

    private void header(PdfPTable t, String s, int align) {
        PdfPCell c = new PdfPCell(new Phrase(s, smallBold));
        c.setHorizontalAlignment(align);
        c.setBackgroundColor(HEADER_BG);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.4f);
        c.setPadding(2);
        t.addCell(c);
    }

    private void tinyHeader(PdfPTable t, String s) {
        PdfPCell c = new PdfPCell(new Phrase(s, new Font(fonts.bold(), 5.2f)));
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setBackgroundColor(HEADER_BG);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.3f);
        c.setPadding(1.2f);
        t.addCell(c);
    }

    private void cellTiny(PdfPTable t, String s) {
        PdfPCell c = new PdfPCell(new Phrase(s, tiny));
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.3f);
        c.setPadding(1.2f);
        t.addCell(c);
    }

    private void cell(PdfPTable t, String s, int align) {
        add(t, s, align, text, 1.8f);
    }

    private void small(PdfPTable t, String s, int align) {
        add(t, s, align, tradeFont, 1.3f);
    }

    private static void add(PdfPTable t, String s, int align, Font font, float padding) {
        PdfPCell c = new PdfPCell(new Phrase(s, font));
        c.setHorizontalAlignment(align);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.3f);
        c.setPadding(padding);
        t.addCell(c);
    }

    private void empty(PdfPTable t, int columns, String s) {
        PdfPCell c = new PdfPCell(new Phrase(s, text));
        c.setColspan(columns);
        c.setBorderColor(RULE);
        t.addCell(c);
    }

    private static String[] row(String name, String day, String period) {
        return new String[] {name, day, period};
    }

    private static String best(TradeStats s) {
        return s.best().map(t -> Figures.money(t.pnl()) + " (#" + t.id() + ")").orElse(Figures.NA);
    }

    private static String worst(TradeStats s) {
        return s.worst().map(t -> Figures.money(t.pnl()) + " (#" + t.id() + ")").orElse(Figures.NA);
    }

    private static String when(Drawdown d, java.time.Instant t, DailyReport r) {
        return d.depth() == 0 ? "-" : Figures.time(t, r.zone());
    }

    private static String recovery(Drawdown d, DailyReport r) {
        return d.depth() == 0 ? "-" : d.recovery().map(t -> Figures.time(t, r.zone())).orElse("not yet");
    }

    private static String zoneName(DailyReport r) {
        return r.zone().getId().equals("Z") ? "UTC" : r.zone().getId();
    }

    private static String shortHash(String sha) {
        return sha == null || sha.length() < 12 ? String.valueOf(sha) : sha.substring(0, 12);
    }

    /** Page footer: what the page belongs to, and its number. */
    private final class Footer extends PdfPageEventHelper {
        private final DailyReport report;

        Footer(DailyReport report) {
            this.report = report;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String s = "Quorum " + report.version() + " \u00B7 daily report " + report.day() + " (" + zoneName(report) + ") \u00B7 run #"
                    + report.run().id() + " \u00B7 page " + writer.getPageNumber();
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, new Phrase(s, small),
                    (document.left() + document.right()) / 2, document.bottom() - 14, 0);
        }
    }

    /** Keeps OpenPDF from closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
