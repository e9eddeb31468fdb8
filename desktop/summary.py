"""Totals of the curated figures, grouped by operation, publisher, month or category (plain Python).

A curated figure is a metric a reviewer kept: confirmed, corrected or added (never one
left suggested, never one rejected). By default only documents marked reviewed count;
``include_all`` takes every document. One :class:`Total` per (group, category, unit): figures in
different units are never added together, and percentages are never added at all (a sum of
percentage changes means nothing), so their total is ``None`` and only their count shows.

Qualified figures stay honest: a total that includes "more than 1,800" is a lower bound and says
so (``≥ 3,625``); "up to" gives ``≤``; "about", or a mixture of kinds, gives ``about``.

Example::

    >>> totals = summarise(store, by="operation")
    >>> [(t.group, t.category, t.text, len(t.releases)) for t in totals]
    [('Operation Sceptre', 'knives_seized', '≥ 3,625', 2)]
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional

from desktop.domain import CATEGORIES

if TYPE_CHECKING:  # the command line's parser imports this module: no database library for --help
    from desktop.store import Store

#: What the totals may be grouped by (the command line's ``--by``).
GROUPINGS = ("operation", "publisher", "month", "category")
#: The statuses of a figure a reviewer kept.
CURATED = ("confirmed", "corrected", "added")
#: Units whose figures are never added together (a sum of percentages means nothing).
NOT_SUMMED = frozenset({"percent"})
#: Shown for a figure whose group is unknown (no operation, no publisher, no date).
NONE_LABELS = {"operation": "(no operation)", "publisher": "(no publisher)", "month": "(no date)",
               "category": "(no category)"}
_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
_SIGNS = {"exact": "", "at_least": "≥ ", "at_most": "≤ ", "about": "about "}

_QUERY = """
SELECT m.document_id, coalesce(d.title, d.name), d.published, d.publisher, m.operation,
       m.category, m.value, m.qualifier, m.unit
FROM metrics m JOIN documents d ON d.id = m.document_id
WHERE m.status IN ('confirmed', 'corrected', 'added') AND m.value IS NOT NULL {only_reviewed}
"""


@dataclass
class Total:
    """The figures of one category in one unit within one group, added up honestly."""

    group: str
    category: str
    unit: str
    value: Optional[float] = None  # None: not summed (a percentage)
    qualifier: str = "exact"  # exact, at_least, at_most or about
    figures: int = 0
    releases: dict[int, str] = field(default_factory=dict)  # document id -> title, in first-seen order

    @property
    def text(self) -> str:
        """The total as a person reads it: ``≥ 3,625``, ``£84,500``, ``not summed (8 figures)``."""
        if self.value is None:
            return f"not summed ({self.figures} figure{'s' if self.figures != 1 else ''})"
        return _SIGNS.get(self.qualifier, "about ") + format_amount(self.value, self.unit)

    @property
    def document_ids(self) -> list[int]:
        return list(self.releases)


def format_amount(value: float, unit: str) -> str:
    """``3625`` count -> ``3,625``; ``84500`` GBP -> ``£84,500``; ``12.5`` percent -> ``12.5%``."""
    if float(value).is_integer():
        number = f"{int(value):,}"
    else:
        number = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit == "count":
        return number
    if unit == "percent":
        return f"{number}%"
    if unit in _SYMBOLS:
        return ("-" if number.startswith("-") else "") + _SYMBOLS[unit] + number.lstrip("-")
    return f"{number} {unit}"


def combined_qualifier(qualifiers: Iterable[str]) -> str:
    """The qualifier of a sum: exact only when every part is; one kind of bound keeps its kind;
    ``about`` or a mixture of kinds makes the sum approximate."""
    kinds = {q for q in qualifiers if q != "exact"}
    if not kinds:
        return "exact"
    if len(kinds) == 1:
        return kinds.pop()
    return "about"


def group_of(by: str, published: Optional[str], publisher: Optional[str], operation: Optional[str],
             category: str) -> str:
    if by == "operation":
        value = operation
    elif by == "publisher":
        value = publisher
    elif by == "month":
        value = published[:7] if published and len(published) >= 7 else None
    elif by == "category":
        value = category
    else:
        raise ValueError(f"unknown grouping {by!r}: choose one of {', '.join(GROUPINGS)}")
    return (value or "").strip() or NONE_LABELS[by]


def summarise(store: "Store", by: str = "operation", include_all: bool = False) -> list[Total]:
    """The totals of the curated figures grouped ``by`` one of :data:`GROUPINGS`, sorted by group
    (months in time order, unknown groups last), then category in the spec's order, then unit."""
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}: choose one of {', '.join(GROUPINGS)}")
    sql = _QUERY.format(only_reviewed="" if include_all else "AND d.status = 'reviewed'")
    parts: dict[tuple[str, str, str], list] = defaultdict(list)
    totals: dict[tuple[str, str, str], Total] = {}
    for doc_id, title, published, publisher, operation, category, value, qualifier, unit in store.db.execute(sql):
        if value is None or not math.isfinite(value):
            continue
        key = (group_of(by, published, publisher, operation, category), category, unit or "count")
        total = totals.get(key)
        if total is None:
            total = totals[key] = Total(*key)
        total.figures += 1
        total.releases.setdefault(doc_id, title)
        parts[key].append((value, qualifier or "exact"))
    for key, total in totals.items():
        if total.unit in NOT_SUMMED:
            continue
        total.value = math.fsum(v for v, _ in parts[key])
        total.qualifier = combined_qualifier(q for _, q in parts[key])
    return sorted(totals.values(), key=lambda t: _order(by, t))


def _order(by: str, total: Total) -> tuple:
    unknown = total.group == NONE_LABELS[by]
    category = CATEGORIES.index(total.category) if total.category in CATEGORIES else len(CATEGORIES)
    group = (category, total.category) if by == "category" else (total.group.casefold(), total.group)
    return (unknown, group, category, total.category, total.unit)


def series(totals: Iterable[Total], category: str, unit: str) -> list[Total]:
    """The totals of one category in one unit, one per group, in the groups' order (a chart's bars)."""
    return [t for t in totals if t.category == category and t.unit == unit]


def chartable(totals: Iterable[Total]) -> list[tuple[str, str]]:
    """The (category, unit) pairs that have a summed total somewhere, in the order they first come."""
    seen: dict[tuple[str, str], None] = {}
    for t in sorted(totals, key=lambda t: (CATEGORIES.index(t.category) if t.category in CATEGORIES
                                          else len(CATEGORIES), t.unit)):
        if t.value is not None:
            seen.setdefault((t.category, t.unit), None)
    return list(seen)


def as_records(totals: Iterable[Total], by: str) -> list[dict]:
    """Plain dicts for CSV and JSON: the group under the name of the grouping, the total as a number with its
    qualifier beside it, and the text a person reads."""
    out = []
    for t in totals:
        record = {by: t.group} if by != "category" else {}
        record.update({"category": t.category, "unit": t.unit,
                       "total": (int(t.value) if t.value is not None and float(t.value).is_integer() else t.value),
                       "qualifier": t.qualifier if t.value is not None else None, "shown": t.text,
                       "releases": len(t.releases), "figures": t.figures,
                       "document_ids": t.document_ids})
        out.append(record)
    return out
