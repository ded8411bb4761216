"""The release subcommands of `prodready`: gate, schedule, remind, rollback, deploy-tag.

Each `add_<name>_parser(subparsers)` adds a parser (with `parents=[COMMON]`) and sets
`handler=<function(args) -> int>`; handlers raise ReleaseError (or a subclass) for expected
failures, which prodready.cli turns into one line and a distinct exit code.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from prodready.core import exit_codes
from prodready.core.verdicts import GO
from prodready.release import notify, remind, render, rollback, schedule, tagging
from prodready.release.errors import ConfigError
from prodready.release.gate import run_gate
from prodready.release.options import COMMON, RANGE, connect_from, print_result

EXIT_OK, EXIT_BLOCKED = exit_codes.OK, exit_codes.NO_GO


# --- subcommands ---------------------------------------------------------------------------


def add_gate_parser(subparsers: Any) -> None:
    """`prodready gate`."""
    p = subparsers.add_parser(
        "gate",
        parents=[COMMON, RANGE],
        help="GO / NO-GO for the release's issues",
        description="List the issues the release closes (merged since the last successful "
        "deployment), each with verified / signed off / assignees / problems, and "
        "give the verdict: exit 0 GO, 1 NO-GO.",
    )
    p.add_argument(
        "--notify",
        action="store_true",
        help="post a note on each issue telling its assignees when the deploy runs (once per release and deploy time)",
    )
    p.set_defaults(handler=cmd_gate)


def cmd_gate(args: argparse.Namespace) -> int:
    """Judge the release; optionally notify the assignees."""
    conn = connect_from(args)
    # With --notify, the deploy time is found first: a missing schedule fails before any output.
    deploy = schedule.deploy_time(conn) if args.notify else None
    result = run_gate(conn)
    data = result.to_dict()
    if deploy is not None:
        data["notified"] = [o.to_dict() for o in notify.notify(conn, result, *deploy)]
    print_result(args, data, render.gate_text)
    if args.notify and not args.json:
        print(render.notified_text(data["notified"]))
    return EXIT_OK if result.verdict == GO else EXIT_BLOCKED


def add_schedule_parser(subparsers: Any) -> None:
    """`prodready schedule ACTION`."""
    p = subparsers.add_parser(
        "schedule",
        parents=[COMMON],
        help="the 'Push to production' pipeline schedule",
        description="status: active, cron, timezone, next run in UTC and community time; "
        "pause / resume: set active false / true; run-now: play it now (needs "
        "--yes); ensure: create or correct it (and its reminder schedule) from "
        "[release].",
    )
    p.add_argument("action", choices=["status", "pause", "resume", "run-now", "ensure"])
    p.add_argument("--yes", action="store_true", help="confirm run-now (deploys production)")
    p.add_argument(
        "--ref", default=None, help="branch for ensure (default: deploy_ref or the project's default branch)"
    )
    p.set_defaults(handler=cmd_schedule)


def cmd_schedule(args: argparse.Namespace) -> int:
    """Dispatch the schedule action."""
    if args.action == "run-now" and not args.yes:
        raise ConfigError("schedule run-now starts a production deploy: add --yes to confirm")
    conn = connect_from(args)
    if args.action == "status":
        print_result(args, schedule.status(conn), render.schedule_text)
    elif args.action in ("pause", "resume"):
        done = schedule.set_active(conn, args.action == "resume")
        print_result(
            args,
            done,
            lambda d: (
                f"Schedule {d['description']!r} (id {d['id']}): "
                f"{'active' if d['active'] else 'paused'}"
                f"{'' if d['changed'] else ' (already)'}"
            ),
        )
    elif args.action == "run-now":
        done = schedule.run_now(conn)
        print_result(
            args,
            done,
            lambda d: f"Schedule {d['description']!r} (id {d['id']}) played: follow it at {d['pipelines_url']}",
        )
    else:
        print_result(args, {"schedules": schedule.ensure(conn)}, lambda d: render.ensure_text(d["schedules"]))
    return EXIT_OK


def add_remind_parser(subparsers: Any) -> None:
    """`prodready remind`."""
    p = subparsers.add_parser(
        "remind",
        parents=[COMMON, RANGE],
        help="the reminder before the deploy",
        description="The issues of the upcoming release still lacking the verified label or "
        "signoff, with assignees and the deploy time: posted to the Slack webhook "
        "in PRODREADY_SLACK_WEBHOOK, or printed when it is unset. A failed post "
        "exits 3.",
    )
    p.add_argument("--dry-run", action="store_true", help="print the message, post nothing")
    p.set_defaults(handler=cmd_remind)


def cmd_remind(args: argparse.Namespace) -> int:
    """Build and deliver the reminder."""
    conn = connect_from(args)
    result = remind.remind(conn, dry_run=args.dry_run)
    print_result(args, result, lambda d: d["text"] + ("\n(posted to Slack)" if d["posted"] else ""))
    return EXIT_OK


def add_rollback_parser(subparsers: Any) -> None:
    """`prodready rollback check|run`."""
    p = subparsers.add_parser(
        "rollback",
        parents=[COMMON],
        help="check or run a rollback to the previous deployment",
        description="check: the current and previous successful deployments and the changes "
        "between them a redeploy would not undo ([release] rollback_blocking_paths)"
        "; exit 0 SAFE, 1 BLOCKED. run: retry the previous deployment's deploy job "
        "(needs --yes; refused while BLOCKED unless --force).",
    )
    p.add_argument("action", choices=["check", "run"])
    p.add_argument("--yes", action="store_true", help="confirm run (redeploys production)")
    p.add_argument("--force", action="store_true", help="run even while BLOCKED")
    p.set_defaults(handler=cmd_rollback)


def cmd_rollback(args: argparse.Namespace) -> int:
    """Check, or check then redeploy."""
    if args.action == "run" and not args.yes:
        raise ConfigError("rollback run redeploys production: add --yes to confirm")
    conn = connect_from(args)
    result = rollback.check(conn)
    if args.action == "check" or (result.blockers and not args.force):
        data = result.to_dict()
        if args.action == "run":
            data["refused"] = "BLOCKED: pass --force to redeploy anyway"
        print_result(args, data, render.rollback_text)
        if args.action == "run" and not args.json:
            print("Rollback refused: the changes above could prevent it; --force to override.")
        return EXIT_OK if result.verdict == rollback.SAFE else EXIT_BLOCKED
    done = rollback.redeploy(conn, result)
    print_result(
        args,
        done,
        lambda d: (
            render.rollback_text(d) + "\n"
            f"Redeploying deployment {d['previous']['deployment_id']} "
            f"({d['previous']['ref']}): job {d['job']['id']} {d['job']['web_url']}"
        ),
    )
    return EXIT_OK


def add_deploy_tag_parser(subparsers: Any) -> None:
    """`prodready deploy-tag` (the CI deploy step)."""
    p = subparsers.add_parser(
        "deploy-tag",
        parents=[COMMON, RANGE],
        help="tag the gated release (CI deploy step)",
        description="Re-run the gate; when GO, create the next version tag (patch+1, 9 rolls "
        "over) on the gated commit with one 'iid url title' line per issue, and a "
        "release whose notes are a table Issue ID | URL | Title. NO-GO exits 1 "
        "without tagging.",
    )
    p.add_argument("--dry-run", action="store_true", help="show the tag and notes, create nothing")
    p.set_defaults(handler=cmd_deploy_tag)


def cmd_deploy_tag(args: argparse.Namespace) -> int:
    """Gate, then tag and release."""
    conn = connect_from(args)
    gate = run_gate(conn)
    if gate.verdict != GO:
        print_result(args, gate.to_dict(), lambda d: render.gate_text(d) + "\nNot tagged.")
        return EXIT_BLOCKED
    result = tagging.create_release_tag(conn, gate, dry_run=args.dry_run)
    print_result(args, result, _tag_text)
    return EXIT_OK


def _tag_text(result: dict[str, Any]) -> str:
    """Human output of deploy-tag."""
    if result["action"] in ("nothing to release", "already tagged"):
        return f"{result['action']}: {result['tag'] or result['to_sha'][:8]}; no tag created"
    return (
        f"{result['action']} tag {result['tag']} on {result['to_sha'][:8]} "
        f"(after {result['previous_tag'] or 'no tag'})\n\n{result['release_notes']}"
    )


RELEASE_SUBCOMMANDS: list[Callable[[Any], None]] = [
    add_gate_parser,
    add_schedule_parser,
    add_remind_parser,
    add_rollback_parser,
    add_deploy_tag_parser,
]
