"""What reviewers did with the extractor's suggestions, in documents marked reviewed.

Each metric row of a reviewed document becomes one :class:`Decision`:

- ``confirmed``: an extractor row kept as suggested (a row left undecided in a reviewed
  document counts too: it is in the dataset the export writes);
- ``corrected``: an extractor row whose fields the reviewer changed; ``fields`` names them
  (``category``, ``value``, ``qualifier``, ``unit``, ``operation``, ``subject``, ``evidence``).
  It ``keeps`` the figure when category and value stand (the spec matches on that pair);
- ``rejected``: an extractor row the reviewer rejected;
- ``added``: a row the reviewer added (a miss of the extractor).

The suggestion's rule and extractor version come from ``suggested_metrics`` and
``extraction_runs`` (never edited), so no extra column is needed.

Example::

    >>> ds = reviewed_decisions(store.db)          # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import sqlite_utils

#: fields compared between a suggestion and the reviewer's row; ``evidence`` is offset, length and text
COMPARED = ("category", "value", "qualifier", "unit", "operation", "subject", "evidence")
#: a change to one of these changes the figure as the spec matches it (category and value)
KEY_FIELDS = frozenset({"category", "value"})


@dataclass(frozen=True)
class Decision:
    document_id: int
    outcome: str  # confirmed | corrected | rejected | added
    category: str  # the reviewer's category (the suggestion's for a rejected row)
    value: Any
    suggested_category: Optional[str] = None
    suggested_value: Any = None
    rule: Optional[str] = None  # the rule of the suggestion (None for an added row)
    version: Optional[str] = None  # the extractor version that suggested it (added: the document's last run)
    publisher: Optional[str] = None
    fields: tuple[str, ...] = ()  # fields corrected
    row_id: int = 0
    text: Optional[str] = None  # the reviewer's evidence
    offset: Optional[int] = None
    length: Optional[int] = None
    qualifier: Optional[str] = None
    unit: Optional[str] = None
    operation: Optional[str] = None
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def keeps(self) -> bool:
        """Whether the suggestion's figure stands (confirmed, or corrected without its category or value)."""
        return self.outcome == "confirmed" or (self.outcome == "corrected" and not KEY_FIELDS & set(self.fields))

    @property
    def kept_row(self) -> bool:
        """Whether the reviewer's row is in the dataset (every outcome but rejected)."""
        return self.outcome != "rejected"


def norm(v: Any) -> Any:
    """12.0 and 12 are one value."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


_SQL = """
SELECT m.id, m.document_id, m.origin, m.status, m.category, m.value, m.qualifier, m.unit, m.subject, m.operation,
       m."offset", m.length, m.text, m.suggestion_id,
       s.category AS s_category, s.value AS s_value, s.qualifier AS s_qualifier, s.unit AS s_unit,
       s.subject AS s_subject, s.operation AS s_operation, s."offset" AS s_offset, s.length AS s_length,
       s.text AS s_text, s.rule AS s_rule, r.extractor_version AS s_version, d.publisher
FROM metrics m JOIN documents d ON d.id = m.document_id
LEFT JOIN suggested_metrics s ON s.id = m.suggestion_id
LEFT JOIN extraction_runs r ON r.id = s.run_id
WHERE d.status = 'reviewed' {since}
ORDER BY m.document_id, m.position, m.id
"""


def reviewed_filter(since: Optional[str]) -> tuple[str, list]:
    """The SQL condition (on ``d``) and parameters for documents reviewed on or after ``since``."""
    if not since:
        return "", []
    return "AND d.reviewed_at >= ?", [since]


def last_versions(db: sqlite_utils.Database) -> dict[int, str]:
    """Each document's latest extraction run's version (what the reviewer saw)."""
    return {r[0]: r[1] for r in db.execute(
        "SELECT document_id, extractor_version FROM extraction_runs WHERE id IN "
        "(SELECT max(id) FROM extraction_runs GROUP BY document_id)")}


def changed_fields(row: dict) -> tuple[str, ...]:
    """The fields a reviewer changed from the suggestion behind ``row`` (joined as ``s_*``)."""
    out = []
    for f in COMPARED:
        if f == "evidence":
            if (row["offset"], row["length"], row["text"]) != (row["s_offset"], row["s_length"], row["s_text"]):
                out.append(f)
        elif norm(row[f]) != norm(row["s_" + f]):
            out.append(f)
    return tuple(out)


def decision_of(row: dict, versions: dict[int, str]) -> Optional[Decision]:
    """One stored metric row (joined with its suggestion) as a decision; ``None`` for a row that is none
    (an added row the reviewer then rejected)."""
    base = dict(document_id=row["document_id"], category=row["category"], value=norm(row["value"]),
                publisher=row["publisher"], row_id=row["id"], text=row["text"], offset=row["offset"],
                length=row["length"], qualifier=row["qualifier"], unit=row["unit"], operation=row["operation"])
    if row["origin"] == "reviewer" or row["s_category"] is None:
        if row["status"] == "rejected":
            return None
        return Decision(outcome="added", version=versions.get(row["document_id"]), **base)
    extractor = dict(suggested_category=row["s_category"], suggested_value=norm(row["s_value"]), rule=row["s_rule"],
                     version=row["s_version"])
    if row["status"] == "rejected":
        base.update(category=row["s_category"], value=norm(row["s_value"]))
        return Decision(outcome="rejected", **base, **extractor)
    fields = changed_fields(row)
    return Decision(outcome="corrected" if fields else "confirmed", fields=fields, **base, **extractor)


def reviewed_decisions(db: sqlite_utils.Database, since: Optional[str] = None) -> list[Decision]:
    """Every decision in documents marked reviewed (on or after ``since``, a date or time), in document order."""
    cond, params = reviewed_filter(since)
    versions = last_versions(db)
    out = []
    for row in db.query(_SQL.format(since=cond), params):
        d = decision_of(row, versions)
        if d is not None:
            out.append(d)
    return out


def reviewed_count(db: sqlite_utils.Database, since: Optional[str] = None) -> int:
    cond, params = reviewed_filter(since)
    return db.execute(f"SELECT count(*) FROM documents d WHERE d.status = 'reviewed' {cond}", params).fetchone()[0]
