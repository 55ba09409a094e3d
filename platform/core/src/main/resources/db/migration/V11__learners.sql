-- The learners (README, "Learning"). Portable SQL: the same script runs on H2 and PostgreSQL.

-- A learner's saved state (LearnerContext.state()): text per key, under a scope: 'run-<id>' for a run that started
-- fresh, or the name given as learning.state, which a later run resumes from.
CREATE TABLE learner_state (
    scope       VARCHAR(100) NOT NULL,
    learner     VARCHAR(128) NOT NULL,
    state_key   VARCHAR(200) NOT NULL,
    state_value CLOB         NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,  -- wall clock, UTC
    PRIMARY KEY (scope, learner, state_key)
);

-- Each bot's weight in the vote on each symbol when a run ended (1 without learners).
CREATE TABLE bot_weights (
    run_id  BIGINT           NOT NULL REFERENCES runs (id),
    bot     VARCHAR(200)     NOT NULL,
    symbol  VARCHAR(64)      NOT NULL,
    weight  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, bot, symbol)
);

-- What each learner reported per bot when a run ended (LearnerInstance.figures(): trust, calibration, ...).
CREATE TABLE learner_figures (
    run_id       BIGINT           NOT NULL REFERENCES runs (id),
    learner      VARCHAR(128)     NOT NULL,
    bot          VARCHAR(200)     NOT NULL,
    figure       VARCHAR(64)      NOT NULL,
    figure_value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, learner, bot, figure)
);
