"""prodready: production-readiness acceptance suite and release tooling for the community platform."""
