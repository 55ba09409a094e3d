package dev.quorum.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;
import org.ta4j.core.rules.UnderIndicatorRule;

import dev.quorum.api.Bar;

/**
 * The peer: ta4j 0.24 with {@code DoubleNum}, run the way its documentation shows — a
 * {@code BarSeries}, indicators, rules, a {@code BaseStrategy} and {@code BarSeriesManager} (which
 * executes at the next bar's open by default, as Quorum's paper broker does).
 */
final class Ta4jPeer {

    private Ta4jPeer() {
    }

    static BarSeries series(List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName("bench").withNumFactory(DoubleNumFactory.getInstance()).build();
        Duration minute = Duration.ofMinutes(1);
        for (Bar b : bars) {
            series.barBuilder().timePeriod(minute).endTime(b.closeTime()).openPrice(b.open()).highPrice(b.high())
                    .lowPrice(b.low()).closePrice(b.close()).volume(b.volume()).add();
        }
        return series;
    }

    /** The single strategy of benchmark 1: EMA 12/26 cross with an RSI(14) &lt; 70 filter, 2% stop, 4% target. */
    static Strategy emaCrossWithRsiFilter(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        EMAIndicator fast = new EMAIndicator(close, 12);
        EMAIndicator slow = new EMAIndicator(close, 26);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        Rule entry = new CrossedUpIndicatorRule(fast, slow).and(new UnderIndicatorRule(rsi, 70));
        Rule exit = new CrossedDownIndicatorRule(fast, slow).or(new StopLossRule(close, 2)).or(new StopGainRule(close, 4));
        return new BaseStrategy("ema-rsi", entry, exit);
    }

    /** A ta4j strategy computing what one of the 87 bots computes (its indicators and an entry/exit rule on them). */
    static Strategy variant(BarSeries series, BotVariant v) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        return switch (v.strategy()) {
            case "ema-crossover" -> {
                EMAIndicator fast = new EMAIndicator(close, (Integer) v.params().get("fast"));
                EMAIndicator slow = new EMAIndicator(close, (Integer) v.params().get("slow"));
                yield new BaseStrategy(new OverIndicatorRule(fast, slow), new UnderIndicatorRule(fast, slow));
            }
            case "rsi-reversion" -> {
                RSIIndicator rsi = new RSIIndicator(close, (Integer) v.params().get("period"));
                yield new BaseStrategy(new UnderIndicatorRule(rsi, (Double) v.params().get("oversold")),
                        new OverIndicatorRule(rsi, (Double) v.params().get("overbought")));
            }
            case "macd-cross" -> {
                MACDIndicator macd = new MACDIndicator(close, (Integer) v.params().get("fast"), (Integer) v.params().get("slow"));
                EMAIndicator signal = new EMAIndicator(macd, (Integer) v.params().get("signal"));
                yield new BaseStrategy(new OverIndicatorRule(macd, signal), new UnderIndicatorRule(macd, signal));
            }
            case "bollinger" -> {
                int period = (Integer) v.params().get("period");
                SMAIndicator sma = new SMAIndicator(close, period);
                BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(sma);
                StandardDeviationIndicator sd = new StandardDeviationIndicator(close, period);
                var k = series.numFactory().numOf((Double) v.params().get("k"));
                BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, k);
                BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, k);
                boolean breakout = "breakout".equals(v.params().get("mode"));
                yield breakout ? new BaseStrategy(new OverIndicatorRule(close, upper), new UnderIndicatorRule(close, lower))
                        : new BaseStrategy(new UnderIndicatorRule(close, lower), new OverIndicatorRule(close, upper));
            }
            default -> throw new IllegalArgumentException("no ta4j peer for " + v.strategy());
        };
    }

    static TradingRecord run(BarSeries series, Strategy strategy) {
        return new BarSeriesManager(series).run(strategy);
    }

    /** The closed positions of a run, as comparable rows. */
    static List<TradeRow> trades(TradingRecord record) {
        List<TradeRow> rows = new ArrayList<>();
        for (Position p : record.getPositions()) {
            if (p.isClosed()) {
                rows.add(new TradeRow(p.getEntry().getIndex(), p.getEntry().getPricePerAsset().doubleValue(),
                        p.getExit().getIndex(), p.getExit().getPricePerAsset().doubleValue()));
            }
        }
        return rows;
    }
}
