package dev.quorum.plugins.coinbase;

import java.net.URI;
import java.time.Duration;

import org.pf4j.Extension;

import dev.quorum.api.BarQuery;
import dev.quorum.api.BarStream;
import dev.quorum.api.ComponentInfo;
import dev.quorum.api.MarketDataSource;
import dev.quorum.api.ParameterException;
import dev.quorum.api.ParameterSpec;
import dev.quorum.api.Parameters;
import dev.quorum.api.SourceContext;

/**
 * Candles from Coinbase Exchange's public market-data API ({@code GET /products/{product}/candles}, no key needed):
 * the query's history first, in pages of at most 300 buckets per product, then, once caught up with the clock, each
 * bar a few seconds after it has closed, until the query's range has passed. Quorum symbols are Coinbase product ids
 * ({@code BTC-USD}). Minutes without trades are absent, as the exchange publishes none for them; the bucket still forming
 * is never delivered. Transient failures (HTTP 429, 5xx, timeouts, refused connections) are retried with a growing
 * pause; any other answer ends the stream with the URL, the status and the exchange's message.
 */
@Extension
public final class CoinbaseCandles implements MarketDataSource {

    /** The source's id, as {@code data.source.use} names it. */
    public static final String ID = "coinbase-candles";
    /** The public REST endpoint of Coinbase Exchange. */
    public static final String PUBLIC_API = "https://api.exchange.coinbase.com";

    private static final ComponentInfo INFO = ComponentInfo.of(ID, "Coinbase Exchange candles",
            "Bars from Coinbase Exchange's public REST API (products/{symbol}/candles): history, then each bar as it closes."
                    + " Timeframes 1m, 5m, 15m, 1h, 6h, 1d.",
            ParameterSpec.text("baseUrl", PUBLIC_API, "the API's base URL (http or https); a stand-in on loopback for tests"),
            ParameterSpec.integer("settleSeconds", 5, 0, 600,
                    "how long after a bar closes it is asked for: the exchange publishes a closed bucket with a short delay"),
            ParameterSpec.decimal("pollSeconds", 1, 0.01, 60, "how often a feed waiting for the next bar checks the clock"),
            ParameterSpec.integer("timeoutSeconds", 15, 1, 300, "how long one request may take"),
            ParameterSpec.integer("retries", 8, 0, 100,
                    "retries of a request that failed transiently (429, 5xx, timeout, no connection), pausing 1 s, 2 s, 4 s ... 30 s"),
            ParameterSpec.decimal("requestsPerSecond", 3, 0.1, 10, "at most this many requests per second (the public limit is 10)"));

    @Override
    public ComponentInfo info() {
        return INFO;
    }

    @Override
    public BarStream bars(BarQuery query, SourceContext context) {
        Parameters p = context.parameters();
        URI base;
        try {
            base = URI.create(p.getString("baseUrl").replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new ParameterException("baseUrl", p.getString("baseUrl"), "an http(s) URL such as " + PUBLIC_API + " (" + e.getMessage() + ")");
        }
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https")) || base.getHost() == null) {
            throw new ParameterException("baseUrl", base, "an http(s) URL such as " + PUBLIC_API);
        }
        if (!CandleFeed.SERVED.contains(query.timeframe())) {
            throw new IllegalArgumentException("Coinbase Exchange serves candles of 1m, 5m, 15m, 1h, 6h and 1d, not "
                    + query.timeframe() + " (data.timeframe)");
        }
        CandlesClient client = new CandlesClient(base, Duration.ofSeconds(p.getInt("timeoutSeconds")), p.getInt("retries"),
                p.getDouble("requestsPerSecond"));
        return new CandleFeed(query, context.clock(), client, Duration.ofSeconds(p.getInt("settleSeconds")),
                Duration.ofMillis(Math.round(p.getDouble("pollSeconds") * 1000)));
    }
}
