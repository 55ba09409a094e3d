-- The equity curve of each run, sampled at engine.equityResolution: one row per epoch-aligned bucket
-- of that length, taken after the last base bar of the bucket and stamped with that bar's close time;
-- the run's last row is taken after the end-of-data exits. Buckets without bars have no row.
-- Times are epoch milliseconds UTC (engine clock); amounts in the quote currency.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE equity_curve (
    run_id   BIGINT           NOT NULL REFERENCES runs (id),
    time     BIGINT           NOT NULL,  -- close time of the last base bar of the bucket
    equity   DOUBLE PRECISION NOT NULL,  -- cash plus longs minus shorts, marked at each symbol's latest close
    cash     DOUBLE PRECISION NOT NULL,
    exposure DOUBLE PRECISION NOT NULL,  -- gross: sum of the open positions' marked notionals, longs and shorts alike
    PRIMARY KEY (run_id, time)
);
