-- How many LONG and SHORT signals each bot gave, per bucket of the equity curve (engine.equityResolution):
-- one row per bot and bucket in which it gave at least one, stamped like the bucket's equity point (the
-- close time of the bucket's last base bar). FLAT votes are not counted. The daily report reads these to
-- show each bot's signals of the day.
-- Times are epoch milliseconds UTC (engine clock). Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE signal_counts (
    run_id BIGINT       NOT NULL REFERENCES runs (id),
    bot    VARCHAR(128) NOT NULL,
    time   BIGINT       NOT NULL,
    longs  BIGINT       NOT NULL,
    shorts BIGINT       NOT NULL,
    PRIMARY KEY (run_id, bot, time)
);
