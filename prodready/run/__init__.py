"""Running the suite: behave's hooks, checks before a run, planning, workers and shards."""
