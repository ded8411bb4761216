"""The "Push to production" pipeline schedule: find, status, pause, resume, run now, ensure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import croniter

from prodready.release.errors import ConfigError, GitLabError, NotFoundError
from prodready.release.gitlab_client import PER_PAGE, Connection


@dataclass(frozen=True)
class Schedule:
    """A pipeline schedule as GitLab reports it."""

    id: int
    description: str
    active: bool
    cron: str
    cron_timezone: str
    ref: str

    @classmethod
    def from_api(cls, data: dict[str, Any]) -> Schedule:
        """Build from GitLab's payload; newer GitLab reports `ref` as refs/heads/NAME."""
        return cls(
            id=int(data["id"]),
            description=str(data["description"]),
            active=bool(data["active"]),
            cron=str(data["cron"]),
            cron_timezone=str(data.get("cron_timezone") or "UTC"),
            ref=branch_name(str(data["ref"])),
        )


def branch_name(ref: str) -> str:
    """`refs/heads/master` → `master` (GitLab accepts and reports both forms)."""
    return ref.removeprefix("refs/heads/")


def find_schedule(conn: Connection, description: str) -> Schedule:
    """The one schedule with exactly this description."""
    with conn.call(f"listing pipeline schedules of {conn.settings.project}"):
        found = [
            Schedule.from_api(s.attributes)
            for s in conn.project.pipelineschedules.list(iterator=True, per_page=PER_PAGE)
            if s.attributes.get("description") == description
        ]
    if not found:
        raise NotFoundError(
            f"no pipeline schedule {description!r} in {conn.settings.project}: "
            f"create it with `prodready schedule ensure`"
        )
    if len(found) > 1:
        ids = ", ".join(str(s.id) for s in found)
        raise ConfigError(f"{len(found)} pipeline schedules named {description!r} (ids {ids}): keep one")
    return found[0]


def next_run(cron: str, tz_name: str, now: datetime | None = None) -> datetime:
    """The next time the cron fires in its timezone, as an aware UTC datetime."""
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"timezone {tz_name!r} is not an IANA timezone name") from None
    start = (now or datetime.now(UTC)).astimezone(zone)
    try:
        return croniter(cron, start).get_next(datetime).astimezone(UTC)
    except (ValueError, KeyError, IndexError):  # croniter's errors are ValueErrors, mostly
        raise ConfigError(f"cron {cron!r} is not a valid cron expression") from None


def schedule_next_run(sched: Schedule, now: datetime | None = None) -> datetime:
    """next_run of a schedule as GitLab holds it; a bad cron or timezone there names it."""
    try:
        return next_run(sched.cron, sched.cron_timezone, now)
    except ConfigError as exc:
        raise ConfigError(
            f"pipeline schedule {sched.description!r} (id {sched.id}): {exc}; "
            f"correct it in GitLab or run `prodready schedule ensure`"
        ) from None


def format_time(when: datetime, tz_name: str) -> str:
    """`2026-11-30 10:00 CAT (Africa/Lusaka)`; UTC is shown as `… 08:00 UTC`."""
    local = when.astimezone(ZoneInfo(tz_name))
    text = local.strftime("%a %Y-%m-%d %H:%M %Z")
    return text if tz_name == "UTC" else f"{text} ({tz_name})"


def status(conn: Connection, now: datetime | None = None) -> dict[str, Any]:
    """Active, cron, timezone and the next run in UTC and community time."""
    sched = find_schedule(conn, conn.settings.schedule_description)
    when = schedule_next_run(sched, now)
    community = conn.settings.community_timezone
    return {
        "id": sched.id,
        "description": sched.description,
        "active": sched.active,
        "cron": sched.cron,
        "cron_timezone": sched.cron_timezone,
        "ref": sched.ref,
        # A paused schedule has no next run; the cron's next time is still worth showing.
        "next_run_utc": when.isoformat() if sched.active else None,
        "next_cron_time_utc": when.isoformat(),
        "next_run_text": format_time(when, "UTC"),
        "next_run_community": format_time(when, community),
        "community_timezone": community,
    }


def set_active(conn: Connection, active: bool) -> dict[str, Any]:
    """Pause (active=false) or resume (active=true) the deploy schedule."""
    sched = find_schedule(conn, conn.settings.schedule_description)
    with conn.call(f"updating pipeline schedule {sched.id}"):
        # update() PUTs only the given field, like the page's "edit, mark inactive, save".
        answer = conn.project.pipelineschedules.update(sched.id, {"active": active})
        confirmed = bool(answer["active"])
    if confirmed is not active:
        raise GitLabError(f"GitLab did not apply active={str(active).lower()} to schedule {sched.id}")
    return {
        "id": sched.id,
        "description": sched.description,
        "active": confirmed,
        "changed": sched.active is not active,
    }


def run_now(conn: Connection) -> dict[str, Any]:
    """Play the deploy schedule now (the page's emergency "play" button)."""
    sched = find_schedule(conn, conn.settings.schedule_description)
    with conn.call(f"playing pipeline schedule {sched.id}"):
        # play() overwrites the object it is called on (python-gitlab): use a throwaway one.
        conn.project.pipelineschedules.get(sched.id, lazy=True).play()
    return {
        "id": sched.id,
        "description": sched.description,
        "played": True,
        "pipelines_url": f"{conn.project.web_url}/-/pipelines?source=schedule",
    }


def reminder_cron(cron: str, minutes: int) -> str:
    """The cron firing `minutes` before `cron`, for a plain `M H …` cron on the same day."""
    fields = cron.split()
    if len(fields) != 5 or not (fields[0].isdigit() and fields[1].isdigit()):
        raise ConfigError(f"cannot derive the reminder time from schedule_cron {cron!r}: use a plain minute and hour")
    total = int(fields[1]) * 60 + int(fields[0]) - minutes
    if total < 0:
        raise ConfigError(f"the reminder {minutes} min before {cron!r} falls on the day before")
    return " ".join([str(total % 60), str(total // 60), *fields[2:]])


def ensure(conn: Connection) -> list[dict[str, Any]]:
    """Create or correct the deploy schedule and its reminder schedule from the config."""
    settings = conn.settings
    ref = conn.default_ref
    wanted = [
        (settings.schedule_description, settings.schedule_cron),
        (
            settings.reminder_schedule_description,
            reminder_cron(settings.schedule_cron, settings.reminder_minutes_before),
        ),
    ]
    return [_ensure_one(conn, description, cron, ref) for description, cron in wanted]


def _ensure_one(conn: Connection, description: str, cron: str, ref: str) -> dict[str, Any]:
    """Create the schedule, or update the fields that differ; `active` is left as people set it."""
    tz = conn.settings.schedule_timezone
    try:
        sched = find_schedule(conn, description)
    except NotFoundError:
        with conn.call(f"creating pipeline schedule {description!r}"):
            created = conn.project.pipelineschedules.create(
                {"description": description, "ref": ref, "cron": cron, "cron_timezone": tz, "active": True}
            )
        return {
            "description": description,
            "id": created.id,
            "action": "created",
            "changes": {"cron": [None, cron], "cron_timezone": [None, tz], "ref": [None, ref]},
        }
    current = {"cron": sched.cron, "cron_timezone": sched.cron_timezone, "ref": sched.ref}
    target = {"cron": cron, "cron_timezone": tz, "ref": ref}
    changes = {k: [current[k], v] for k, v in target.items() if current[k] != v}
    if changes:
        with conn.call(f"updating pipeline schedule {sched.id}"):
            conn.project.pipelineschedules.update(sched.id, {k: v[1] for k, v in changes.items()})
    return {
        "description": description,
        "id": sched.id,
        "action": "updated" if changes else "unchanged",
        "changes": changes,
    }


def deploy_time(conn: Connection, now: datetime | None = None) -> tuple[datetime, bool]:
    """When the deploy schedule runs next (UTC) and whether it is active."""
    sched = find_schedule(conn, conn.settings.schedule_description)
    return schedule_next_run(sched, now), sched.active


def minutes_until(when: datetime, now: datetime | None = None) -> int:
    """Whole minutes from now until `when` (rounded, never negative)."""
    delta = when - (now or datetime.now(UTC))
    return max(0, round(delta / timedelta(minutes=1)))
