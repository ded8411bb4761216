"""What the steps use: the domain's words, tables, made-up data, and each area's set-up through the API."""
