package dev.quorum.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.api.Bar;
import dev.quorum.api.Timeframe;

/** The embedded candle files read straight from CSV, for tests that compare the engine with an offline computation. */
public final class RealCandles {

    private RealCandles() {
    }

    /**
     * @param file      a file in data/candles, such as {@code coinbase_LTC-USD_1m.csv}
     * @param symbol    the symbol to give the bars
     * @param timeframe their timeframe
     * @param from      first open time, inclusive
     * @param to        last open time, exclusive
     * @return the bars in the range, in time order
     */
    public static List<Bar> read(String file, String symbol, Timeframe timeframe, Instant from, Instant to) {
        List<Bar> bars = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(TestPlugins.dataDir().resolve(file));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                Instant t = Instant.parse(f[0]);
                if (!t.isBefore(from) && t.isBefore(to)) {
                    bars.add(new Bar(symbol, timeframe, t, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bars;
    }
}
