"""What a release ships, computed from GitLab: deployment → candidate ref → merged MRs → issues."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from prodready.release.closing import closing_issues, issue_path
from prodready.release.errors import NotFoundError
from prodready.release.gitlab_client import PER_PAGE, Connection, json_object


@dataclass(frozen=True)
class Deployment:
    """A deployment to an environment, with the job that made it (the one a rollback retries)."""

    id: int
    sha: str
    ref: str
    finished_at: str | None
    job_id: int | None
    job_name: str | None
    job_web_url: str | None

    @classmethod
    def from_api(cls, data: dict[str, Any]) -> Deployment:
        """Build from GitLab's deployment payload (`deployable` is null for API-made ones)."""
        job = data.get("deployable") or {}
        return cls(
            id=int(data["id"]),
            sha=str(data["sha"]),
            ref=str(data["ref"]),
            finished_at=data.get("finished_at") or data.get("updated_at"),
            job_id=int(job["id"]) if job.get("id") is not None else None,
            job_name=job.get("name"),
            job_web_url=job.get("web_url"),
        )

    def summary(self) -> dict[str, Any]:
        """The `{"sha", "ref", "deployment_id"}` shape of the JSON outputs."""
        return {
            "sha": self.sha,
            "ref": self.ref,
            "deployment_id": self.id,
            "finished_at": self.finished_at,
            "job_id": self.job_id,
        }


@dataclass
class MergeRequest:
    """A merge request merged into the release, and the issues it closes."""

    project_id: int
    iid: int
    title: str
    web_url: str
    description: str = ""
    project_path: str = ""  # group/app: completes `app#12`-style references
    reference: str = ""  # `!21`, or `group/other!21` from another project
    closes: list[tuple[int, int]] = field(default_factory=list)  # (project_id, issue iid)
    problems: list[str] = field(default_factory=list)  # closing issues that could not be read

    def __post_init__(self) -> None:
        self.reference = self.reference or f"!{self.iid}"


@dataclass
class Issue:
    """An issue closed by a merge request of the release."""

    project_id: int
    iid: int
    title: str
    web_url: str
    labels: tuple[str, ...]
    assignees: tuple[str, ...]
    reference: str = ""  # `#12`, or `group/other#12` from another project
    merge_requests: list[MergeRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reference = self.reference or f"#{self.iid}"


@dataclass
class ReleaseContents:
    """The release from `from_sha` (what runs now) to `to_sha` (the candidate)."""

    environment: str
    ref: str
    from_sha: str
    to_sha: str
    from_deployment: Deployment | None
    commit_count: int
    merge_requests: list[MergeRequest]
    issues: list[Issue]

    @property
    def untracked(self) -> list[MergeRequest]:
        """Merge requests that close no issue: they ship unverified by construction."""
        return [mr for mr in self.merge_requests if not mr.closes and not mr.problems]

    @property
    def unreadable(self) -> list[MergeRequest]:
        """Merge requests with closing issues the token cannot read: they block the release."""
        return [mr for mr in self.merge_requests if mr.problems]


def successful_deployments(conn: Connection, limit: int) -> list[Deployment]:
    """The latest `limit` successful deployments to the environment, newest first."""
    env = conn.settings.environment
    with conn.call(f"listing successful deployments to {env}"):
        # iterator=True fetches lazily: only the first page is requested for the top few.
        pages = conn.project.deployments.list(
            environment=env,
            status="success",
            order_by="finished_at",
            sort="desc",
            per_page=max(limit, 2),
            iterator=True,
        )
        return [Deployment.from_api(d.attributes) for d in itertools.islice(pages, limit)]


def release_contents(conn: Connection) -> ReleaseContents:
    """Compute the release: range, merged merge requests, closed issues."""
    settings = conn.settings
    ref = conn.default_ref
    from_deployment = None
    from_sha = settings.from_sha
    if not from_sha:
        found = successful_deployments(conn, 1)
        if not found:
            raise NotFoundError(
                f"no successful deployment to {settings.environment!r} in {settings.project}: "
                f"pass --from SHA to name the first release's starting commit"
            )
        from_deployment = found[0]
        from_sha = from_deployment.sha
    to_sha = _resolve(conn, ref)
    origin = f"deployment {from_deployment.id}" if from_deployment else "--from"
    with conn.call(
        f"comparing {from_sha[:12]}...{to_sha[:12]}",
        not_found=f"commit {from_sha} ({origin}) not found in {settings.project}",
    ):
        compare = json_object(conn.project.repository_compare(from_sha, to_sha))
        commits = [str(c["id"]) for c in compare["commits"]]
    merge_requests = _merged_merge_requests(conn, commits)
    issues = _closed_issues(conn, merge_requests)
    return ReleaseContents(
        environment=settings.environment,
        ref=ref,
        from_sha=from_sha,
        to_sha=to_sha,
        from_deployment=from_deployment,
        commit_count=len(commits),
        merge_requests=merge_requests,
        issues=issues,
    )


def _resolve(conn: Connection, ref: str) -> str:
    """The commit sha a branch, tag or sha names."""
    with conn.call(f"resolving {ref}", not_found=f"ref {ref!r} not found in {conn.settings.project}"):
        return str(conn.project.commits.get(ref).id)


def _merged_merge_requests(conn: Connection, commits: list[str]) -> list[MergeRequest]:
    """Merged merge requests that brought any of the commits (squash, merge or fast-forward)."""
    found: dict[tuple[int, int], MergeRequest] = {}
    for sha in commits:
        with conn.call(f"listing merge requests of commit {sha[:12]}"):
            related = conn.project.commits.get(sha, lazy=True).merge_requests(get_all=True, per_page=PER_PAGE)
            for data in related:
                key = (int(data["project_id"]), int(data["iid"]))
                if data["state"] == "merged" and key not in found:
                    found[key] = _merge_request(conn, data)
    return sorted(found.values(), key=lambda mr: (mr.project_id, mr.iid))


def _merge_request(conn: Connection, data: dict[str, Any]) -> MergeRequest:
    """A MergeRequest from GitLab's payload."""
    project_id, iid = int(data["project_id"]), int(data["iid"])
    full = str((data.get("references") or {}).get("full") or "")
    path = (
        full.rpartition("!")[0]
        if "!" in full
        else (urlsplit(str(data["web_url"])).path.strip("/").partition("/-/merge_requests/")[0])
    )
    ours = project_id == conn.project.id
    return MergeRequest(
        project_id=project_id,
        iid=iid,
        title=str(data["title"]),
        web_url=str(data["web_url"]),
        description=str(data.get("description") or ""),
        project_path=path,
        reference=f"!{iid}" if ours or not path else f"{path}!{iid}",
    )


def _closed_issues(conn: Connection, merge_requests: list[MergeRequest]) -> list[Issue]:
    """The issues the merge requests close, each once, with the merge requests closing it."""
    issues: dict[tuple[int, int], Issue] = {}
    for mr in merge_requests:
        found, problems = closing_issues(conn, mr)
        mr.problems.extend(problems)
        for data in found:
            with conn.call(f"reading the issues closed by merge request {mr.reference}"):
                key = (int(data["project_id"]), int(data["iid"]))
                if key not in issues:
                    issues[key] = _issue(conn, data)
            issues[key].merge_requests.append(mr)
            mr.closes.append(key)
    return sorted(issues.values(), key=lambda issue: (issue.project_id, issue.iid))


def _issue(conn: Connection, data: dict[str, Any]) -> Issue:
    """An Issue from GitLab's payload; one from another project is referenced with its path."""
    project_id, iid = int(data["project_id"]), int(data["iid"])
    path = issue_path(data)
    return Issue(
        project_id=project_id,
        iid=iid,
        title=str(data["title"]),
        web_url=str(data["web_url"]),
        labels=tuple(str(label) for label in data.get("labels") or ()),
        assignees=tuple(str(a["username"]) for a in data.get("assignees") or ()),
        reference=f"#{iid}" if project_id == conn.project.id or not path else f"{path}#{iid}",
    )
