-- People of the community. All instants in every table are UTC ISO-8601 text.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  email TEXT UNIQUE,
  password_hash TEXT,
  role TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'valid',
  status TEXT NOT NULL DEFAULT 'active',
  phone TEXT,
  created_at TEXT NOT NULL
);
