"""Browsers: the WebDriver factory, isolated sessions per person, actors, failure evidence."""
