"""The target the suite judges: the platform's API, the reference app's test-only API, the embedded app."""
