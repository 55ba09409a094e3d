-- The learners' weights during a run, not only at its end (bot_weights): a snapshot at each wake-up of the engine
-- clock (the daily report's schedule), so that each day's report shows the weights as they were when its day ended.
-- Times are epoch milliseconds UTC (engine clock).

CREATE TABLE bot_weight_snapshots (
    run_id  BIGINT           NOT NULL REFERENCES runs (id),
    time    BIGINT           NOT NULL,
    bot     VARCHAR(200)     NOT NULL,
    symbol  VARCHAR(64)      NOT NULL,
    weight  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, time, bot, symbol)
);
