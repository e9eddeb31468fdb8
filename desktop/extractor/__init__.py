"""The rule extractor: operations, metrics and document fields from a release.

Public interface (other layers depend on exactly these names):

- ``EXTRACTOR_VERSION``: a string stored with every suggestion.
- ``extract(document, rules=None) -> Extraction``
- ``extract_span(document, start, end, rules=None) -> tuple[Metric, ...]``: metrics
  found in ``document.body[start:end]`` with offsets into the whole body (the
  review window's "Add metric from selection").
- ``extract_operation_span(document, start, end, rules=None) -> Operation | None``
- ``load_rules(path=None) -> Rules``; raises ``RulesError`` (``path``, ``line``,
  ``reason``) for a broken file.
"""

from __future__ import annotations

from typing import Optional

from desktop.domain import Document, Extraction, Metric, Operation

EXTRACTOR_VERSION = "0.0-stub"


class RulesError(ValueError):
    """A rules file that cannot be used: names the file, the line and the reason."""

    def __init__(self, path, line, reason):
        self.path, self.line, self.reason = path, line, reason
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {reason}")


class Rules:
    """Compiled rules (stub)."""


def load_rules(path=None) -> Rules:
    return Rules()


def extract(document: Document, rules: Optional[Rules] = None) -> Extraction:
    return Extraction(
        document=document.name,
        title=document.title,
        published=document.published,
        publisher=document.publisher,
        url=document.url,
        area=document.area,
        extractor_version=EXTRACTOR_VERSION,
    )


def extract_span(document: Document, start: int, end: int, rules: Optional[Rules] = None) -> tuple[Metric, ...]:
    return ()


def extract_operation_span(document: Document, start: int, end: int, rules: Optional[Rules] = None) -> Optional[Operation]:
    return None
