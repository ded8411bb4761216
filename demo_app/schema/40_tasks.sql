-- Tasks: work items with a due date and an assignee, counted on the task dashboard.
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL,                          -- "Task Name"
  description TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT 'to_do',
  due_date TEXT,                               -- a community calendar date (YYYY-MM-DD), not an instant
  assignee_id INTEGER REFERENCES users(id),
  author_id INTEGER NOT NULL REFERENCES users(id),
  completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
  completed_at TEXT,                           -- UTC instant
  created_at TEXT NOT NULL                     -- UTC instant
);

CREATE INDEX tasks_by_assignee ON tasks(assignee_id);
CREATE INDEX tasks_by_author ON tasks(author_id);
