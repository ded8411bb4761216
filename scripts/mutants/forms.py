"""Realistic breaks of Forms: the builder, publishing, filling a form in, drafts."""

from __future__ import annotations

from typing import Any

from .core import Mutant, patch, wrap


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


REQUIRED_ROUND_TRIP = "What the builder marks as required is required on the client's form"
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
        ("A form that is not published is not offered to clients, and its address is refused",),
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
)
