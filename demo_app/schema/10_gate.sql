-- Gate access: entries, observations, registered guests.

-- One row per gate event: a scan, a manual entry, a registered guest's entry.
CREATE TABLE entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('digital_scan', 'print_scan', 'manual', 'registered_guest')),
  status TEXT NOT NULL CHECK (status IN ('granted', 'denied')),
  subject_user_id INTEGER REFERENCES users(id),
  guest_id INTEGER REFERENCES guests(id),
  visitor_name TEXT NOT NULL,
  acting_user_id INTEGER NOT NULL REFERENCES users(id),
  email TEXT, nrc TEXT, phone TEXT, vehicle TEXT, company TEXT, reason TEXT,
  temperature REAL,
  qr_timestamp_ms INTEGER,
  created_at TEXT NOT NULL
);

CREATE TABLE observations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id INTEGER REFERENCES entries(id),
  note TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);

-- A registered guest: one visit (visit date) or a weekly repeat until a date.
CREATE TABLE guests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  phone TEXT NOT NULL,
  company TEXT,
  starts_at TEXT NOT NULL,        -- UTC instant of the first visit's start
  ends_at TEXT NOT NULL,          -- UTC instant of the first visit's end
  repeat_days TEXT NOT NULL DEFAULT '',   -- comma list of lowercase weekday names
  repeats_until TEXT,             -- UTC instant at the end of the last day, when repeating
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
  invited_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
