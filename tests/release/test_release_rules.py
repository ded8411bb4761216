"""The release rules as pure functions: issues as labels, signoffs as plain data; no GitLab, not even a fake."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from prodready.core import config, errors, verdicts
from prodready.release import rules
from prodready.release.errors import ConfigError, ReleaseError, UsageError
from prodready.release.rules import Award, Policy

VERIFIED, SIGNED = "Staging::Verified", "Stakeholder::Signed-off"
EVERY_RULE = Policy(signoff_rules=("label", "award_emoji", "approval"), stakeholders=("sam",))


def test_an_issue_verified_and_signed_off_by_label_may_ship():
    policy = Policy()
    assert rules.verified(policy, (VERIFIED, SIGNED))
    assert rules.signed_off(policy, (VERIFIED, SIGNED))
    assert rules.problems(policy, (VERIFIED, SIGNED), True) == []


def test_what_an_issue_lacks_is_said_in_words():
    policy = Policy()
    assert rules.problems(policy, (), False) == [
        "missing label Staging::Verified",
        "no stakeholder signoff (needs label Stakeholder::Signed-off)",
    ]


def test_a_label_in_another_case_does_not_count_and_is_named():
    policy = Policy()
    labels = ("staging::verified", "stakeholder::signed-off")
    assert not rules.verified(policy, labels) and not rules.signed_off(policy, labels)
    assert rules.problems(policy, labels, False) == [
        "label 'staging::verified' differs in case from 'Staging::Verified'",
        "no stakeholder signoff (needs label Stakeholder::Signed-off; "
        "label 'stakeholder::signed-off' differs in case from 'Stakeholder::Signed-off')",
    ]


def test_the_signoff_emoji_counts_only_from_a_stakeholder():
    policy = Policy(signoff_rules=("award_emoji",), stakeholders=("sam",))
    assert rules.signed_off(policy, (), [Award("thumbsup", "sam")])
    assert not rules.signed_off(policy, (), [Award("thumbsup", "eve"), Award("heart", "sam")])
    assert not rules.signed_off(policy, (SIGNED,), [])  # the label is not this policy's rule
    assert rules.signoff_hint(policy) == "needs :thumbsup: from a stakeholder"


def test_an_approval_counts_only_from_a_stakeholder_on_any_merge_request():
    policy = Policy(signoff_rules=("approval",), stakeholders=("sam",))
    assert rules.signed_off(policy, (), approvals=[{"eve"}, {"bob", "sam"}])
    assert not rules.signed_off(policy, (), approvals=[{"eve"}, set()])


def test_any_rule_is_enough_and_gitlab_is_read_only_as_far_as_needed():
    read: list[str] = []

    def awards() -> Iterator[Award]:
        read.append("awards")
        yield Award("thumbsup", "sam")

    def approvals() -> Iterator[set[str]]:
        read.append("approvals")
        yield {"sam"}

    assert rules.signed_off(EVERY_RULE, (SIGNED,), awards(), approvals()) and read == []
    assert rules.signed_off(EVERY_RULE, (), awards(), approvals()) and read == ["awards"]
    assert rules.signoff_hint(EVERY_RULE) == (
        "needs label Stakeholder::Signed-off or :thumbsup: from a stakeholder or an approval by a stakeholder"
    )


def test_a_policy_that_cannot_be_applied_is_a_configuration_error():
    with pytest.raises(ConfigError, match="signoff_rule 'vibes' is not one of label, award_emoji, approval"):
        rules.check_policy(("vibes",), ())
    with pytest.raises(ConfigError, match="needs \\[release\\] stakeholders"):
        rules.check_policy(("approval",), ())
    rules.check_policy(("label",), ())


def test_one_verdict_and_one_configuration_error():
    assert verdicts.verdict([]) == verdicts.GO and verdicts.verdict(["an issue lacks its label"]) == verdicts.NO_GO
    assert ConfigError is errors.ConfigError is config.ConfigError
    assert issubclass(ConfigError, ReleaseError) and issubclass(UsageError, ConfigError)
    assert ConfigError("x").exit_code == 2
