-- Forms (modules/Forms): an admin builds a form out of categories holding properties (fields),
-- publishes it, and people submit it (form_users) with one value per property.
-- Names follow the platform's GraphQL types: Form, Category, FormProperties, FormUsers.

CREATE TABLE forms (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'deleted')),
  preview INTEGER NOT NULL DEFAULT 0 CHECK (preview IN (0, 1)),
  is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
  multiple_submissions_allowed INTEGER NOT NULL DEFAULT 1 CHECK (multiple_submissions_allowed IN (0, 1)),
  has_terms_and_conditions INTEGER NOT NULL DEFAULT 0 CHECK (has_terms_and_conditions IN (0, 1)),
  expires_at TEXT,                       -- UTC instant, or NULL for a form that never expires
  version_number INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT
);

-- A category groups properties; its rendered text (with #fieldname placeholders) is the preview.
CREATE TABLE form_categories (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  form_id INTEGER NOT NULL REFERENCES forms(id),
  field_name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  rendered_text TEXT NOT NULL DEFAULT '',
  header_visible INTEGER NOT NULL DEFAULT 0 CHECK (header_visible IN (0, 1)),
  general INTEGER NOT NULL DEFAULT 0 CHECK (general IN (0, 1)),
  order_no INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

-- A property (field). field_value: JSON list of {"value", "label"} options for radio, checkbox, dropdown.
-- Field names are unique in a form: the filled-in form names and finds its inputs by them.
CREATE TABLE form_properties (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  form_id INTEGER NOT NULL REFERENCES forms(id),
  category_id INTEGER NOT NULL REFERENCES form_categories(id),
  field_name TEXT NOT NULL,
  field_type TEXT NOT NULL,
  field_value TEXT NOT NULL DEFAULT '[]',
  required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  admin_use INTEGER NOT NULL DEFAULT 0 CHECK (admin_use IN (0, 1)),
  short_desc TEXT NOT NULL DEFAULT '',
  long_desc TEXT NOT NULL DEFAULT '',
  order_no INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  UNIQUE (form_id, field_name COLLATE NOCASE)
);

-- One person's answers to a form: a draft until submitted, then pending until approved or rejected.
CREATE TABLE form_users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  form_id INTEGER NOT NULL REFERENCES forms(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'approved', 'rejected')),
  version_number INTEGER NOT NULL DEFAULT 1,
  has_agreed_to_terms INTEGER NOT NULL DEFAULT 0 CHECK (has_agreed_to_terms IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX form_users_by_form ON form_users (form_id, status);
CREATE INDEX form_users_by_user ON form_users (user_id);

-- The value given for one property (a checkbox answer is a JSON list of the options ticked).
CREATE TABLE user_form_properties (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  form_user_id INTEGER NOT NULL REFERENCES form_users(id),
  form_property_id INTEGER NOT NULL REFERENCES form_properties(id),
  value TEXT NOT NULL
);
