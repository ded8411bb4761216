"""The release gate: every issue verified on staging and signed off by a stakeholder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prodready.release.contents import (
    Issue,
    MergeRequest,
    ReleaseContents,
    release_contents,
)
from prodready.release.gitlab_client import PER_PAGE, Connection

GO, NO_GO = "GO", "NO-GO"


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
        return NO_GO if self.reasons else GO

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
    """Check each issue for the verified label and a stakeholder signoff."""
    settings = conn.settings
    approvals: dict[tuple[int, int], bool] = {}
    checks = []
    for issue in contents.issues:
        verified = settings.verified_label in issue.labels
        signed_off = _signed_off(conn, issue, approvals)
        problems = []
        if not verified:
            problems.append(_missing_label(settings.verified_label, issue.labels))
        if not signed_off:
            hint = signoff_hint(conn)
            if "label" in settings.signoff_rules:
                hint += _case_note(settings.signoff_label, issue.labels, "; ")
            problems.append(f"no stakeholder signoff ({hint})")
        checks.append(IssueCheck(issue, verified, signed_off, problems))
    return GateResult(contents, checks, settings.untracked_blocks)


def _missing_label(label: str, labels: tuple[str, ...]) -> str:
    """Why `label` does not count: absent, or present only in another case (GitLab keeps both)."""
    return _case_note(label, labels, "") or f"missing label {label}"


def _case_note(label: str, labels: tuple[str, ...], prefix: str) -> str:
    """`label 'x' differs in case from 'X'` when such a near miss is on the issue, else ''."""
    near = [name for name in labels if name != label and name.casefold() == label.casefold()]
    return f"{prefix}label {near[0]!r} differs in case from {label!r}" if near else ""


def signoff_hint(conn: Connection) -> str:
    """What would count as signoff, in words."""
    settings = conn.settings
    words = {
        "label": f"label {settings.signoff_label}",
        "award_emoji": f":{settings.signoff_emoji}: from a stakeholder",
        "approval": "an approval by a stakeholder",
    }
    return "needs " + " or ".join(words[rule] for rule in settings.signoff_rules)


def _signed_off(conn: Connection, issue: Issue, approvals: dict[tuple[int, int], bool]) -> bool:
    """Any configured rule is enough; cheap checks first, GitLab calls only when needed."""
    rules = conn.settings.signoff_rules
    if "label" in rules and conn.settings.signoff_label in issue.labels:
        return True
    if "award_emoji" in rules and _emoji_from_stakeholder(conn, issue):
        return True
    if "approval" in rules:
        for mr in issue.merge_requests:
            key = (mr.project_id, mr.iid)
            if key not in approvals:
                approvals[key] = _approved_by_stakeholder(conn, mr)
            if approvals[key]:
                return True
    return False


def _emoji_from_stakeholder(conn: Connection, issue: Issue) -> bool:
    """Whether a stakeholder awarded the signoff emoji on the issue."""
    settings = conn.settings
    with conn.call(f"listing award emoji of issue {issue.reference}"):
        awards = conn.project_of(issue.project_id).issues.get(issue.iid, lazy=True).awardemojis
        for award in awards.list(iterator=True, per_page=PER_PAGE):
            data = award.attributes
            if data["name"] == settings.signoff_emoji and data["user"]["username"] in settings.stakeholders:
                return True
    return False


def _approved_by_stakeholder(conn: Connection, mr: MergeRequest) -> bool:
    """Whether a stakeholder approved the merge request."""
    with conn.call(f"reading approvals of merge request {mr.reference}"):
        manager = conn.project_of(mr.project_id).mergerequests
        state = manager.get(mr.iid, lazy=True).approvals.get()
        approvers = {entry["user"]["username"] for entry in state.attributes.get("approved_by") or ()}
    return bool(approvers & set(conn.settings.stakeholders))
