"""Tools for people who write scenarios: the step catalogue, nearest-step suggestions, feature checks."""
