"""Forms knowledge the steps share: reading field tables written in the domain's words."""
from __future__ import annotations

from typing import Any, Iterable

FIELD_TYPES = ("text", "date", "dropdown", "radio", "checkbox")


def word_list(text: str) -> list[str]:
    """"Red, Blue, Green" as a list (blank items dropped)."""
    return [item.strip() for item in text.split(",") if item.strip()]


def field_spec(row: Any) -> dict[str, Any]:
    """A `| name | type | required | options |` row as a field: required is yes/no, options "A, B"."""
    kind = row["type"].strip().lower()
    if kind not in FIELD_TYPES:
        raise AssertionError(f"field type {row['type']!r} is not one of {', '.join(FIELD_TYPES)}")
    required = row["required"].strip().lower()
    if required not in ("yes", "no"):
        raise AssertionError(f"say yes or no for required, not {row['required']!r}")
    return {"name": row["name"].strip(), "type": kind, "required": required == "yes",
            "options": word_list(row["options"]) if "options" in row.headings else []}


def form_payload(title: str, rows: Iterable[Any], published: bool) -> dict[str, Any]:
    """A form for the test-data API."""
    return {"title": title, "description": f"{title} (set up by the suite)",
            "fields": [field_spec(r) for r in rows], "published": published}
