"""The issues a merge request closes, including the ones the token cannot read.

GitLab's closes_issues list silently leaves out issues the token may not see (confidential
ones, other projects'): the merge request would look like it closes nothing and ship ungated.
So the closing references in its title and description are read too, and every one that is
neither listed nor readable becomes a problem of the merge request: a blocker, never a pass.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import gitlab

from prodready.release.gitlab_client import PER_PAGE, Connection

if TYPE_CHECKING:
    from prodready.release.contents import MergeRequest

# GitLab's default issue closing pattern (gitlab.yml `issue_closing_pattern`), in Python.
_KEYWORD = r"(?:[Cc]los(?:e[sd]?|ing)|[Ff]ix(?:e[sd]|ing)?|[Rr]esolv(?:e[sd]?|ing)|[Ii]mplement(?:s|ed|ing)?)"
_REF = r"(?:https?://\S+?/-/issues/\d+|[\w.\-/]*#\d+)"
_CLAUSE = re.compile(rf"\b{_KEYWORD}:? +((?:(?:issues? +)?{_REF}(?: *,? +and +| *,? *)?)+)")
_ONE = re.compile(r"(?P<url>https?://\S+?/-/issues/(?P<url_iid>\d+))|(?P<path>[\w.\-/]*)#(?P<iid>\d+)")
# What GitLab answers for an issue or list the token may not read: forbidden, or hidden as absent.
_UNREADABLE = (403, 404)

Ref = tuple[str, int]  # (project path, lower case; "" for the merge request's own project, iid)


def closing_issues(conn: Connection, mr: MergeRequest) -> tuple[list[dict[str, Any]], list[str]]:
    """The payloads of the issues `mr` closes, and what could not be read (the MR's problems)."""
    listed = _listed(conn, mr)
    if listed is None:
        return [], ["GitLab refuses to list the issues it closes to this token (403/404)"]
    found = {_ref_of(mr, data): data for data in listed}
    problems = []
    for ref in closing_refs(conn, mr):
        if ref in found:
            continue
        data = _read(conn, mr, ref)
        if data is None:
            problems.append(f"closes {_show(ref)}, which this token cannot read (confidential, missing or no access)")
        else:  # referenced as closing but left out of the list: gate it all the same
            found[ref] = data
    unique = {(int(d["project_id"]), int(d["iid"])): d for d in found.values()}
    return list(unique.values()), problems


def closing_refs(conn: Connection, mr: MergeRequest) -> list[Ref]:
    """The issues the title and description say the merge request closes (GitLab's pattern)."""
    refs: list[Ref] = []
    for clause in _CLAUSE.finditer(f"{mr.title}\n{mr.description}"):
        for one in _ONE.finditer(clause[1]):
            ref = (
                _url_ref(conn, mr, one["url"], int(one["url_iid"]))
                if one["url"]
                else (_full_path(mr, one["path"]), int(one["iid"]))
            )
            if ref is not None and ref not in refs:
                refs.append(ref)
    return refs


def _listed(conn: Connection, mr: MergeRequest) -> list[dict[str, Any]] | None:
    """GitLab's closes_issues list; None when the token may not read it."""
    with conn.call(f"listing issues closed by merge request {mr.reference}"):
        manager = conn.project_of(mr.project_id).mergerequests
        try:
            items = manager.get(mr.iid, lazy=True).closes_issues(per_page=PER_PAGE)
            # An external tracker's issue (Jira) has no iid: not ours to gate.
            return [item.attributes for item in items if "iid" in item.attributes]
        except gitlab.exceptions.GitlabError as exc:
            if exc.response_code in _UNREADABLE:
                return None
            raise


def _read(conn: Connection, mr: MergeRequest, ref: Ref) -> dict[str, Any] | None:
    """One referenced issue's payload; None when the token may not read it."""
    path, iid = ref
    with conn.call(f"reading issue {_show(ref)} closed by merge request {mr.reference}"):
        project = conn.gl.projects.get(path, lazy=True) if path else conn.project_of(mr.project_id)
        try:
            return dict(project.issues.get(iid).attributes)
        except gitlab.exceptions.GitlabError as exc:
            if exc.response_code in _UNREADABLE:
                return None
            raise


def _ref_of(mr: MergeRequest, data: dict[str, Any]) -> Ref:
    """The Ref of a listed issue: "" for the merge request's project, else its path."""
    if int(data["project_id"]) == mr.project_id:
        return "", int(data["iid"])
    return issue_path(data).lower(), int(data["iid"])


def issue_path(data: dict[str, Any]) -> str:
    """The project path of an issue payload (`references.full`, else its web_url)."""
    full = str((data.get("references") or {}).get("full") or "")
    if "#" in full:
        return full.rpartition("#")[0]
    return urlsplit(str(data.get("web_url", ""))).path.strip("/").partition("/-/issues/")[0]


def _full_path(mr: MergeRequest, path: str) -> str:
    """A reference's project path: "" for the MR's own, `app` completed with the MR's group."""
    own = mr.project_path.lower()
    path = path.lower().strip("/")
    if "/" not in path and path and own:
        path = f"{own.rpartition('/')[0]}/{path}".strip("/")
    return "" if path in ("", own) else path


def _url_ref(conn: Connection, mr: MergeRequest, url: str, iid: int) -> Ref | None:
    """The Ref of an issue URL on our GitLab; None for another server's (GitLab ignores those)."""
    base, target = urlsplit(conn.settings.gitlab_url), urlsplit(url)
    if target.netloc.lower() != base.netloc.rpartition("@")[2].lower():
        return None
    path = target.path.removeprefix(base.path).strip("/").partition("/-/issues/")[0]
    return _full_path(mr, path), iid


def _show(ref: Ref) -> str:
    """`#12` or `group/app#12`."""
    return f"{ref[0]}#{ref[1]}"
