"""Realistic breaks of Forms: the builder, publishing, filling a form in, drafts."""

from __future__ import annotations

from typing import Any

from .core import Mutant, patch, wrap
from .views import for_anyone_logged_in


def _required_tick_not_saved() -> None:
    """The builder's "This field is required" is not saved with the field."""

    def make(real: Any) -> Any:
        def validate_property(data: Any, taken: Any) -> tuple[dict[str, Any], dict[str, str]]:
            values, errors = real(data, taken)
            return {**values, "required": False}, errors

        return validate_property

    wrap("demo_app.form_rules", "validate_property", make)


def _publish_keeps_draft() -> None:
    """Publishing answers "Successfully published the form" but the form stays a draft."""
    wrap(
        "demo_app.form_store",
        "update_form",
        lambda real: (
            lambda form_id, values, status=None: real(form_id, values, None if status == "published" else status)
        ),
    )


def _draft_form_by_address() -> None:
    """A form that is not published opens for anyone who has its address."""
    from demo_app import form_store

    def visible_form(form_id: Any, user: Any) -> Any:
        return form_store.get_form(form_id)  # the status is no longer looked at

    patch("demo_app.form_actions", "visible_form", visible_form)


def _draft_saved_as_entry() -> None:
    """Save as Draft submits the answers: the draft becomes an entry the admin sees."""
    wrap(
        "demo_app.form_answer_store",
        "save_answers",
        lambda real: lambda form, user_id, values, status: real(form, user_id, values, "pending"),
    )


def _required_not_enforced() -> None:
    """A form is accepted with its required fields left empty."""
    wrap(
        "demo_app.form_answer_rules",
        "validate_answers",
        lambda real: lambda properties, sent, draft, admin: real(properties, sent, True, admin),
    )


def _module_with(module: Any, **replaced: Any) -> Any:
    """A stand-in for a module as one importer sees it: the module's attributes, some of them replaced."""
    from types import SimpleNamespace

    return SimpleNamespace(**{**{n: getattr(module, n) for n in dir(module) if not n.startswith("__")}, **replaced})


def _submission_page_trusts_its_address() -> None:
    """A submission's page checks that its address names the person asking, not that the submission is theirs
    (the platform's own check): with their own id in the address, a client reads anyone's answers."""
    from flask import g, request

    from demo_app import form_answer_store

    def get_submission(form_user_id: Any) -> Any:
        found = form_answer_store.get_submission(form_user_id)
        named = (request.view_args or {}).get("user_id")
        if found is not None and g.get("user") is not None and str(named) == str(g.user["id"]):
            return {**dict(found), "user_id": g.user["id"]}
        return found

    patch("demo_app.form_fill", "answer_store", _module_with(form_answer_store, get_submission=get_submission))


def _submission_operation_trusts_its_caller() -> None:
    """formUserProperties checks that it names the person asking, then finds the submission by its id alone."""
    from demo_app import form_answer_store
    from demo_app.gql.common import require

    def readable(info: Any, form_user_id: Any, user_id: Any) -> Any:
        user = require(info, "my_forms.can_access_own_forms")
        if str(user_id) != str(user["id"]):
            from graphql import GraphQLError

            raise GraphQLError("Unauthorized")
        return form_answer_store.get_submission(form_user_id)

    patch("demo_app.gql.forms", "_readable_submission", readable)


def _expiry_by_date() -> None:
    """A form's expiry is compared by date, not time: a form that expires at 17:00 is open all that day."""
    from demo_app import clock

    def is_open(form: Any) -> bool:
        expires = form["expires_at"]
        closed = expires and clock.local(clock.from_iso(expires)).date() < clock.today_local()
        return form["status"] == "published" and not closed

    patch("demo_app.form_store", "is_open", is_open)
    patch("demo_app.form_answer_store", "is_open", is_open)


def _expiry_read_in_utc() -> None:
    """The Form Expiry Date is read as UTC, not community time: a form expiring at 17:00 stays open until 19:00."""
    from datetime import UTC

    wrap("demo_app.form_rules", "parse_expiry", lambda real: lambda raw, now, tz: real(raw, now, UTC))


REQUIRED_ROUND_TRIP = "What the builder marks as required is required on the client's form"
SOMEONE_ELSES = "A client is never shown another person's form submission, by its address or asked directly"
NOT_PUBLISHED = (
    "A form that is not published is not offered to clients, and its address and answers sent to it are refused"
)


def _publish_page_for_anyone() -> None:
    """The builder's Publish request taken from anyone logged in."""
    for_anyone_logged_in("forms.publish")


MUTANTS = (
    Mutant(
        "required_tick_not_saved",
        "forms.create_form",
        "round trip",
        "the builder's Required tick is lost: the client's form takes the field empty",
        (REQUIRED_ROUND_TRIP,),
        _required_tick_not_saved,
    ),
    Mutant(
        "publish_keeps_draft",
        "forms.create_form",
        "round trip",
        "publishing says the form is published, but clients are never offered it",
        (REQUIRED_ROUND_TRIP,),
        _publish_keeps_draft,
    ),
    Mutant(
        "draft_form_by_address",
        "forms.submit_form",
        "must-not",
        "a client opens and fills in a form that is not published, by its address",
        (NOT_PUBLISHED,),
        _draft_form_by_address,
    ),
    Mutant(
        "draft_saved_as_entry",
        "forms.submit_form",
        "round trip",
        "Save as Draft submits the form: the admin finds the unfinished answers as a pending entry",
        ("A client saves a form as a draft: it is kept for them, and the admin sees it as a draft",),
        _draft_saved_as_entry,
    ),
    Mutant(
        "required_not_enforced",
        "forms.submit_form",
        "must-not",
        "the server accepts a submission with required fields left empty",
        (REQUIRED_ROUND_TRIP,),
        _required_not_enforced,
    ),
    Mutant(
        "submission_page_trusts_its_address",
        "forms.submit_form",
        "must-not",
        "a client reads another person's answers at their submission's address, with their own id put in it",
        (SOMEONE_ELSES,),
        _submission_page_trusts_its_address,
    ),
    Mutant(
        "submission_operation_trusts_its_caller",
        "forms.submit_form",
        "must-not",
        "the platform's formUserProperties gives a client another person's answers when they name themselves",
        (SOMEONE_ELSES,),
        _submission_operation_trusts_its_caller,
    ),
    Mutant(
        "expiry_by_date",
        "forms.submit_form",
        "boundary",
        "a form that expires at 17:00 is still offered, and takes answers, at 17:01",
        ("A form that expires at 17:00, at 17:01: offered, no; answers sent to it, refused",),
        _expiry_by_date,
    ),
    Mutant(
        "expiry_read_in_utc",
        "forms.submit_form",
        "boundary",
        "a form expiring at 17:00 (community time) stays open until 19:00",
        ("A form that expires at 17:00, at 17:01: offered, no; answers sent to it, refused",),
        _expiry_read_in_utc,
    ),
    Mutant(
        "publish_page_for_anyone",
        "forms.create_form",
        "must-not",
        "the builder's Publish request is taken from a client (their screens offer no builder)",
        ("A client may not publish a form, even when they send the builder's own request directly",),
        _publish_page_for_anyone,
    ),
)
