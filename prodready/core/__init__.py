"""The bottom layer: configuration, secrets and their masking, the production checklist, exit codes."""
