"""Release operations on GitLab (python-gitlab): contents, gate, notify, schedule, remind, rollback, tag."""
