-- The bots' predictions (a LONG or SHORT call at a bar's close, recorded when a bot's direction changes and again
-- every learning.cadence bars while it holds) with the market's situation then, and how each turned out at every
-- horizon of learning.horizons. Times are epoch milliseconds UTC (engine clock). Portable SQL: the same script
-- runs on H2 and PostgreSQL.

CREATE TABLE predictions (
    run_id     BIGINT           NOT NULL REFERENCES runs (id),
    id         BIGINT           NOT NULL,  -- the prediction's number in its run, from 1
    bot        VARCHAR(200)     NOT NULL,
    symbol     VARCHAR(64)      NOT NULL,
    time       BIGINT           NOT NULL,  -- the close time of the bar it was made on
    direction  VARCHAR(5)       NOT NULL,  -- LONG or SHORT
    confidence DOUBLE PRECISION NOT NULL,  -- the bot's stated confidence
    price      DOUBLE PRECISION NOT NULL,  -- the bar's close
    regime     VARCHAR(10)      NOT NULL,  -- TREND_UP, TREND_DOWN, RANGE or UNKNOWN
    volatility VARCHAR(7)       NOT NULL,  -- LOW, NORMAL, HIGH or UNKNOWN
    volume     VARCHAR(7)       NOT NULL,  -- LOW, NORMAL, HIGH or UNKNOWN
    momentum   VARCHAR(7)       NOT NULL,  -- UP, FLAT, DOWN or UNKNOWN
    PRIMARY KEY (run_id, id)
);

CREATE INDEX predictions_by_bot ON predictions (run_id, bot);

CREATE TABLE prediction_outcomes (
    run_id          BIGINT           NOT NULL REFERENCES runs (id),
    prediction_id   BIGINT           NOT NULL,
    horizon_minutes INTEGER          NOT NULL,
    time            BIGINT           NOT NULL,  -- the close time of the bar it was judged on
    price           DOUBLE PRECISION NOT NULL,  -- that bar's close
    move            DOUBLE PRECISION NOT NULL,  -- the return in the predicted direction, before fees
    hit             BOOLEAN          NOT NULL,  -- move > 0
    PRIMARY KEY (run_id, prediction_id, horizon_minutes)
);
