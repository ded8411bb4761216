"""The tags a scenario may carry, and what the run does with them (DESIGN.md "Tags")."""

CHECKLIST_PREFIX = "checklist."  # @checklist.<area>.<item>: the checklist item it covers
READ_ONLY = "read_only"  # changes no data: the only scenarios allowed on a read-only target
NEEDS_CLOCK = "needs_clock"  # needs the reference app's test-only API (clock, reset, the past)
EXTRA = "extra"  # checks something beyond the checklist (no checklist tag needed)
ISSUE_PREFIX = "issue."  # @issue.<iid>: verifies a GitLab issue
DEFECT_PREFIX = "defect."  # @defect.<id>: red on the platform for the documented defect <id> (docs/platform-defects.md)
CAMERA = "camera"  # the guard's camera reads a QR code: skipped, named, where the browser cannot be given one
SECURITY = "security"  # who may do what, asked as an attacker would (features/security.feature): `-t @security`
