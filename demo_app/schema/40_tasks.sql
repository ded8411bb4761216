-- Tasks: the platform's flagged notes (Notes::Note with flagged = true), their assignees and comments.
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL,                          -- "Task Name"
  description TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT 'to_do',      -- "Task Type": to_do, call, email, message, form, …
  flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),  -- 1 = a task; 0 = a note about a person
  completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'not_started',  -- not_started, in_progress, needs_attention, at_risk, completed
  due_date TEXT,                               -- a community calendar date (YYYY-MM-DD), not an instant
  position INTEGER NOT NULL DEFAULT 1,         -- "Order Number" among a parent's sub-tasks
  author_id INTEGER NOT NULL REFERENCES users(id),
  user_id INTEGER REFERENCES users(id),        -- the person the task is about ("Task user"), if any
  parent_id INTEGER REFERENCES tasks(id),      -- set for a sub-task
  completed_at TEXT,                           -- UTC instant
  created_at TEXT NOT NULL                     -- UTC instant
);
CREATE INDEX tasks_by_author ON tasks(author_id);
CREATE INDEX tasks_by_parent ON tasks(parent_id);

-- Who a task is assigned to (one or more people); noteAssign adds or removes a row.
CREATE TABLE task_assignees (
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (task_id, user_id)
);
CREATE INDEX task_assignees_by_user ON task_assignees(user_id);

CREATE TABLE task_comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX task_comments_by_task ON task_comments(task_id);
