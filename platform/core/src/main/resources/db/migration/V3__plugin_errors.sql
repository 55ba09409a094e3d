-- Errors counted against each plugin during a run (bots and risk modules), so that
-- `quorum plugins list` can show a plugin DEGRADED by the last run after that process has ended.

CREATE TABLE plugin_errors (
    run_id     BIGINT        NOT NULL REFERENCES runs (id),
    plugin_id  VARCHAR(128)  NOT NULL,
    errors     INTEGER       NOT NULL,
    last_error VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, plugin_id)
);
