"""Rollback: what changed since the previous deployment that a redeploy would not undo; redeploy."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any

from prodready.release.contents import Deployment
from prodready.release.errors import ConfigError, GitLabError, NotFoundError
from prodready.release.gitlab_client import PER_PAGE, Connection, json_object

SAFE, BLOCKED = "SAFE", "BLOCKED"


@dataclass
class RollbackCheck:
    """The current and previous deployments and the blocking changes between them."""

    current: Deployment
    previous: Deployment
    changed_paths: list[str]
    blockers: list[dict[str, Any]] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        """SAFE when nothing a redeploy cannot undo changed."""
        return BLOCKED if self.blockers else SAFE

    def to_dict(self) -> dict[str, Any]:
        """The `rollback check --json` shape."""
        return {
            "verdict": self.verdict,
            "current": self.current.summary(),
            "previous": self.previous.summary(),
            "blockers": self.blockers,
            "changed_files": len(self.changed_paths),
        }


def previous_pair(conn: Connection) -> tuple[Deployment, Deployment]:
    """The current deployment and the latest earlier one of *different* code.

    A redeploy of the same sha (a retried job, an earlier rollback) is not a version to go back to.
    """
    env = conn.settings.environment
    current: Deployment | None = None
    with conn.call(f"listing successful deployments to {env}"):
        for item in conn.project.deployments.list(
            environment=env,
            status="success",
            order_by="finished_at",
            sort="desc",
            per_page=PER_PAGE,
            iterator=True,
        ):
            deployment = Deployment.from_api(item.attributes)
            if current is None:
                current = deployment
            elif deployment.sha != current.sha:
                return current, deployment
    where = f"to {env!r} in {conn.settings.project}"
    if current is None:
        raise NotFoundError(f"no successful deployment {where}: nothing to roll back")
    raise NotFoundError(f"no earlier successful deployment of other code {where}: nothing to roll back to")


def check(conn: Connection) -> RollbackCheck:
    """Compare the two deployments' trees and match every changed path against the globs."""
    current, previous = previous_pair(conn)
    with conn.call(f"comparing deployments {previous.id} and {current.id}"):
        # straight=true: the direct difference of the two trees, both directions, whatever
        # their ancestry (a hotfix deployed from a branch included).
        compare = json_object(conn.project.repository_compare(previous.sha, current.sha, straight="true"))
        diffs = list(compare["diffs"])
        timed_out = bool(compare.get("compare_timeout"))
        changes = [(_change(d), d["old_path"], d["new_path"]) for d in diffs]
    result = RollbackCheck(current, previous, sorted({p for _, o, n in changes for p in (o, n)}))
    if timed_out:
        # GitLab gave up comparing: the list may be partial, so nothing can be called safe.
        result.blockers.append(
            {
                "path": None,
                "pattern": None,
                "change": "unknown",
                "reason": "GitLab's comparison timed out: changes unknown",
            }
        )
    for change, old, new in changes:
        for path in dict.fromkeys((new, old)):
            pattern = _matching(path, conn.settings.rollback_blocking_paths)
            if pattern:
                result.blockers.append({"path": path, "pattern": pattern, "change": change})
                break
    return result


def redeploy(conn: Connection, result: RollbackCheck) -> dict[str, Any]:
    """Retry the previous deployment's deploy job (what GitLab's own "Rollback" button does)."""
    previous = result.previous
    if previous.job_id is None:
        raise NotFoundError(f"deployment {previous.id} has no job to retry (made through the API?)")
    if previous.job_name != conn.settings.deploy_job:
        raise ConfigError(
            f"deployment {previous.id} was made by job {previous.job_name!r}, "
            f"not deploy_job {conn.settings.deploy_job!r}: refusing to retry it"
        )
    with conn.call(
        f"retrying job {previous.job_id}", not_found=f"job {previous.job_id} of deployment {previous.id} not found"
    ):
        job = conn.project.jobs.get(previous.job_id, lazy=True).retry()
        web_url = str(job["web_url"])
        new_job = {"id": int(job["id"]), "web_url": web_url, "status": str(job.get("status", ""))}
    if not web_url.startswith(("http://", "https://")):
        raise GitLabError("malformed answer from GitLab while retrying the deploy job (no URL)")
    return {**result.to_dict(), "job": new_job}


def _change(diff: dict[str, Any]) -> str:
    """added / deleted / renamed / modified."""
    if diff.get("new_file"):
        return "added"
    if diff.get("deleted_file"):
        return "deleted"
    if diff.get("renamed_file"):
        return "renamed"
    return "modified"


def _matching(path: str, patterns: tuple[str, ...]) -> str | None:
    """The first glob matching the path (`*` and `**` both cross `/`, like fnmatch)."""
    for pattern in patterns:
        if fnmatch.fnmatchcase(path, pattern):
            return pattern
    return None
