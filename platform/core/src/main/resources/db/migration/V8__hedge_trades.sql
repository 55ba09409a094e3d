-- Whether a trade was a hedge the position manager opened against a position on the same symbol
-- (PositionPolicy.hedge), rather than a position of its own. Portable SQL: the same script runs on H2 and PostgreSQL.

ALTER TABLE trades ADD COLUMN hedge BOOLEAN DEFAULT FALSE NOT NULL;
