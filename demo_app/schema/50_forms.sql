-- Forms: an admin builds a form (fields in order) and publishes it; people submit entries.

CREATE TABLE forms (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  published_at TEXT
);

-- A field ("form property"). options: a JSON list of strings, for dropdown, radio and checkbox.
CREATE TABLE form_fields (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  form_id INTEGER NOT NULL REFERENCES forms(id),
  name TEXT NOT NULL,
  field_type TEXT NOT NULL CHECK (field_type IN ('text', 'date', 'dropdown', 'radio', 'checkbox')),
  required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  options TEXT NOT NULL DEFAULT '[]',
  position INTEGER NOT NULL,
  UNIQUE (form_id, name COLLATE NOCASE)
);

-- One submission of a form, and its values (checkbox values: a JSON list).
CREATE TABLE form_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  form_id INTEGER NOT NULL REFERENCES forms(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  created_at TEXT NOT NULL
);

CREATE TABLE form_values (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id INTEGER NOT NULL REFERENCES form_entries(id),
  field_id INTEGER NOT NULL REFERENCES form_fields(id),
  value TEXT NOT NULL
);
