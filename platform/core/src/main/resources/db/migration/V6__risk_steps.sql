-- What the risk chain did to each order intent: one row per module that judged it, in chain order.
-- An intent is identified by (run_id, decision); a chain that rejects stops there, so the modules after
-- the rejecting one have no row for that intent. Approvals are stored too, so per-module counts
-- (approved / resized / rejected) come from one GROUP BY.
-- Times are epoch milliseconds UTC (engine clock). Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE risk_steps (
    run_id     BIGINT           NOT NULL REFERENCES runs (id),
    decision   BIGINT           NOT NULL,  -- the intent's sequence number in its run, from 1
    step       INTEGER          NOT NULL,  -- the module's place in the chain, from 1
    time       BIGINT           NOT NULL,  -- the close time of the bar the intent was decided on
    symbol     VARCHAR(64)      NOT NULL,
    direction  VARCHAR(5)       NOT NULL,  -- LONG or SHORT
    module     VARCHAR(128)     NOT NULL,  -- the module's name in config
    verdict    VARCHAR(8)       NOT NULL,  -- APPROVE, RESIZE or REJECT, as the host applied it
    qty_before DOUBLE PRECISION NOT NULL,  -- the quantity the module was given
    qty_after  DOUBLE PRECISION NOT NULL,  -- the quantity it passed on; 0 when rejected
    faulted    BOOLEAN          NOT NULL,  -- the host overrode the module: it threw, returned null or tried to enlarge
    reason     VARCHAR(4000)    NOT NULL,
    PRIMARY KEY (run_id, decision, step)
);
