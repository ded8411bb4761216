"""behave's runner with prodready around it (behave.ini: `runner = prodready.run.behave_runner:Runner`).

Before any hook: the configuration, the selection and the release gate are checked (a refusal
ends the process with its exit code: behave would turn an exception in before_all into a plain
failure); behave.json is added to the outputs. After the run: the readiness report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from behave.runner import Context
from behave.runner import Runner as BehaveRunner

from prodready.core.tags import NEEDS_CLOCK
from prodready.reporting.report import summary_lines
from prodready.run import outputs, preflight
from prodready.run.digest import failure_digest
from prodready.run.merging import load
from prodready.run.prepare import RunRefused, prepare, say, write_meta


class Runner(BehaveRunner):
    """Runs the suite: checks first, behave's run, then the reports."""

    def run_model(self, features: Any = None) -> bool:
        """The whole run of the parsed features (behave's entry point for a runner)."""
        features = self.features if features is None else features
        selected = [s for f in features for s in f.walk_scenarios() if s.should_run(self.config)]
        try:
            run = prepare(self.config.userdata, selected)
            outputs.add_outputs(self, run.reports, allure=run.settings.allure)
        except (RunRefused, outputs.OutputError) as refusal:
            say(str(refusal))
            sys.stdout.flush()
            raise SystemExit(getattr(refusal, "code", 2)) from None
        say(
            f"target {run.target.name}, {run.selected} scenarios selected, faker seed {run.seed} "
            f"(replay with -D seed={run.seed}), run id {run.run_id} (in the names of the data it makes)"
        )
        if run.refused and not run.worker:  # the parallel runner has told it once for all its workers
            say(
                f"refused on {run.target.name}, which has no test-only API (@{NEEDS_CLOCK}): {len(run.refused)} "
                "scenarios: " + "; ".join(preflight.where(s) for s in run.refused)
            )
        for scenario in run.refused:
            scenario.skip(f"needs the reference app's clock (@{NEEDS_CLOCK}); target {run.target.name} has none")
        self.context = Context(self)
        self.context.run = run
        failed = super().run_model(features)
        write_meta(run, status="finished", paths=[str(Path(p).resolve()) for p in self.config.paths or []])
        report = outputs.finish(self, run.reports)
        if not run.worker:  # a worker of `prodready run`: the runner reports on the merged run
            for line in failure_digest(load(run.reports / "behave.json", []), run.reports):
                print(line, flush=True)  # after every formatter: -f plain, progress or pretty alike
            for line in summary_lines(report, run.reports):
                say(line)
        return bool(failed)
