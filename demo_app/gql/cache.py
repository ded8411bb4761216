"""Parsed and validated operations, kept: clients send the same few operations again and again.

Parsing and validating an operation is pure (the same text, the same schema: the same document and
the same errors). A bounded cache keyed by the operation's text keeps the document, and its
validation with it; the embedded server is threaded, so one lock guards both.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from graphql import DocumentNode, parse, validate

LIMIT = 256  # distinct operations kept (the suite uses a few dozen)


class OperationCache:
    """ariadne's `query_parser` and `query_validator`, remembering what they did."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.documents: OrderedDict[str, DocumentNode] = OrderedDict()
        self.errors: dict[int, tuple[DocumentNode, list[Any]]] = {}
        self.lock = threading.Lock()

    def parse(self, _context: Any, data: dict[str, Any]) -> DocumentNode:
        """The operation's document, parsed once (a syntax error is raised every time, not kept)."""
        text = data["query"]
        with self.lock:
            document = self.documents.get(text)
            if document is not None:
                self.documents.move_to_end(text)
                return document
        document = parse(text)
        with self.lock:
            self.documents[text] = document
            if len(self.documents) > self.limit:
                _old, dropped = self.documents.popitem(last=False)
                self.errors.pop(id(dropped), None)
        return document

    def validate(
        self, schema: Any, document: DocumentNode, rules: Any = None, max_errors: Any = None, **more: Any
    ) -> Any:
        """The validation errors of a document (an empty list when valid), found once per kept document."""
        with self.lock:
            kept = self.errors.get(id(document))
        if kept is not None and kept[0] is document:
            return kept[1]
        found = validate(schema, document, rules=rules, max_errors=max_errors, **more)
        with self.lock:
            if any(doc is document for doc in self.documents.values()):
                self.errors[id(document)] = (document, found)
        return found
