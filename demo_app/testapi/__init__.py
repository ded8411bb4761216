"""The test-only API: what a live deployment cannot offer (reset, the community clock, the past).

Mounted only when TEST_API_TOKEN is set (the suite's embedded `demo` target); the `twin` target and
live deployments run without it. Every route is added to `base.bp` with `base.route`, in the module
of its area, and listed here once.
"""

from . import base, timesheet  # noqa: F401  (the area modules add their routes to base.bp)

bp = base.bp
