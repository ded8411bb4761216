"""The release gate: every issue verified on staging and signed off by a stakeholder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from prodready.core.verdicts import verdict
from prodready.release import rules
from prodready.release.contents import (
    Issue,
    MergeRequest,
    ReleaseContents,
    release_contents,
)
from prodready.release.gitlab_client import PER_PAGE, Connection


@dataclass
class IssueCheck:
    """One issue's standing: what it has and what it lacks."""

    issue: Issue
    verified: bool
    signed_off: bool
    problems: list[str]

    def to_dict(self) -> dict[str, Any]:
        """The issue entry of `gate --json`."""
        issue = self.issue
        return {
            "iid": issue.iid,
            "title": issue.title,
            "web_url": issue.web_url,
            "assignees": list(issue.assignees),
            "verified": self.verified,
            "signed_off": self.signed_off,
            "problems": list(self.problems),
            "project_id": issue.project_id,
            "labels": list(issue.labels),
            "merge_requests": [mr.iid for mr in issue.merge_requests],
            "reference": issue.reference,
        }


def blocker_dict(mr: MergeRequest) -> dict[str, Any]:
    """A `blockers` entry of `gate --json`: a merge request whose closing issues are unreadable."""
    return {
        "merge_request": mr.iid,
        "reference": mr.reference,
        "project_id": mr.project_id,
        "title": mr.title,
        "web_url": mr.web_url,
        "problems": list(mr.problems),
    }


@dataclass
class GateResult:
    """The gate's verdict over a release."""

    contents: ReleaseContents
    checks: list[IssueCheck]
    untracked_blocks: bool

    @property
    def reasons(self) -> list[str]:
        """Why the verdict is NO-GO, one line per issue (empty when GO)."""
        lines = [f"{c.issue.reference} {c.issue.title}: {'; '.join(c.problems)}" for c in self.checks if c.problems]
        lines += [
            f"merge request {mr.reference} {mr.title}: {'; '.join(mr.problems)}" for mr in self.contents.unreadable
        ]
        if self.untracked_blocks and self.contents.untracked:
            iids = ", ".join(mr.reference for mr in self.contents.untracked)
            lines.append(f"merge requests closing no issue (untracked_blocks = true): {iids}")
        return lines

    @property
    def verdict(self) -> str:
        """GO only when nothing blocks."""
        return verdict(self.reasons)

    def to_dict(self) -> dict[str, Any]:
        """The DESIGN.md `gate --json` shape (plus a few extra keys)."""
        contents = self.contents
        deployment = contents.from_deployment
        return {
            "verdict": self.verdict,
            "environment": contents.environment,
            "from_sha": contents.from_sha,
            "to_sha": contents.to_sha,
            "issues": [c.to_dict() for c in self.checks],
            "untracked_merge_requests": [
                {"iid": mr.iid, "title": mr.title, "web_url": mr.web_url} for mr in contents.untracked
            ],
            "ref": contents.ref,
            "from_deployment_id": deployment.id if deployment else None,
            "commit_count": contents.commit_count,
            "merge_request_count": len(contents.merge_requests),
            "untracked_blocks": self.untracked_blocks,
            "reasons": self.reasons,
            "blockers": [blocker_dict(mr) for mr in contents.unreadable],
        }


def run_gate(conn: Connection) -> GateResult:
    """Compute the release from GitLab and judge it."""
    return evaluate(conn, release_contents(conn))


def evaluate(conn: Connection, contents: ReleaseContents) -> GateResult:
    """Check each issue for the verified label and a stakeholder signoff (prodready.release.rules), reading
    from GitLab only what a rule still needs."""
    policy = conn.settings.policy
    approvals: dict[tuple[int, int], frozenset[str]] = {}
    checks = []
    for issue in contents.issues:
        verified = rules.verified(policy, issue.labels)
        signed_off = rules.signed_off(
            policy, issue.labels, _awards(conn, issue), _approvals(conn, issue.merge_requests, approvals)
        )
        checks.append(IssueCheck(issue, verified, signed_off, rules.problems(policy, issue.labels, signed_off)))
    return GateResult(contents, checks, conn.settings.untracked_blocks)


def _awards(conn: Connection, issue: Issue) -> Iterator[rules.Award]:
    """The award emoji on the issue, page by page as they are read."""
    with conn.call(f"listing award emoji of issue {issue.reference}"):
        awards = conn.project_of(issue.project_id).issues.get(issue.iid, lazy=True).awardemojis
        for award in awards.list(iterator=True, per_page=PER_PAGE):
            data = award.attributes
            yield rules.Award(data["name"], data["user"]["username"])


def _approvals(
    conn: Connection, merge_requests: list[MergeRequest], seen: dict[tuple[int, int], frozenset[str]]
) -> Iterator[frozenset[str]]:
    """Who approved each merge request, read once per merge request of the release."""
    for mr in merge_requests:
        key = (mr.project_id, mr.iid)
        if key not in seen:
            with conn.call(f"reading approvals of merge request {mr.reference}"):
                manager = conn.project_of(mr.project_id).mergerequests
                state = manager.get(mr.iid, lazy=True).approvals.get()
                seen[key] = frozenset(entry["user"]["username"] for entry in state.attributes.get("approved_by") or ())
        yield seen[key]
