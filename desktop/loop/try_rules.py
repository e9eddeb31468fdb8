"""Try candidate rules on every reviewed document before adopting them (``blotter rules try``).

The candidate rules extract each document marked reviewed again; their metrics are matched
with the reviewer's final rows by category and value (the spec's matching; each row at most
once, a figure found twice counted once). Per category and overall:

- **fix**: a row the reviewer added, or whose category or value the reviewer corrected, that the
  candidate now suggests;
- **break**: a row the reviewer confirmed (or left as suggested) that the candidate now misses,
  or suggests with another qualifier, unit or operation (``changed``);
- **new**: a figure the candidate suggests that no reviewer kept and the current rules did not
  suggest (``again``: one the current rules suggested and a reviewer rejected).

Example::

    >>> result = try_rules(store.db, load_rules("my-rules.yaml"))   # doctest: +SKIP
    >>> result.totals["break"]                                      # doctest: +SKIP
    0
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

import sqlite_utils

from desktop.domain import Document, Metric
from desktop.extractor import extract
from desktop.extractor.rules import Rules
from desktop.loop.decisions import Decision, norm, reviewed_decisions
from desktop.store.documents import to_document

KINDS = ("fix", "break", "new", "again")


@dataclass
class Change:
    """One figure a candidate fixes, breaks or newly suggests."""

    kind: str  # fix | break | new | again
    category: str
    value: object
    text: Optional[str]
    detail: str = ""  # "missed", "changed qualifier", ...

    def to_json(self) -> dict:
        return {"kind": self.kind, "category": self.category, "value": self.value, "text": self.text,
                "detail": self.detail}


@dataclass
class DocumentDiff:
    document_id: int
    title: str
    changes: list[Change] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(c.kind == kind for c in self.changes)


@dataclass
class TryResult:
    documents: int = 0
    categories: dict = field(default_factory=lambda: defaultdict(lambda: {k: 0 for k in KINDS}))
    diffs: list[DocumentDiff] = field(default_factory=list)  # documents with at least one change

    @property
    def totals(self) -> dict[str, int]:
        return {k: sum(c[k] for c in self.categories.values()) for k in KINDS}

    @property
    def breaks(self) -> bool:
        return self.totals["break"] > 0

    def to_json(self) -> dict:
        return {"documents": self.documents, "total": self.totals,
                "categories": {k: dict(v) for k, v in sorted(self.categories.items())},
                "changed_documents": [{"document_id": d.document_id, "title": d.title,
                                       "changes": [c.to_json() for c in d.changes]} for d in self.diffs]}


def reviewed_documents(db: sqlite_utils.Database, ids: Optional[Iterable[int]] = None) -> Iterable[tuple[int, Document]]:
    """``(id, Document)`` of documents marked reviewed (of ``ids`` only, when given), in id order."""
    sql = "SELECT * FROM documents WHERE status = 'reviewed'"
    params: list = []
    if ids is not None:
        ids = sorted(set(ids))
        if not ids:
            return
        sql += f" AND id IN ({','.join('?' * len(ids))})"
        params = ids
    for row in db.query(sql + " ORDER BY id", params):
        yield row["id"], to_document(row)


def compare(decisions: list[Decision], found: Iterable[Metric]) -> list[Change]:
    """What ``found`` (the candidate's metrics of one document) fixes, breaks and newly suggests."""
    kept = [d for d in decisions if d.kept_row]
    pairs_kept = {(d.category, d.value) for d in kept}
    suggested_before = {(d.suggested_category, d.suggested_value) for d in decisions if d.outcome != "added"}
    rejected_before = {(d.suggested_category, d.suggested_value) for d in decisions if d.outcome == "rejected"}
    found = list(found)
    by_pair: dict[tuple, list[Metric]] = defaultdict(list)
    for m in found:
        by_pair[(m.category, norm(m.value))].append(m)
    used: set[int] = set()
    match: dict[int, Metric] = {}
    # the evidence first (a row and a candidate at the same place), then the pair alone, confirmed rows
    # before the others: a figure that still stands is not taken for one a reviewer added
    order = sorted(range(len(kept)), key=lambda i: kept[i].outcome != "confirmed")
    for same_place in (True, False):
        for i in order:
            d = kept[i]
            if i in match:
                continue
            options = [m for m in by_pair.get((d.category, d.value), ())
                       if id(m) not in used and (not same_place or _overlaps(m, d))]
            if options:
                match[i] = options[0]
                used.add(id(options[0]))
    changes = []
    for i, d in enumerate(kept):
        best = match.get(i)
        was_missed = d.outcome == "added" or (d.outcome == "corrected" and not d.keeps)
        if was_missed and best is not None:
            changes.append(Change("fix", d.category, d.value, d.text, "now suggested"))
        elif d.outcome == "confirmed":
            if best is None:
                changes.append(Change("break", d.category, d.value, d.text, "missed"))
            else:
                differs = [f for f in ("qualifier", "unit", "operation") if getattr(best, f) != getattr(d, f)]
                if differs:
                    changes.append(Change("break", d.category, d.value, d.text, "changed " + ", ".join(differs)))
    for m in found:
        pair = (m.category, norm(m.value))
        if id(m) in used or pair in pairs_kept:
            continue  # matched, or a repeat of a kept figure
        if pair in rejected_before:
            changes.append(Change("again", m.category, pair[1], m.text, "rejected by a reviewer"))
        elif pair not in suggested_before:
            changes.append(Change("new", m.category, pair[1], m.text, m.rule or ""))
    return changes


def _overlaps(m: Metric, d: Decision) -> bool:
    if m.offset is None or d.offset is None:
        return False
    return m.offset < d.offset + (d.length or 0) and d.offset < m.offset + (m.length or 0)


def try_rules(db: sqlite_utils.Database, rules: Rules, only: Optional[Iterable[int]] = None,
              progress: Optional[Callable[[int], None]] = None,
              cancelled: Optional[Callable[[], bool]] = None,
              extractor: Callable = extract, decisions: Optional[list[Decision]] = None) -> TryResult:
    """Run ``rules`` over the reviewed documents (``only`` those ids, when given) and compare.

    :param progress: called with the number of documents done, every 200
    :param decisions: the reviewed decisions, when the caller has read them already
    """
    by_doc: dict[int, list[Decision]] = defaultdict(list)
    for d in (reviewed_decisions(db) if decisions is None else decisions):
        by_doc[d.document_id].append(d)
    result = TryResult()
    for n, (doc_id, doc) in enumerate(reviewed_documents(db, only), 1):
        if cancelled is not None and cancelled():
            break
        try:
            metrics = extractor(doc, rules).metrics
        except Exception as exc:  # noqa: BLE001 - one release the candidate cannot handle is named, not fatal
            metrics = ()
            result.diffs.append(DocumentDiff(doc_id, doc.title or doc.name,
                                             [Change("break", "(all)", None, None, f"extraction failed: {exc}")]))
        changes = compare(by_doc.get(doc_id, []), metrics)
        result.documents += 1
        for c in changes:
            result.categories[c.category][c.kind] += 1
        if changes:
            result.diffs.append(DocumentDiff(doc_id, doc.title or doc.name, changes))
        if progress is not None and n % 200 == 0:
            progress(n)
    return result


def format_result(result: TryResult, limit: int = 20) -> str:
    """Per category and overall, then the first ``limit`` changed documents."""
    lines = [f"{'category':<18} {'fix':>5} {'break':>5} {'new':>5} {'again':>5}"]
    for cat, c in sorted(result.categories.items()):
        lines.append(f"{cat:<18} {c['fix']:>5} {c['break']:>5} {c['new']:>5} {c['again']:>5}")
    t = result.totals
    lines.append("-" * len(lines[0]))
    lines.append(f"{'TOTAL':<18} {t['fix']:>5} {t['break']:>5} {t['new']:>5} {t['again']:>5}")
    lines.append(f"reviewed documents tried: {result.documents}; changed: {len(result.diffs)}")
    for d in result.diffs[:limit]:
        lines.append(f"#{d.document_id} {d.title}")
        for c in d.changes:
            lines.append(f"  {c.kind.upper():<6} {c.category:<17} {c.value!s:>9}  {c.text!r}  {c.detail}")
    if len(result.diffs) > limit:
        lines.append(f"... and {len(result.diffs) - limit} more documents (--json lists them all)")
    if t["break"]:
        lines.append(f"the candidate rules break {t['break']} figure(s) reviewers confirmed")
    return "\n".join(lines)
