"""Shared constants and release scenarios for the release tests (importable by test modules)."""

from __future__ import annotations

from fake_gitlab import FakeGitLab, FakeProject

TOKEN = "glpat-SeCrEt-T0KEN-never-print-me"
VERIFIED, SIGNED = "Staging::Verified", "Stakeholder::Signed-off"


def build_production_history(fake: FakeGitLab) -> FakeProject:
    """doublegdp/app: 1.4.8 then 1.4.9 deployed to production (and staging), tags, schedules."""
    p = fake.add_project("doublegdp/app", id=13905080)
    first = p.commit("Initial platform", {"Gemfile": "added", "db/schema.rb": "added"})
    p.tag("1.4.8", first)
    p.deploy(first, ref="1.4.8")
    p.issue(90, "Old shipped issue", labels=(VERIFIED, SIGNED), assignees=("zed",))
    p.merge(10, "Old shipped work", closes=(90,))
    p.tag("1.4.9")
    p.deploy(ref="1.4.9")
    p.deploy(ref="1.4.9", environment="staging", job_name="staging:appdeploy")
    p.schedule("Nightly acceptance", cron="0 2 * * *")
    p.schedule("Push to production")
    return p


def ready_release(p: FakeProject) -> None:
    """Two merged merge requests closing three issues, all verified and signed off."""
    p.issue(101, "Guard logs a manual entry with observation", labels=(VERIFIED, SIGNED), assignees=("alice",))
    p.issue(
        102, "Payments dashboard shows plan balance", labels=(VERIFIED, SIGNED, "payments"), assignees=("bob", "carol")
    )
    p.issue(103, "Timesheet lists all shifts", labels=(VERIFIED, SIGNED), assignees=("dave",))
    p.merge(21, "Manual entry observation field", closes=(101,), commits=2)
    p.merge(22, "Payments and timesheet fixes", closes=(102, 103))
