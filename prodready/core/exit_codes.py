"""The exit codes of every prodready command and of a behave run, in one place.

0 GO / done · 1 NO-GO / blocked / scenarios failed · 2 usage or configuration error ·
3 GitLab or network error · 4 the thing named was not found.
"""

OK = 0
NO_GO = 1
CONFIG = 2
GITLAB = 3
NOT_FOUND = 4
