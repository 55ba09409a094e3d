package dev.quorum.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data.source} section: the market data source a run reads its bars from, with its parameters. Without it,
 * a run reads the candles stored in the database (importing the embedded ones on first use).
 *
 * @param use    the id of a {@code MarketDataSource} of a started plugin, such as {@code coinbase-candles}
 * @param params parameter values; every key must be a declared parameter, missing ones take their default
 */
public record SourceConfig(String use, Map<String, Object> params) implements ComponentConfig {

    /** Checks and copies. */
    public SourceConfig {
        if (use == null || use.isBlank()) {
            throw new IllegalArgumentException("data.source needs 'use': the id of a market data source (see ./quorum plugins list),"
                    + " or leave data.source out to read the stored candles");
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public String name() {
        return use;
    }
}
