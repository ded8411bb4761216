"""The release's rules as pure functions over its contents: verified on staging, signed off by a stakeholder.

No GitLab here: an issue is its labels, a signoff is plain data (award emoji as name and username, the
usernames who approved a merge request). The gate reads those from GitLab and asks these rules; the
settings check a policy with `check_policy`. A signoff's awards and approvals may be lazy iterables:
they are read only as far as a rule needs (the label first, then the emoji, then the approvals).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from prodready.core.errors import ConfigError

SIGNOFF_RULES = ("label", "award_emoji", "approval")


@dataclass(frozen=True)
class Policy:
    """What counts as verified and as signed off ([release] in prodready.toml)."""

    verified_label: str = "Staging::Verified"
    signoff_rules: tuple[str, ...] = ("label",)  # any one of them is enough
    signoff_label: str = "Stakeholder::Signed-off"
    signoff_emoji: str = "thumbsup"
    stakeholders: tuple[str, ...] = ()


@dataclass(frozen=True)
class Award:
    """An award emoji on an issue: its name (`thumbsup`) and who gave it."""

    name: str
    username: str


def check_policy(rules: tuple[str, ...], stakeholders: tuple[str, ...]) -> None:
    """A ConfigError naming the setting when the signoff rules cannot be applied."""
    for rule in rules:
        if rule not in SIGNOFF_RULES:
            raise ConfigError(f"signoff_rule {rule!r} is not one of {', '.join(SIGNOFF_RULES)}")
    if not stakeholders and set(rules) & {"award_emoji", "approval"}:
        raise ConfigError("signoff_rule award_emoji/approval needs [release] stakeholders")


def verified(policy: Policy, labels: Collection[str]) -> bool:
    """The issue carries the verified label (exactly: GitLab keeps labels differing in case apart)."""
    return policy.verified_label in labels


def signed_off(
    policy: Policy,
    labels: Collection[str],
    awards: Iterable[Award] = (),
    approvals: Iterable[Collection[str]] = (),
) -> bool:
    """Any configured rule is enough: the signoff label, the signoff emoji from a stakeholder, or an
    approval by a stakeholder of one of the issue's merge requests (`approvals`: one set of approvers each)."""
    rules = policy.signoff_rules
    if "label" in rules and policy.signoff_label in labels:
        return True
    if "award_emoji" in rules and any(
        a.name == policy.signoff_emoji and a.username in policy.stakeholders for a in awards
    ):
        return True
    return "approval" in rules and any(set(approvers) & set(policy.stakeholders) for approvers in approvals)


def problems(policy: Policy, labels: Collection[str], is_signed_off: bool) -> list[str]:
    """What an issue lacks, in words (empty when it may ship)."""
    found = []
    if not verified(policy, labels):
        found.append(_case_note(policy.verified_label, labels, "") or f"missing label {policy.verified_label}")
    if not is_signed_off:
        hint = signoff_hint(policy)
        if "label" in policy.signoff_rules:
            hint += _case_note(policy.signoff_label, labels, "; ")
        found.append(f"no stakeholder signoff ({hint})")
    return found


def signoff_hint(policy: Policy) -> str:
    """What would count as signoff, in words."""
    words = {
        "label": f"label {policy.signoff_label}",
        "award_emoji": f":{policy.signoff_emoji}: from a stakeholder",
        "approval": "an approval by a stakeholder",
    }
    return "needs " + " or ".join(words[rule] for rule in policy.signoff_rules)


def _case_note(label: str, labels: Collection[str], prefix: str) -> str:
    """`label 'x' differs in case from 'X'` when such a near miss is on the issue, else ''."""
    near = [name for name in labels if name != label and name.casefold() == label.casefold()]
    return f"{prefix}label {near[0]!r} differs in case from {label!r}" if near else ""
