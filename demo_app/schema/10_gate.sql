-- Gate access: entry requests, the event log (the logbook), invitations of registered guests.
-- Names follow the platform's models (Logs::EntryRequest, Logs::EventLog, Logs::Invite + EntryTime).

-- A person at the gate: a visitor recorded by hand, or a guest an invitation registered.
CREATE TABLE entry_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id),   -- who made it: the guard, or the inviting host
  name TEXT NOT NULL,
  email TEXT, nrc TEXT, phone_number TEXT, vehicle_plate TEXT, company_name TEXT,
  reason TEXT, other_reason TEXT, temperature TEXT,
  source TEXT NOT NULL DEFAULT 'manual_entry' CHECK (source IN ('manual_entry', 'invitation')),
  guest_id INTEGER REFERENCES users(id),           -- the invited guest's user (invitations)
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved')),
  granted_state INTEGER NOT NULL DEFAULT 0 CHECK (granted_state IN (0, 1, 2)),  -- pending, granted, denied
  grantor_id INTEGER REFERENCES users(id),
  granted_at TEXT,
  created_at TEXT NOT NULL
);

-- The logbook: scans (user_entry), grants and denials (visitor_entry), observations (observation_log).
CREATE TABLE event_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subject TEXT NOT NULL CHECK (subject IN ('user_entry', 'visitor_entry', 'observation_log')),
  acting_user_id INTEGER NOT NULL REFERENCES users(id),
  ref_type TEXT CHECK (ref_type IN ('Users::User', 'Logs::EntryRequest')),
  ref_id INTEGER,
  ref_name TEXT,
  action TEXT,                 -- granted | denied (visitor_entry)
  note TEXT,                   -- the observation (observation_log)
  digital INTEGER,             -- a scan of the digital ID (1) or of a printed one (0)
  qr_timestamp INTEGER,        -- the scanned code's Date.now(), epoch milliseconds, within a sane range
  created_at TEXT NOT NULL
);
CREATE INDEX event_logs_newest ON event_logs (created_at DESC, id DESC);

-- An invitation: a host lets a guest in on a day (or on weekdays until a date), at a time of day.
-- starts_at/ends_at are the UTC instants of the first visit; the time of day they hold in
-- community time is the window on every visiting day (the platform's EntryTime).
CREATE TABLE invites (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  host_id INTEGER NOT NULL REFERENCES users(id),
  guest_id INTEGER NOT NULL REFERENCES users(id),
  entry_request_id INTEGER NOT NULL REFERENCES entry_requests(id),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  occurs_on TEXT NOT NULL DEFAULT '',   -- comma list of lower-case weekday names
  visit_end_date TEXT,                  -- UTC instant of the end of the last visiting day (repeats)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX invites_recent ON invites (updated_at DESC, id DESC);
