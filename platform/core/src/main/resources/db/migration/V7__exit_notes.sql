-- How the position manager set and moved a trade's stop-loss and take-profit and why it exited (such as
-- "levels: stop 2.0 ATR …; stop moved 3× to 6950.1 (trail 2.5 ATR); exit: held 240 bars"); empty without a manager.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

ALTER TABLE trades ADD COLUMN exit_notes VARCHAR(4000) DEFAULT '' NOT NULL;
