-- Time sheet: the shifts custodians record for workers (guards, supervisors).
-- Instants are UTC ISO-8601 text with milliseconds, so short shifts keep their exact length.
CREATE TABLE shifts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  started_at TEXT NOT NULL,
  ended_at TEXT,                  -- NULL while the shift is in progress
  started_by INTEGER NOT NULL REFERENCES users(id),
  ended_by INTEGER REFERENCES users(id),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);

-- A worker has at most one shift in progress, even when two custodians press Start at once.
CREATE UNIQUE INDEX shifts_one_in_progress ON shifts(user_id) WHERE ended_at IS NULL;
CREATE INDEX shifts_by_user ON shifts(user_id, started_at);
