-- A run stopped part-way (backtest --stop-at, a paper session shut down) and resumable: the close time of the last bar
-- it processed (engine clock, epoch milliseconds UTC). Its status is then STOPPED; resuming replays the bars up to here
-- to rebuild every component's state, checks the replay against what is stored, and carries on from the next bar.

ALTER TABLE runs ADD COLUMN stopped_at BIGINT;
