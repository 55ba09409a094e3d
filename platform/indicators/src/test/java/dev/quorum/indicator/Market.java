package dev.quorum.indicator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;

/**
 * One real candle file, as our bars and as a ta4j {@code BaseBarSeries} of {@code DoubleNum}s
 * holding the same values.
 *
 * @param name   the file's symbol, such as {@code BTC-USD}
 * @param bars   our bars, in time order
 * @param series ta4j's series of the same bars
 */
record Market(String name, List<Bar> bars, BarSeries series) {

    /** The two real 1-minute files the indicators are checked on. */
    static final List<String> FILES = List.of("coinbase_BTC-USD_1m.csv", "coinbase_ETH-USD_1m.csv");

    /** Both files, by symbol. */
    static Map<String, Market> loadAll() {
        Map<String, Market> markets = new java.util.LinkedHashMap<>();
        for (String file : FILES) {
            Market m = load(file);
            markets.put(m.name(), m);
        }
        return markets;
    }

    /** Reads {@code timestamp,open,high,low,close,volume} lines from the candle directory. */
    static Market load(String file) {
        String symbol = file.split("_")[1];
        List<Bar> bars = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(dataDir().resolve(file));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                bars.add(new Bar(symbol, Timeframe.M1, Instant.parse(f[0]), Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Market(symbol, List.copyOf(bars), series(symbol, bars));
    }

    private static BarSeries series(String name, List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName(name)
                .withNumFactory(DoubleNumFactory.getInstance()).build();
        for (Bar b : bars) {
            series.barBuilder().timePeriod(Duration.ofMinutes(1)).endTime(b.closeTime())
                    .openPrice(b.open()).highPrice(b.high()).lowPrice(b.low()).closePrice(b.close())
                    .volume(b.volume()).add();
        }
        return series;
    }

    /** The candle directory: the {@code quorum.dataDir} property (Surefire), else found upwards. */
    static Path dataDir() {
        String property = System.getProperty("quorum.dataDir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data/candles");
            if (Files.isRegularFile(candidate.resolve("catalog.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("set -Dquorum.dataDir to the data/candles directory");
    }
}
