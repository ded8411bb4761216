"""Data a scenario makes: names carrying the run's id, so a live deployment can tell runs apart."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ScenarioData:
    """The scenario's made-up names: "Grace Banda" becomes "Grace Banda 4821" for this run, every time."""

    run_id: str
    names: dict[str, str] = field(default_factory=dict)

    def name(self, base: str) -> str:
        """The run's version of a name written in a feature (the same one each time it is asked)."""
        if base not in self.names:
            self.names[base] = f"{base} {self.run_id}"
        return self.names[base]

    def shown(self, text: str) -> str:
        """A feature's text with every name of this scenario replaced by the run's version."""
        for base, actual in sorted(self.names.items(), key=lambda kv: -len(kv[0])):
            text = text.replace(base, actual)
        return text
