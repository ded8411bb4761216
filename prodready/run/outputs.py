"""What a behave run writes besides its console: behave.json, Allure results, and the final reports.

behave.ini carries no `format` lines (they would be added to every `-f` given on the command line),
so the outputs the reports need are added here, from the hooks.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from prodready.core.masking import mask_console, sweep
from prodready.reporting.report import build_reports

ALLURE_PIN = "allure-behave==2.16.2"


class OutputError(Exception):
    """An output asked for cannot be written (the message says what to install)."""


def json_formatter_class() -> type:
    """behave's JSON formatter, keeping the message of steps that *errored* too.

    behave 1.3 writes error_message only for "failed" steps; a step raising anything but an
    assertion (a Selenium timeout, a bug in a page object) is "error" and would reach the report
    with no reason at all.
    """
    from behave.formatter.json import JSONFormatter
    from behave.model_type import Status

    class ReportJSONFormatter(JSONFormatter):
        def result(self, step: Any) -> None:
            index = self._step_index
            super().result(step)
            if step.error_message and step.status != Status.failed:
                message = step.error_message
                if self.split_text_into_lines and "\n" in message:
                    message = message.splitlines()
                self.current_feature_element["steps"][index]["result"]["error_message"] = message

    return ReportJSONFormatter


def _writes_to(formatter: Any, path: Path) -> bool:
    name = getattr(getattr(formatter, "stream_opener", None), "name", None)
    if not name or name == "-":
        return False
    return Path(name).resolve() == path.resolve()


def add_outputs(runner: Any, reports: Path, *, allure: bool) -> None:
    """behave.json in the reports folder (always), Allure results when asked; console output masked."""
    from behave.formatter.base import StreamOpener
    from behave.formatter.json import JSONFormatter

    mask_console(runner)
    reports.mkdir(parents=True, exist_ok=True)
    target = reports / "behave.json"
    if not any(isinstance(f, JSONFormatter) and _writes_to(f, target) for f in runner.formatters):
        runner.formatters.append(json_formatter_class()(StreamOpener(filename=str(target)), runner.config))
    if allure:
        try:
            from allure_behave.formatter import AllureFormatter
        except ImportError as exc:
            raise OutputError(f"-D allure=true needs allure-behave: .venv/bin/pip install {ALLURE_PIN}") from exc
        results = reports / "allure-results"
        shutil.rmtree(results, ignore_errors=True)  # one run per results folder, like --clean-alluredir
        runner.formatters.append(AllureFormatter(StreamOpener(filename=str(results)), runner.config))


def finish(runner: Any, reports: Path) -> dict[str, Any]:
    """After behave closed its outputs: the readiness report and history, secrets masked in every file."""
    report = build_reports(reports)
    config = getattr(runner, "config", None)
    junit = getattr(config, "junit_directory", None) if getattr(config, "junit", False) else None
    sweep([reports] + ([Path(junit)] if junit else []))
    return report
