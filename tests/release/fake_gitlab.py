"""A fake GitLab: a real HTTP server on 127.0.0.1 speaking the v4 endpoints prodready uses.

Payloads follow GitLab's API documentation (fields python-gitlab and prodready read, plus the
usual neighbours); lists paginate with `page`/`per_page` and the X-Total / X-Next-Page / Link
headers. Every request is recorded; faults can be injected per path: HTTP errors (with
headers such as Retry-After), timeouts, malformed answers, redirects, and answers trickled one
byte at a time. Confidential issues are hidden from the token, as GitLab hides them from a user
without access: left out of closes_issues, 404 when read.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit
from zoneinfo import ZoneInfo

from croniter import croniter

BASE_TIME = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def iso(when: datetime) -> str:
    """GitLab's timestamp format."""
    return when.strftime("%Y-%m-%dT%H:%M:%S.000Z")


@dataclass
class Recorded:
    """One request as the server saw it."""

    method: str
    path: str  # decoded, without /api/v4
    query: dict[str, str]
    body: Any
    headers: dict[str, str]


@dataclass
class Fault:
    """An injected failure for requests whose path matches `path` (a regex)."""

    kind: int | str  # an HTTP status, "timeout", "malformed", "html", "trickle" (the body one
    # byte at a time) or "trickle-headers" (the status line and headers one byte at a time)
    path: str = ""
    method: str | None = None
    remaining: int | None = None  # None: every time
    message: str | None = None  # the error body's "message" (default: the status's reason)
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Retry-After, or Location


@dataclass
class FakeProject:
    """One project's state, with builders for the tests."""

    fake: FakeGitLab
    id: int
    path: str
    default_branch: str = "master"
    history: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, dict[str, str]] = field(default_factory=dict)  # sha → {path: change}
    deployments: list[dict[str, Any]] = field(default_factory=list)
    jobs: dict[int, dict[str, Any]] = field(default_factory=dict)
    mrs: dict[int, dict[str, Any]] = field(default_factory=dict)
    mr_commits: dict[int, list[str]] = field(default_factory=dict)
    mr_closes: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    mr_approvers: dict[int, list[str]] = field(default_factory=dict)
    issues: dict[int, dict[str, Any]] = field(default_factory=dict)
    awards: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    notes: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    schedules: dict[int, dict[str, Any]] = field(default_factory=dict)
    tags: list[dict[str, Any]] = field(default_factory=list)
    releases: list[dict[str, Any]] = field(default_factory=list)
    compare_timeout: bool = False  # GitLab gave up comparing (huge diffs)

    @property
    def web_url(self) -> str:
        return f"{self.fake.url}/{self.path}"

    @property
    def head(self) -> str:
        return self.history[-1]["id"]

    # --- builders ----------------------------------------------------------------------
    def commit(self, title: str, files: dict[str, str] | list[str] | None = None) -> str:
        """Append a commit to the default branch; files: {path: added|modified|deleted|renamed}."""
        n = len(self.history)
        sha = hashlib.sha1(f"{self.id}:{n}:{title}".encode()).hexdigest()
        when = iso(self.fake.tick())
        self.history.append(
            {
                "id": sha,
                "short_id": sha[:8],
                "created_at": when,
                "parent_ids": [self.history[-1]["id"]] if self.history else [],
                "title": title,
                "message": title + "\n",
                "author_name": "Dev Eloper",
                "author_email": "dev@example.com",
                "authored_date": when,
                "committer_name": "Dev Eloper",
                "committer_email": "dev@example.com",
                "committed_date": when,
                "trailers": {},
                "extended_trailers": {},
                "web_url": f"{self.web_url}/-/commit/{sha}",
            }
        )
        if isinstance(files, list):
            files = {p: "modified" for p in files}
        self.files[sha] = dict(files or {f"app/change_{n}.rb": "modified"})
        return sha

    def deploy(
        self,
        sha: str | None = None,
        *,
        status: str = "success",
        ref: str = "1.4.9",
        environment: str = "production",
        job_name: str = "production",
        with_job: bool = True,
    ) -> dict[str, Any]:
        """Record a deployment (and the job that made it) of `sha` (default: head)."""
        sha = sha or self.head
        did = 100 + len(self.deployments) + 1
        when = self.fake.tick()
        job = None
        if with_job:
            job = self._job(job_name, ref, sha, status="success" if status == "success" else status)
        deployment = {
            "id": did,
            "iid": len(self.deployments) + 1,
            "ref": ref,
            "sha": sha,
            "created_at": iso(when),
            "updated_at": iso(when + timedelta(minutes=5)),
            "finished_at": iso(when + timedelta(minutes=5)) if status == "success" else None,
            "status": status,
            "user": self.fake.user("deployer"),
            "environment": {
                "id": 9,
                "name": environment,
                "slug": environment,
                "external_url": "https://app.doublegdp.com",
                "state": "available",
                "tier": environment,
            },
            "deployable": job,
        }
        self.deployments.append(deployment)
        return deployment

    def _job(self, name: str, ref: str, sha: str, status: str) -> dict[str, Any]:
        jid = 1000 + len(self.jobs) + 1
        when = iso(self.fake.tick())
        commit = next((c for c in self.history if c["id"] == sha), {"id": sha})
        job = {
            "id": jid,
            "status": status,
            "stage": "deploy",
            "name": name,
            "ref": ref,
            "tag": True,
            "coverage": None,
            "allow_failure": False,
            "created_at": when,
            "started_at": when,
            "finished_at": when,
            "duration": 93.1,
            "queued_duration": 1.2,
            "user": self.fake.user("deployer"),
            "commit": commit,
            "pipeline": {
                "id": 5000 + jid,
                "iid": jid,
                "project_id": self.id,
                "sha": sha,
                "ref": ref,
                "status": status,
                "source": "push",
                "created_at": when,
                "updated_at": when,
                "web_url": f"{self.web_url}/-/pipelines/{5000 + jid}",
            },
            "web_url": f"{self.web_url}/-/jobs/{jid}",
            "artifacts": [],
            "runner": None,
            "artifacts_expire_at": None,
            "tag_list": [],
        }
        self.jobs[jid] = job
        return job

    def issue(
        self,
        iid: int,
        title: str,
        *,
        labels: tuple[str, ...] = (),
        assignees: tuple[str, ...] = (),
        confidential: bool = False,
    ) -> dict[str, Any]:
        """Create an issue (closed: its merge request merged); confidential: hidden from the token."""
        when = iso(self.fake.tick())
        users = [self.fake.user(a) for a in assignees]
        issue = {
            "id": 50000 + iid,
            "iid": iid,
            "project_id": self.id,
            "title": title,
            "description": f"As a user I want {title.lower()}.",
            "state": "closed",
            "created_at": when,
            "updated_at": when,
            "closed_at": when,
            "closed_by": self.fake.user("merger"),
            "labels": list(labels),
            "milestone": None,
            "assignees": users,
            "assignee": users[0] if users else None,
            "author": self.fake.user("reporter"),
            "type": "ISSUE",
            "issue_type": "issue",
            "user_notes_count": 0,
            "merge_requests_count": 1,
            "upvotes": 0,
            "downvotes": 0,
            "due_date": None,
            "confidential": confidential,
            "discussion_locked": None,
            "web_url": f"{self.web_url}/-/issues/{iid}",
            "time_stats": {
                "time_estimate": 0,
                "total_time_spent": 0,
                "human_time_estimate": None,
                "human_total_time_spent": None,
            },
            "task_completion_status": {"count": 0, "completed_count": 0},
            "has_tasks": False,
            "references": {"short": f"#{iid}", "relative": f"#{iid}", "full": f"{self.path}#{iid}"},
            "severity": "UNKNOWN",
            "moved_to_id": None,
            "service_desk_reply_to": None,
            "_links": {
                "self": f"{self.fake.url}/api/v4/projects/{self.id}/issues/{iid}",
                "notes": f"{self.fake.url}/api/v4/projects/{self.id}/issues/{iid}/notes",
                "award_emoji": f"{self.fake.url}/api/v4/projects/{self.id}/issues/{iid}/award_emoji",
                "project": f"{self.fake.url}/api/v4/projects/{self.id}",
            },
        }
        self.issues[iid] = issue
        self.awards[iid] = []
        self.notes[iid] = []
        return issue

    def merge(
        self,
        iid: int,
        title: str,
        *,
        closes: tuple[int | tuple[int, int], ...] = (),
        files: dict[str, str] | list[str] | None = None,
        approved_by: tuple[str, ...] = (),
        commits: int = 1,
    ) -> dict[str, Any]:
        """A merged merge request: its commits land on the default branch (merge commit last)."""
        shas = [self.commit(f"{title} (part {n + 1})", files if n == commits - 1 else None) for n in range(commits)]
        when = iso(self.fake.tick())
        mr = {
            "id": 80000 + iid,
            "iid": iid,
            "project_id": self.id,
            "title": title,
            "description": " ".join(f"Closes #{c}" for c in closes if isinstance(c, int)),
            "state": "merged",
            "created_at": when,
            "updated_at": when,
            "merged_by": self.fake.user("merger"),
            "merge_user": self.fake.user("merger"),
            "merged_at": when,
            "closed_by": None,
            "closed_at": None,
            "target_branch": self.default_branch,
            "source_branch": f"feature/{iid}",
            "user_notes_count": 1,
            "upvotes": 0,
            "downvotes": 0,
            "author": self.fake.user("dev"),
            "assignees": [],
            "assignee": None,
            "reviewers": [],
            "source_project_id": self.id,
            "target_project_id": self.id,
            "labels": [],
            "draft": False,
            "work_in_progress": False,
            "milestone": None,
            "merge_when_pipeline_succeeds": False,
            "merge_status": "can_be_merged",
            "detailed_merge_status": "not_open",
            "sha": shas[0],
            "merge_commit_sha": shas[-1],
            "squash_commit_sha": None,
            "discussion_locked": None,
            "should_remove_source_branch": True,
            "force_remove_source_branch": True,
            "reference": f"!{iid}",
            "references": {"short": f"!{iid}", "relative": f"!{iid}", "full": f"{self.path}!{iid}"},
            "web_url": f"{self.web_url}/-/merge_requests/{iid}",
            "time_stats": {
                "time_estimate": 0,
                "total_time_spent": 0,
                "human_time_estimate": None,
                "human_total_time_spent": None,
            },
            "squash": False,
            "squash_on_merge": False,
            "task_completion_status": {"count": 0, "completed_count": 0},
            "has_conflicts": False,
            "blocking_discussions_resolved": True,
        }
        self.mrs[iid] = mr
        self.mr_commits[iid] = shas
        self.mr_closes[iid] = [c if isinstance(c, tuple) else (self.id, c) for c in closes]
        self.mr_approvers[iid] = list(approved_by)
        return mr

    def award(self, issue_iid: int, name: str, username: str) -> None:
        when = iso(self.fake.tick())
        self.awards[issue_iid].append(
            {
                "id": next(self.fake.ids),
                "name": name,
                "user": self.fake.user(username),
                "created_at": when,
                "updated_at": when,
                "awardable_id": 50000 + issue_iid,
                "awardable_type": "Issue",
                "url": None,
            }
        )

    def note(self, issue_iid: int, body: str, author: str = "someone") -> dict[str, Any]:
        when = iso(self.fake.tick())
        note = {
            "id": next(self.fake.ids),
            "type": None,
            "body": body,
            "attachment": None,
            "author": self.fake.user(author),
            "created_at": when,
            "updated_at": when,
            "system": False,
            "noteable_id": 50000 + issue_iid,
            "noteable_type": "Issue",
            "project_id": self.id,
            "resolvable": False,
            "confidential": False,
            "internal": False,
            "imported": False,
            "imported_from": "none",
            "noteable_iid": issue_iid,
            "commands_changes": {},
        }
        self.notes[issue_iid].append(note)
        return note

    def schedule(
        self,
        description: str = "Push to production",
        *,
        cron: str = "0 10 * * 1-4",
        tz: str = "Africa/Lusaka",
        ref: str = "master",
        active: bool = True,
        sid: int | None = None,
    ) -> dict[str, Any]:
        sid = sid or next(self.fake.ids)
        when = iso(self.fake.tick())
        sched = {
            "id": sid,
            "description": description,
            "ref": f"refs/heads/{ref}",
            "cron": cron,
            "cron_timezone": tz,
            "next_run_at": None,
            "active": active,
            "created_at": when,
            "updated_at": when,
            "owner": self.fake.user("owner"),
            "last_pipeline": None,
            "variables": [],
        }
        self._refresh_next_run(sched)
        self.schedules[sid] = sched
        return sched

    def _refresh_next_run(self, sched: dict[str, Any]) -> None:
        if not croniter.is_valid(sched["cron"]):  # e.g. saved before GitLab validated crons
            sched["next_run_at"] = None
            return
        start = datetime.now(UTC).astimezone(ZoneInfo(sched["cron_timezone"]))
        nxt = croniter(sched["cron"], start).get_next(datetime).astimezone(UTC)
        sched["next_run_at"] = iso(nxt)

    def visible_issue(self, iid: int) -> dict[str, Any] | None:
        """The issue as the token sees it: confidential ones do not exist for it."""
        issue = self.issues.get(iid)
        return None if issue is None or issue["confidential"] else issue

    def tag(self, name: str, sha: str | None = None) -> dict[str, Any]:
        sha = sha or self.head
        commit = next(c for c in self.history if c["id"] == sha)
        tag = {
            "name": name,
            "message": "",
            "target": sha,
            "commit": commit,
            "release": None,
            "protected": False,
            "created_at": iso(self.fake.tick()),
        }
        self.tags.append(tag)
        return tag

    # --- lookups -----------------------------------------------------------------------
    def resolve(self, ref: str) -> int | None:
        """History index of a sha, short sha, branch or tag."""
        if ref in (self.default_branch, f"refs/heads/{self.default_branch}"):
            return len(self.history) - 1
        for tag in self.tags:
            if tag["name"] == ref:
                ref = tag["target"]
        for n, c in enumerate(self.history):
            if c["id"] == ref or (len(ref) >= 7 and c["id"].startswith(ref)):
                return n
        return None


class FakeGitLab:
    """The server. Use as a context manager or call start()/stop()."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.requests: list[Recorded] = []
        self.faults: list[Fault] = []
        self.projects: dict[int, FakeProject] = {}
        self.timeout_delay = 5.0
        self.trickle_interval = 0.2  # seconds between bytes: well under any read timeout
        self.ids = itertools.count(700)
        self._clock = BASE_TIME
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        # A short poll interval: shutdown() waits for it (0.5 s by default, per test).
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.01,), daemon=True)

    def start(self) -> FakeGitLab:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # releases handlers sleeping in a timeout fault
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeGitLab:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- test API ----------------------------------------------------------------------
    def add_project(
        self, path: str = "doublegdp/app", *, id: int = 13905080, default_branch: str = "master"
    ) -> FakeProject:
        project = FakeProject(self, id, path, default_branch)
        self.projects[id] = project
        return project

    def inject(
        self,
        kind: int | str,
        path: str = "",
        *,
        method: str | None = None,
        times: int | None = None,
        message: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Fail requests whose decoded path matches the regex `path` (default: all)."""
        self.faults.append(Fault(kind, path, method, times, message, dict(headers or {})))

    def redirect(self, path: str, location: str, *, status: int = 302, times: int | None = None) -> None:
        """Answer requests matching `path` with a redirect to `location` (a full URL)."""
        self.inject(status, path, times=times, headers={"Location": location})

    def tick(self) -> datetime:
        self._clock += timedelta(minutes=7)
        return self._clock

    def user(self, username: str) -> dict[str, Any]:
        uid = int(hashlib.sha1(username.encode()).hexdigest()[:6], 16)
        return {
            "id": uid,
            "username": username,
            "name": username.title(),
            "state": "active",
            "locked": False,
            "avatar_url": f"{self.url}/uploads/-/system/user/avatar/{uid}.png",
            "web_url": f"{self.url}/{username}",
        }

    def calls(self, method: str | None = None, path: str = "") -> list[Recorded]:
        """Recorded requests filtered by method and a path regex."""
        return [r for r in self.requests if (method is None or r.method == method) and re.search(path, r.path)]

    # --- request handling --------------------------------------------------------------
    def project(self, pid: str) -> FakeProject | None:
        key = unquote(pid)
        for project in self.projects.values():
            if key in (str(project.id), project.path):
                return project
        return None

    def fault_for(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.method not in (None, method) or not re.search(fault.path, path):
                    continue
                if fault.remaining is not None:
                    if fault.remaining <= 0:
                        continue
                    fault.remaining -= 1
                return fault
        return None


Handler = Callable[["FakeGitLab", "_Request"], "tuple[int, Any]"]


@dataclass
class _Request:
    method: str
    project: FakeProject
    groups: dict[str, str]
    query: dict[str, str]
    body: Any


def _handler_for(fake: FakeGitLab) -> type[BaseHTTPRequestHandler]:
    class GitLabHandler(BaseHTTPRequestHandler):
        server_version = "nginx"

        def log_message(self, *args: Any) -> None:  # keep pytest output clean
            pass

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def do_PUT(self) -> None:
            self._serve("PUT")

        def _serve(self, method: str) -> None:
            parts = urlsplit(self.path)
            raw_path = parts.path.removeprefix("/api/v4")
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            length = int(self.headers.get("Content-Length") or 0)
            raw_body = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw_body) if raw_body else None
            except ValueError:
                body = raw_body.decode(errors="replace")
            fake.requests.append(Recorded(method, unquote(raw_path), query, body, dict(self.headers.items())))
            fault = fake.fault_for(method, unquote(raw_path))
            if fault is not None and fault.kind == "timeout":
                fake._stop.wait(fake.timeout_delay)  # longer than the client's timeout
            elif fault is not None and fault.kind == "malformed":
                return self._send(200, b'{"id": 1, "name": "app", "oops', "application/json")
            elif fault is not None and fault.kind == "html":
                return self._send(200, b"<html><body>Sign in</body></html>", "text/html")
            elif fault is not None and fault.kind in ("trickle", "trickle-headers"):
                return self._trickle(headers_too=fault.kind == "trickle-headers")
            elif fault is not None:
                status = int(fault.kind)
                text = fault.message or f"{status} {_REASONS.get(status, 'Error')}"
                return self._json(status, {"message": text}, fault.headers)
            if self.headers.get("PRIVATE-TOKEN") != fake.token:
                return self._json(401, {"message": "401 Unauthorized"})
            for verb, pattern, handler in _ROUTES:
                match = pattern.fullmatch(raw_path)
                if verb != method or not match:
                    continue
                groups = match.groupdict()
                project = fake.project(groups.pop("pid"))
                if project is None:
                    return self._json(404, {"message": "404 Project Not Found"})
                status, payload = handler(fake, _Request(method, project, groups, query, body))
                if isinstance(payload, _Page):
                    return self._page(payload.items, query)
                return self._json(status, payload)
            return self._json(404, {"error": "404 Not Found"})

        def _trickle(self, *, headers_too: bool) -> None:
            """A valid answer sent one byte per trickle_interval: every read gets data in time."""
            body = b"[" + b" " * 2000 + b"]"
            head = (
                f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode()
            slow = head + body if headers_too else body
            try:
                if not headers_too:
                    self.wfile.write(head)
                for n in range(len(slow)):
                    self.wfile.write(slow[n : n + 1])
                    self.wfile.flush()
                    if fake._stop.wait(fake.trickle_interval):
                        return  # the server stops: so does the trickle
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _page(self, items: list[Any], query: dict[str, str]) -> None:
            per_page = min(int(query.get("per_page") or 20), 100)
            page = max(int(query.get("page") or 1), 1)
            pages = max(1, -(-len(items) // per_page))
            chunk = items[(page - 1) * per_page : page * per_page]
            headers = {
                "X-Total": str(len(items)),
                "X-Total-Pages": str(pages),
                "X-Per-Page": str(per_page),
                "X-Page": str(page),
                "X-Next-Page": str(page + 1) if page < pages else "",
                "X-Prev-Page": str(page - 1) if page > 1 else "",
            }
            base = fake.url + urlsplit(self.path).path

            def link(n: int) -> str:
                return base + "?" + urlencode({**query, "page": n, "per_page": per_page})

            links = [f'<{link(1)}>; rel="first"', f'<{link(pages)}>; rel="last"']
            if page < pages:
                links.insert(0, f'<{link(page + 1)}>; rel="next"')
            if page > 1:
                links.insert(0, f'<{link(page - 1)}>; rel="prev"')
            headers["Link"] = ", ".join(links)
            self._json(200, chunk, headers)

        def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
            self._send(status, json.dumps(payload).encode(), "application/json", headers)

        def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout fault)

    return GitLabHandler


_REASONS = {
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


@dataclass
class _Page:
    items: list[Any]


# --- endpoint handlers ------------------------------------------------------------------------


def _project(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    p = req.project
    name = p.path.rsplit("/", 1)[-1]
    namespace = p.path.rsplit("/", 1)[0]
    return 200, {
        "id": p.id,
        "description": "The community platform",
        "name": name,
        "name_with_namespace": f"{namespace} / {name}",
        "path": name,
        "path_with_namespace": p.path,
        "created_at": iso(BASE_TIME),
        "default_branch": p.default_branch,
        "tag_list": [],
        "topics": [],
        "ssh_url_to_repo": f"git@127.0.0.1:{p.path}.git",
        "http_url_to_repo": f"{p.web_url}.git",
        "web_url": p.web_url,
        "readme_url": f"{p.web_url}/-/blob/{p.default_branch}/README.md",
        "avatar_url": None,
        "forks_count": 0,
        "star_count": 3,
        "last_activity_at": iso(BASE_TIME),
        "namespace": {
            "id": 77,
            "name": namespace,
            "path": namespace,
            "kind": "group",
            "full_path": namespace,
            "parent_id": None,
            "web_url": f"{fake.url}/groups/{namespace}",
        },
        "visibility": "private",
        "archived": False,
        "empty_repo": not p.history,
        "_links": {"self": f"{fake.url}/api/v4/projects/{p.id}"},
    }


def _deployments(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    q = req.query
    items = [
        d
        for d in req.project.deployments
        if q.get("environment") in (None, d["environment"]["name"]) and q.get("status") in (None, d["status"])
    ]
    key = q.get("order_by", "id")
    if key == "finished_at" and q.get("status") != "success":
        return 400, {"message": "finished_at ordering requires status=success"}
    items.sort(key=lambda d: (d[key] or "", d["id"]), reverse=q.get("sort", "asc") == "desc")
    return 200, _Page(items)


def _commit(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    n = req.project.resolve(unquote(req.groups["ref"]))
    if n is None:
        return 404, {"message": "404 Commit Not Found"}
    return 200, req.project.history[n]


def _commit_mrs(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    p = req.project
    sha = req.groups["sha"]
    if p.resolve(sha) is None:
        return 404, {"message": "404 Commit Not Found"}
    return 200, _Page([p.mrs[iid] for iid, shas in p.mr_commits.items() if sha in shas])


def _compare(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    p = req.project
    start, end = p.resolve(req.query.get("from", "")), p.resolve(req.query.get("to", ""))
    if start is None or end is None:
        return 404, {"message": "404 Ref Not Found"}
    straight = req.query.get("straight") == "true"
    lo, hi = (min(start, end), max(start, end)) if straight else (start, end)
    commits = p.history[lo + 1 : hi + 1]
    changed: dict[str, str] = {}
    for c in commits:
        changed.update(p.files[c["id"]])
    diffs = [
        {
            "old_path": path,
            "new_path": path,
            "a_mode": "100644",
            "b_mode": "100644",
            "diff": f"@@ -1 +1 @@\n-old\n+new {path}\n",
            "collapsed": False,
            "too_large": False,
            "new_file": change == "added",
            "renamed_file": change == "renamed",
            "deleted_file": change == "deleted",
            "generated_file": False,
        }
        for path, change in changed.items()
    ]
    return 200, {
        "commit": p.history[end] if commits else None,
        "commits": commits,
        "diffs": [] if p.compare_timeout else diffs,
        "compare_timeout": p.compare_timeout,
        "compare_same_ref": start == end,
        "web_url": f"{p.web_url}/-/compare/{req.query['from']}...{req.query['to']}",
    }


def _closes_issues(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    iid = int(req.groups["iid"])
    if iid not in req.project.mrs:
        return 404, {"message": "404 Merge Request Not Found"}
    issues = [fake.projects[pid].visible_issue(i) for pid, i in req.project.mr_closes[iid]]
    return 200, _Page([issue for issue in issues if issue is not None])


def _issue(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    issue = req.project.visible_issue(int(req.groups["iid"]))
    if issue is None:
        return 404, {"message": "404 Not found"}
    return 200, issue


def _approvals(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    iid = int(req.groups["iid"])
    mr = req.project.mrs.get(iid)
    if mr is None:
        return 404, {"message": "404 Merge Request Not Found"}
    approved = req.project.mr_approvers[iid]
    return 200, {
        "id": mr["id"],
        "iid": iid,
        "project_id": req.project.id,
        "title": mr["title"],
        "description": mr["description"],
        "state": mr["state"],
        "created_at": mr["created_at"],
        "updated_at": mr["updated_at"],
        "merge_status": mr["merge_status"],
        "approved": bool(approved),
        "approvals_required": 1,
        "approvals_left": 0 if approved else 1,
        "require_password_to_approve": False,
        "approved_by": [{"user": fake.user(u)} for u in approved],
        "suggested_approvers": [],
        "approvers": [],
        "approver_groups": [],
        "user_has_approved": False,
        "user_can_approve": False,
        "approval_rules_left": [],
        "has_approval_rules": False,
        "merge_request_approvers_available": True,
        "multiple_approval_rules_available": True,
        "invalid_approvers_rules": [],
    }


def _issue_child(collection: str) -> Handler:
    def handler(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
        iid = int(req.groups["iid"])
        if iid not in req.project.issues:
            return 404, {"message": "404 Issue Not Found"}
        items = getattr(req.project, collection)[iid]
        if req.method == "POST":
            return 201, req.project.note(iid, req.body["body"], author="prodready-bot")
        return 200, _Page(items)

    return handler


def _schedules(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    p = req.project
    if req.method == "POST":
        b = req.body
        sched = p.schedule(
            b["description"],
            cron=b["cron"],
            tz=b.get("cron_timezone", "UTC"),
            ref=b["ref"].removeprefix("refs/heads/"),
            active=b.get("active", True),
        )
        return 201, sched
    return 200, _Page(
        [{k: v for k, v in s.items() if k not in ("last_pipeline", "variables")} for s in p.schedules.values()]
    )


def _schedule(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    sched = req.project.schedules.get(int(req.groups["sid"]))
    if sched is None:
        return 404, {"message": "404 Pipeline Schedule Not Found"}
    if req.method == "PUT":
        for key, value in (req.body or {}).items():
            sched[key] = f"refs/heads/{value.removeprefix('refs/heads/')}" if key == "ref" else value
        sched["updated_at"] = iso(fake.tick())
        req.project._refresh_next_run(sched)
    return 200, sched


def _play(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    if int(req.groups["sid"]) not in req.project.schedules:
        return 404, {"message": "404 Pipeline Schedule Not Found"}
    return 201, {"message": "201 Created"}


def _retry(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    job = req.project.jobs.get(int(req.groups["jid"]))
    if job is None:
        return 404, {"message": "404 Job Not Found"}
    new = req.project._job(job["name"], job["ref"], job["commit"]["id"], status="pending")
    return 201, new


def _tags(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    p = req.project
    if req.method == "POST":
        b = req.body
        n = p.resolve(b["ref"])
        if n is None:
            return 400, {"message": "Target " + b["ref"] + " is invalid"}
        if any(t["name"] == b["tag_name"] for t in p.tags):
            return 400, {"message": f"Tag {b['tag_name']} already exists"}
        tag = p.tag(b["tag_name"], p.history[n]["id"])
        tag["message"] = b.get("message", "")
        return 201, tag
    items = list(p.tags)
    if req.query.get("order_by") == "version":

        def version(t: dict[str, Any]) -> tuple[int, ...]:
            return tuple(int(x) for x in re.findall(r"\d+", t["name"])) or (-1,)

        items.sort(key=version, reverse=req.query.get("sort", "desc") == "desc")
    return 200, _Page(items)


def _releases(fake: FakeGitLab, req: _Request) -> tuple[int, Any]:
    p = req.project
    b = req.body
    tag = next((t for t in p.tags if t["name"] == b["tag_name"]), None)
    if tag is None:
        return 422, {"message": "Ref is not specified"}
    release = {
        "tag_name": b["tag_name"],
        "description": b.get("description", ""),
        "name": b.get("name", b["tag_name"]),
        "created_at": iso(fake.tick()),
        "released_at": iso(fake.tick()),
        "upcoming_release": False,
        "author": fake.user("prodready-bot"),
        "commit": tag["commit"],
        "milestones": [],
        "commit_path": f"/{p.path}/-/commit/{tag['target']}",
        "tag_path": f"/{p.path}/-/tags/{quote(b['tag_name'])}",
        "assets": {"count": 0, "sources": [], "links": []},
        "evidences": [],
        "_links": {
            "self": f"{p.web_url}/-/releases/{quote(b['tag_name'])}",
            "edit_url": f"{p.web_url}/-/releases/{quote(b['tag_name'])}/edit",
        },
    }
    tag["release"] = {"tag_name": b["tag_name"], "description": release["description"]}
    p.releases.append(release)
    return 201, release


_P = r"/projects/(?P<pid>[^/]+)"
_ROUTES: list[tuple[str, re.Pattern[str], Handler]] = [
    (verb, re.compile(_P + path), handler)
    for verb, path, handler in [
        ("GET", r"", _project),
        ("GET", r"/deployments", _deployments),
        ("GET", r"/repository/commits/(?P<sha>[0-9a-f]+)/merge_requests", _commit_mrs),
        ("GET", r"/repository/commits/(?P<ref>[^/]+)", _commit),
        ("GET", r"/repository/compare", _compare),
        ("GET", r"/merge_requests/(?P<iid>\d+)/closes_issues", _closes_issues),
        ("GET", r"/merge_requests/(?P<iid>\d+)/approvals", _approvals),
        ("GET", r"/issues/(?P<iid>\d+)", _issue),
        ("GET", r"/issues/(?P<iid>\d+)/award_emoji", _issue_child("awards")),
        ("GET", r"/issues/(?P<iid>\d+)/notes", _issue_child("notes")),
        ("POST", r"/issues/(?P<iid>\d+)/notes", _issue_child("notes")),
        ("GET", r"/pipeline_schedules", _schedules),
        ("POST", r"/pipeline_schedules", _schedules),
        ("GET", r"/pipeline_schedules/(?P<sid>\d+)", _schedule),
        ("PUT", r"/pipeline_schedules/(?P<sid>\d+)", _schedule),
        ("POST", r"/pipeline_schedules/(?P<sid>\d+)/play", _play),
        ("POST", r"/jobs/(?P<jid>\d+)/retry", _retry),
        ("GET", r"/repository/tags", _tags),
        ("POST", r"/repository/tags", _tags),
        ("POST", r"/releases", _releases),
    ]
]
