"""The domain types every layer speaks: documents, operations, metrics, extractions.

Plain frozen dataclasses with the fields of ``shared/spec/extraction.md``; no Qt,
no database. ``Extraction.to_json()`` gives the JSON Lines record of
``blotter extract`` exactly as the spec writes it.

Example::

    >>> m = Metric(category="arrests", value=1825, text="1,825 arrests", offset=10, length=13)
    >>> m.qualifier, m.unit
    ('exact', 'count')
"""

from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Any, Optional, Union

Number = Union[int, float]

#: The core metric categories of the spec, in the order the spec lists them.
CORE_CATEGORIES: tuple[str, ...] = (
    "arrests",
    "charges",
    "knives_seized",
    "firearms_seized",
    "weapons_seized",
    "drugs_seized",
    "cash_seized",
    "vehicles_seized",
    "warrants_executed",
    "weapon_sweeps",
    "stop_searches",
    "referrals",
    "engagements",
    "officers",
    "offences",
    "percent_change",
)
#: Every category a metric may carry: the core ones and ``other``.
CATEGORIES: tuple[str, ...] = CORE_CATEGORIES + ("other",)
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "about", "at_most")
#: Units named by the spec; any ISO currency code is accepted as well.
UNITS: tuple[str, ...] = ("count", "percent", "GBP", "EUR", "USD", "AUD", "NZD", "CAD")

#: Review status of a metric or operation row.
ROW_STATUSES: tuple[str, ...] = ("suggested", "confirmed", "corrected", "added", "rejected")
#: Review status of a document.
DOCUMENT_STATUSES: tuple[str, ...] = ("new", "in_review", "reviewed", "skipped")


@dataclass(frozen=True)
class Document:
    """One imported press release.

    ``body`` is the text as the app shows it (front matter removed); offsets of
    metrics count characters in it. ``sha256`` (of ``body``) is the identity:
    importing the same body twice adds nothing.
    """

    name: str
    body: str
    sha256: str
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date, YYYY-MM-DD
    publisher: Optional[str] = None
    url: Optional[str] = None
    area: Optional[str] = None
    source_path: Optional[str] = None
    encoding: str = "utf-8"
    front_matter: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Operation:
    """A named policing operation or campaign, with ISO dates where known."""

    name: str
    start: Optional[str] = None
    end: Optional[str] = None
    duration: Optional[str] = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Metric:
    """One figure stated in a release, with the evidence it stands on.

    ``body[offset:offset + length] == text`` holds for the document's body.
    """

    category: str
    value: Number
    qualifier: str = "exact"
    unit: str = "count"
    subject: Optional[str] = None
    operation: Optional[str] = None
    offset: int = 0
    length: int = 0
    text: str = ""
    rule: Optional[str] = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Extraction:
    """What the extractor found in one document (or why it could not read it)."""

    document: str
    title: Optional[str] = None
    published: Optional[str] = None
    publisher: Optional[str] = None
    url: Optional[str] = None
    area: Optional[str] = None
    operations: tuple[Operation, ...] = ()
    metrics: tuple[Metric, ...] = ()
    extractor_version: str = ""
    error: Optional[str] = None

    def to_json(self) -> dict[str, Any]:
        """The ``blotter extract`` record of the spec (``error`` only when set)."""
        if self.error:
            return {"document": self.document, "error": self.error}
        return {
            "document": self.document,
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "url": self.url,
            "area": self.area,
            "operations": [o.to_json() for o in self.operations],
            "metrics": [m.to_json() for m in self.metrics],
        }
