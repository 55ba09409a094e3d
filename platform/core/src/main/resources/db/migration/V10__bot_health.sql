-- Every change of a bot's health in a run (ACTIVE, DEGRADED, SUSPENDED, PROBATION, RETIRED) with its reason, in
-- engine time (epoch milliseconds UTC). Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE bot_health (
    run_id     BIGINT        NOT NULL REFERENCES runs (id),
    seq        BIGINT        NOT NULL,  -- the transition's number in its run, from 1
    bot        VARCHAR(200)  NOT NULL,
    time       BIGINT        NOT NULL,
    from_state VARCHAR(10)   NOT NULL,
    to_state   VARCHAR(10)   NOT NULL,
    strikes    INTEGER       NOT NULL,  -- suspensions so far, this one included
    reason     VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, seq)
);
