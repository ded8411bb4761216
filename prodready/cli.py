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
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from prodready.core import exit_codes
from prodready.release.commands import RELEASE_SUBCOMMANDS
from prodready.release.errors import ReleaseError, UsageError
from prodready.release.options import COMMON, COMMON_DEFAULTS
from prodready.release.usage import Parser, usage_message

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE, EXIT_GITLAB, EXIT_NOT_FOUND = (
    exit_codes.OK,
    exit_codes.NO_GO,
    exit_codes.CONFIG,
    exit_codes.GITLAB,
    exit_codes.NOT_FOUND,
)


def add_run_parser(subparsers: Any) -> None:
    """`prodready run` (its arguments are handed to prodready.run.runner, the rest to behave)."""
    subparsers.add_parser(
        "run",
        help="run the acceptance suite (behave) in parallel workers, with retries and reports",
        description="prodready run [--workers N] [--retries N] [--reports DIR] [--target NAME] "
        "[behave arguments…]: see `prodready run --help`.",
        add_help=False,
    )


def add_report_parser(subparsers: Any) -> None:
    """`prodready report build [DIR]` and `prodready report merge SHARD_DIR… --into DIR`."""
    p = subparsers.add_parser(
        "report",
        help="rebuild the readiness report, or merge the reports of shards",
        description="Rebuild reports/readiness.html from a finished run, or join the "
        "report folders of a sharded run (--shard I/N) into one report.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    build = actions.add_parser("build", help="rebuild the readiness report of a finished run")
    build.add_argument("folder", nargs="?", type=Path, default=Path("reports"))
    build.set_defaults(handler=cmd_report_build)
    merge = actions.add_parser(
        "merge", help="join the shards' report folders into one readiness report (GO only if every shard reported)"
    )
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
    p = subparsers.add_parser(
        "demo",
        help="serve the reference community app to click through",
        description="Serve the reference app (python -m demo_app) with its seeded logins.",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=int(os.environ.get("DEMO_APP_PORT", "5000")))
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    """Hand over to the reference app's own entry point."""
    from demo_app.__main__ import main as demo_main

    demo_main(["--host", args.host, "--port", str(args.port)])
    return EXIT_OK


SUBCOMMANDS: list[Callable[[Any], None]] = [add_run_parser, add_report_parser, add_demo_parser, *RELEASE_SUBCOMMANDS]


# --- plumbing ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every registered subcommand."""
    parser = Parser(
        prog="prodready",
        parents=[COMMON],
        description="Production readiness for the community platform: the acceptance suite "
        "(run), the reference app (demo), and the release on GitLab: gate, deploy "
        "schedule, reminder and rollback.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in SUBCOMMANDS:
        register(subparsers)
    return parser


def die(message: str, code: int) -> int:
    """The one error exit: a single line on stderr (white space folded), a distinct exit code."""
    print(f"prodready: error: {' '.join(message.split())}", file=sys.stderr)
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
