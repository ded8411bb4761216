-- People of the community. All instants in every table are UTC ISO-8601 text.
-- role is the platform's user_type; username and has_reset_password follow loginUsernamePassword.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  username TEXT UNIQUE,
  email TEXT UNIQUE,
  password_hash TEXT,
  has_reset_password INTEGER NOT NULL DEFAULT 1,
  -- Part of every token the person holds: raised at logout and at any password change, so that
  -- every token given before stops working (the platform's tokens never expire).
  token_version INTEGER NOT NULL DEFAULT 0,
  role TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'valid',
  status TEXT NOT NULL DEFAULT 'active',
  phone TEXT UNIQUE,
  ext_ref_id TEXT,
  expires_at TEXT,
  created_at TEXT NOT NULL
);
