"""The `prodready` command line.

Adding a subcommand: write `add_<name>_parser(subparsers)`, which adds a parser (with
`parents=[COMMON]` for --config/--gitlab-url/--project/--environment/--json) and sets
`handler=<function(args) -> int>`; then append it to SUBCOMMANDS. Handlers return an exit
code and raise ReleaseError (or a subclass) for expected failures: main() turns those into
one line on stderr through die(), the single error exit.

Exit codes: 0 GO / done · 1 NO-GO / blocked · 2 usage or configuration error ·
3 GitLab or network error · 4 the thing named was not found.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from prodready.core import exit_codes
from prodready.release import notify, remind, render, rollback, schedule, tagging
from prodready.release.errors import ConfigError, ReleaseError, UsageError
from prodready.release.gate import GO, run_gate
from prodready.release.gitlab_client import Connection, connect
from prodready.release.settings import load_settings
from prodready.release.usage import Parser, usage_message

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE, EXIT_GITLAB, EXIT_NOT_FOUND = (exit_codes.OK, exit_codes.NO_GO, exit_codes.CONFIG,
                                                                exit_codes.GITLAB, exit_codes.NOT_FOUND)


def _common_options() -> argparse.ArgumentParser:
    """Options every subcommand takes, before or after its name.

    SUPPRESS defaults: a subparser does not overwrite a value given before the subcommand.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help="config file (env PRODREADY_CONFIG; default ./prodready.toml)")
    common.add_argument("--gitlab-url", default=argparse.SUPPRESS, metavar="URL",
                        help="GitLab base URL (env GITLAB_URL; [release] gitlab_url)")
    common.add_argument("--project", default=argparse.SUPPRESS, metavar="PATH_OR_ID",
                        help="GitLab project, e.g. group/app (env PRODREADY_GITLAB_PROJECT)")
    common.add_argument("--environment", default=argparse.SUPPRESS, metavar="NAME",
                        help="deployment environment ([release] environment; default production)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON for machines instead of tables")
    return common


COMMON = _common_options()
COMMON_DEFAULTS: dict[str, Any] = {"config": None, "gitlab_url": None, "project": None,
                                   "environment": None, "json": False}


def _range_options() -> argparse.ArgumentParser:
    """The release range: candidate ref and starting commit."""
    rng = argparse.ArgumentParser(add_help=False)
    rng.add_argument("--ref", default=None,
                     help="candidate branch, tag or sha ([release] deploy_ref; "
                          "default: the project's default branch)")
    rng.add_argument("--from", dest="from_sha", default=None, metavar="SHA",
                     help="the commit production runs now, where the release starts "
                          "(default: the sha of the last successful deployment)")
    return rng


RANGE = _range_options()


# --- subcommands ---------------------------------------------------------------------------

def add_gate_parser(subparsers: Any) -> None:
    """`prodready gate`."""
    p = subparsers.add_parser(
        "gate", parents=[COMMON, RANGE], help="GO / NO-GO for the release's issues",
        description="List the issues the release closes (merged since the last successful "
                    "deployment), each with verified / signed off / assignees / problems, and "
                    "give the verdict: exit 0 GO, 1 NO-GO.")
    p.add_argument("--notify", action="store_true",
                   help="post a note on each issue telling its assignees when the deploy runs "
                        "(once per release and deploy time)")
    p.set_defaults(handler=cmd_gate)


def cmd_gate(args: argparse.Namespace) -> int:
    """Judge the release; optionally notify the assignees."""
    conn = _connect(args)
    when = active = None
    if args.notify:  # find the deploy time first: a missing schedule fails before any output
        when, active = schedule.deploy_time(conn)
    result = run_gate(conn)
    data = result.to_dict()
    if args.notify:
        data["notified"] = [o.to_dict() for o in notify.notify(conn, result, when, active)]
    _print(args, data, render.gate_text)
    if args.notify and not args.json:
        print(render.notified_text(data["notified"]))
    return EXIT_OK if result.verdict == GO else EXIT_BLOCKED


def add_schedule_parser(subparsers: Any) -> None:
    """`prodready schedule ACTION`."""
    p = subparsers.add_parser(
        "schedule", parents=[COMMON], help="the 'Push to production' pipeline schedule",
        description="status: active, cron, timezone, next run in UTC and community time; "
                    "pause / resume: set active false / true; run-now: play it now (needs "
                    "--yes); ensure: create or correct it (and its reminder schedule) from "
                    "[release].")
    p.add_argument("action", choices=["status", "pause", "resume", "run-now", "ensure"])
    p.add_argument("--yes", action="store_true", help="confirm run-now (deploys production)")
    p.add_argument("--ref", default=None, help="branch for ensure (default: deploy_ref or the "
                                               "project's default branch)")
    p.set_defaults(handler=cmd_schedule)


def cmd_schedule(args: argparse.Namespace) -> int:
    """Dispatch the schedule action."""
    if args.action == "run-now" and not args.yes:
        raise ConfigError("schedule run-now starts a production deploy: add --yes to confirm")
    conn = _connect(args)
    if args.action == "status":
        _print(args, schedule.status(conn), render.schedule_text)
    elif args.action in ("pause", "resume"):
        done = schedule.set_active(conn, args.action == "resume")
        _print(args, done, lambda d: f"Schedule {d['description']!r} (id {d['id']}): "
                                     f"{'active' if d['active'] else 'paused'}"
                                     f"{'' if d['changed'] else ' (already)'}")
    elif args.action == "run-now":
        done = schedule.run_now(conn)
        _print(args, done, lambda d: f"Schedule {d['description']!r} (id {d['id']}) played: "
                                     f"follow it at {d['pipelines_url']}")
    else:
        _print(args, {"schedules": schedule.ensure(conn)},
               lambda d: render.ensure_text(d["schedules"]))
    return EXIT_OK


def add_remind_parser(subparsers: Any) -> None:
    """`prodready remind`."""
    p = subparsers.add_parser(
        "remind", parents=[COMMON, RANGE], help="the reminder before the deploy",
        description="The issues of the upcoming release still lacking the verified label or "
                    "signoff, with assignees and the deploy time: posted to the Slack webhook "
                    "in PRODREADY_SLACK_WEBHOOK, or printed when it is unset. A failed post "
                    "exits 3.")
    p.add_argument("--dry-run", action="store_true", help="print the message, post nothing")
    p.set_defaults(handler=cmd_remind)


def cmd_remind(args: argparse.Namespace) -> int:
    """Build and deliver the reminder."""
    conn = _connect(args)
    result = remind.remind(conn, dry_run=args.dry_run)
    _print(args, result, lambda d: d["text"] + ("\n(posted to Slack)" if d["posted"] else ""))
    return EXIT_OK


def add_rollback_parser(subparsers: Any) -> None:
    """`prodready rollback check|run`."""
    p = subparsers.add_parser(
        "rollback", parents=[COMMON], help="check or run a rollback to the previous deployment",
        description="check: the current and previous successful deployments and the changes "
                    "between them a redeploy would not undo ([release] rollback_blocking_paths)"
                    "; exit 0 SAFE, 1 BLOCKED. run: retry the previous deployment's deploy job "
                    "(needs --yes; refused while BLOCKED unless --force).")
    p.add_argument("action", choices=["check", "run"])
    p.add_argument("--yes", action="store_true", help="confirm run (redeploys production)")
    p.add_argument("--force", action="store_true", help="run even while BLOCKED")
    p.set_defaults(handler=cmd_rollback)


def cmd_rollback(args: argparse.Namespace) -> int:
    """Check, or check then redeploy."""
    if args.action == "run" and not args.yes:
        raise ConfigError("rollback run redeploys production: add --yes to confirm")
    conn = _connect(args)
    result = rollback.check(conn)
    if args.action == "check" or (result.blockers and not args.force):
        data = result.to_dict()
        if args.action == "run":
            data["refused"] = "BLOCKED: pass --force to redeploy anyway"
        _print(args, data, render.rollback_text)
        if args.action == "run" and not args.json:
            print("Rollback refused: the changes above could prevent it; --force to override.")
        return EXIT_OK if result.verdict == rollback.SAFE else EXIT_BLOCKED
    done = rollback.redeploy(conn, result)
    _print(args, done, lambda d: render.rollback_text(d) + "\n"
           f"Redeploying deployment {d['previous']['deployment_id']} "
           f"({d['previous']['ref']}): job {d['job']['id']} {d['job']['web_url']}")
    return EXIT_OK


def add_deploy_tag_parser(subparsers: Any) -> None:
    """`prodready deploy-tag` (the CI deploy step)."""
    p = subparsers.add_parser(
        "deploy-tag", parents=[COMMON, RANGE], help="tag the gated release (CI deploy step)",
        description="Re-run the gate; when GO, create the next version tag (patch+1, 9 rolls "
                    "over) on the gated commit with one 'iid url title' line per issue, and a "
                    "release whose notes are a table Issue ID | URL | Title. NO-GO exits 1 "
                    "without tagging.")
    p.add_argument("--dry-run", action="store_true", help="show the tag and notes, create nothing")
    p.set_defaults(handler=cmd_deploy_tag)


def cmd_deploy_tag(args: argparse.Namespace) -> int:
    """Gate, then tag and release."""
    conn = _connect(args)
    gate = run_gate(conn)
    if gate.verdict != GO:
        _print(args, gate.to_dict(), lambda d: render.gate_text(d) + "\nNot tagged.")
        return EXIT_BLOCKED
    result = tagging.create_release_tag(conn, gate, dry_run=args.dry_run)
    _print(args, result, _tag_text)
    return EXIT_OK


def _tag_text(result: dict[str, Any]) -> str:
    """Human output of deploy-tag."""
    if result["action"] in ("nothing to release", "already tagged"):
        return f"{result['action']}: {result['tag'] or result['to_sha'][:8]}; no tag created"
    return (f"{result['action']} tag {result['tag']} on {result['to_sha'][:8]} "
            f"(after {result['previous_tag'] or 'no tag'})\n\n{result['release_notes']}")


def add_run_parser(subparsers: Any) -> None:
    """`prodready run` (its arguments are handed to prodready.run.runner, the rest to behave)."""
    subparsers.add_parser(
        "run", help="run the acceptance suite (behave) in parallel workers, with retries and reports",
        description="prodready run [--workers N] [--retries N] [--reports DIR] [--target NAME] "
                    "[behave arguments…]: see `prodready run --help`.", add_help=False)


def add_report_parser(subparsers: Any) -> None:
    """`prodready report build [DIR]` and `prodready report merge SHARD_DIR… --into DIR`."""
    p = subparsers.add_parser("report", help="rebuild the readiness report, or merge the reports of shards",
                              description="Rebuild reports/readiness.html from a finished run, or join the "
                                          "report folders of a sharded run (--shard I/N) into one report.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    build = actions.add_parser("build", help="rebuild the readiness report of a finished run")
    build.add_argument("folder", nargs="?", type=Path, default=Path("reports"))
    build.set_defaults(handler=cmd_report_build)
    merge = actions.add_parser("merge", help="join the shards' report folders into one readiness report "
                                             "(GO only if every shard reported)")
    merge.add_argument("folders", nargs="+", type=Path, metavar="SHARD_DIR")
    merge.add_argument("--into", type=Path, default=Path("reports"), help="where the merged report goes")
    merge.set_defaults(handler=cmd_report_merge)


def cmd_report_build(args: argparse.Namespace) -> int:
    """Rebuild the reports of a finished run."""
    from prodready.reporting import report

    return report.main([str(args.folder)])


def cmd_report_merge(args: argparse.Namespace) -> int:
    """Merge shards."""
    from prodready.run import shards

    return shards.main(list(args.folders), args.into)


def add_demo_parser(subparsers: Any) -> None:
    """`prodready demo`."""
    p = subparsers.add_parser("demo", help="serve the reference community app to click through",
                              description="Serve the reference app (python -m demo_app) with its seeded logins.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=int(os.environ.get("DEMO_APP_PORT", "5000")))
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    """Hand over to the reference app's own entry point."""
    from demo_app.__main__ import main as demo_main

    demo_main(["--host", args.host, "--port", str(args.port)])
    return EXIT_OK


SUBCOMMANDS: list[Callable[[Any], None]] = [
    add_run_parser,
    add_report_parser,
    add_demo_parser,
    add_gate_parser,
    add_schedule_parser,
    add_remind_parser,
    add_rollback_parser,
    add_deploy_tag_parser,
]


# --- plumbing ------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every registered subcommand."""
    parser = Parser(
        prog="prodready", parents=[COMMON],
        description="Production readiness for the community platform: the acceptance suite "
                    "(run), the reference app (demo), and the release on GitLab: gate, deploy "
                    "schedule, reminder and rollback.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in SUBCOMMANDS:
        register(subparsers)
    return parser


def _connect(args: argparse.Namespace) -> Connection:
    """Settings from config + env + flags, then the GitLab project."""
    overrides = {
        "gitlab_url": args.gitlab_url,
        "project": args.project,
        "environment": args.environment,
        "ref": getattr(args, "ref", None),  # not every subcommand has a range
        "from_sha": getattr(args, "from_sha", None),
    }
    return connect(load_settings(args.config, overrides, os.environ))


def _print(args: argparse.Namespace, data: Any, human: Callable[[Any], str]) -> None:
    """JSON with --json, else the human rendering."""
    if args.json:
        print(json.dumps(data, indent=2, sort_keys=False))
    else:
        print(human(data))


def die(message: str, code: int) -> int:
    """The one error exit: a single line on stderr, a distinct exit code."""
    print(f"prodready: error: {message}", file=sys.stderr)
    return code


def _parse(argv: list[str]) -> argparse.Namespace:
    """Parse the command line; a usage error names options, never the values typed."""
    try:
        return build_parser().parse_args(argv)
    except UsageError as exc:
        raise UsageError(usage_message(str(exc), argv)) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `prodready` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["run"]:  # behave's own options pass through untouched
        from prodready.run import runner

        return runner.main(argv[1:])
    try:
        args = _parse(argv)
        for name, default in COMMON_DEFAULTS.items():  # SUPPRESS left them unset
            if not hasattr(args, name):
                setattr(args, name, default)
        return int(args.handler(args))
    except ReleaseError as exc:
        return die(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        return die("interrupted", 130)
    except SystemExit as exc:  # --help / --version from argparse
        return exc.code if isinstance(exc.code, int) else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
