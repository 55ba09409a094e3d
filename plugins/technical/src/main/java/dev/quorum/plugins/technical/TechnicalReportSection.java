package dev.quorum.plugins.technical;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.quorum.api.ComponentInfo;
import dev.quorum.api.ReportBlock;
import dev.quorum.api.ReportContext;
import dev.quorum.api.ReportSection;
import dev.quorum.api.Trade;
import org.pf4j.Extension;

/**
 * The example of the {@link ReportSection} extension point: for each of this plugin's strategies that
 * voted for one of the day's trades, how those trades went (count, average return on notional, average
 * time held), and the day's cumulative PnL as a chart. Only API types are used: the host lays the blocks
 * out, the plugin never touches the PDF library.
 */
@Extension
public class TechnicalReportSection implements ReportSection {

    private static final ComponentInfo INFO = ComponentInfo.of("technical-day", "Technical strategies on the day",
            "Per technical strategy: the day's trades it voted for, their average return and holding time; cumulative PnL.");

    private static final List<String> STRATEGIES = List.of(EMACrossoverStrategy.ID, RSIReversionStrategy.ID, MACDStrategy.ID,
            BollingerStrategy.ID);

    /** Called by PF4J. */
    public TechnicalReportSection() {
    }

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public List<ReportBlock> render(ReportContext context) {
        if (context.trades().isEmpty()) {
            return List.of(new ReportBlock.Text("No trades on " + context.day() + ": nothing to attribute to the technical strategies."));
        }
        Map<String, List<Trade>> byStrategy = new LinkedHashMap<>();
        for (String id : STRATEGIES) {
            for (Trade t : context.trades()) {
                if (t.bots().stream().anyMatch(b -> context.strategyOf(b).equals(id))) {
                    byStrategy.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        byStrategy.forEach((id, trades) -> {
            double ret = 0;
            long held = 0;
            int wins = 0;
            for (Trade t : trades) {
                ret += t.returnOnNotional();
                held += Duration.between(t.entryTime(), t.exitTime()).toMinutes();
                wins += t.isWin() ? 1 : 0;
            }
            rows.add(List.of(id, Integer.toString(trades.size()), Integer.toString(wins),
                    String.format(Locale.ROOT, "%.3f%%", ret / trades.size() * 100),
                    String.format(Locale.ROOT, "%.0f min", (double) held / trades.size())));
        });
        List<ReportBlock> blocks = new ArrayList<>();
        if (rows.isEmpty()) {
            blocks.add(new ReportBlock.Text("None of the day's trades had a vote from a technical strategy."));
        } else {
            blocks.add(new ReportBlock.Table(List.of("Strategy", "Trades voted for", "Won", "Avg return on notional", "Avg time held"), rows));
        }
        List<Double> x = new ArrayList<>();
        List<Double> cumulative = new ArrayList<>();
        double sum = 0;
        for (Trade t : context.trades()) {
            sum += t.pnl();
            x.add((double) (x.size() + 1));
            cumulative.add(sum);
        }
        blocks.add(new ReportBlock.LineChart("Cumulative PnL of the day's trades", "trade (by exit time)", "PnL", x,
                Map.of("cumulative PnL", cumulative)));
        return blocks;
    }
}
