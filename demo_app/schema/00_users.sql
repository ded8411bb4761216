-- People of the community. All instants in every table are UTC ISO-8601 text.
-- role is the platform's user_type; username and has_reset_password follow loginUsernamePassword.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  username TEXT UNIQUE,
  email TEXT UNIQUE,
  password_hash TEXT,
  has_reset_password INTEGER NOT NULL DEFAULT 1,
  role TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'valid',
  status TEXT NOT NULL DEFAULT 'active',
  phone TEXT UNIQUE,
  ext_ref_id TEXT,
  expires_at TEXT,
  created_at TEXT NOT NULL
);
