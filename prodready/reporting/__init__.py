"""The readiness verdict and its reports (JSON, self-contained HTML, history)."""
