"""The extractor's report card, from reviewers' decisions (``blotter report``).

Over documents marked reviewed (see :mod:`desktop.loop.decisions`), per category, rule,
publisher or extractor version:

- ``suggested`` = ``confirmed`` + ``corrected`` + ``rejected``;
- ``kept``: suggestions whose figure stood: confirmed, or corrected without touching the
  category or the value (a corrected subject, qualifier, unit, operation or evidence is
  not an error in the spec's matching);
- ``repeated``: rejected suggestions whose category and value a row the reviewer kept in the
  same document has (a figure mentioned twice): ignored, as the spec's scoring ignores them;
- ``missed``: rows the reviewer ``added``, and rows whose category or value the reviewer
  corrected (the suggestion was wrong, the reviewer's figure was missed), under their
  corrected category;
- precision = kept / (suggested - repeated); recall = kept / (kept + missed).

Totals, publishers and versions count the core categories only (``other`` is neither
rewarded nor penalised, as in ``blotter eval``); the category and rule tables show every one.
A rule has no recall: what it should have found is not known.

Example::

    >>> card = build_report(store.db)                     # doctest: +SKIP
    >>> card["categories"]["arrests"]["precision"]        # doctest: +SKIP
    0.95
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional

import sqlite_utils

from desktop.domain import CORE_CATEGORIES
from desktop.loop.decisions import Decision, reviewed_count, reviewed_decisions

GROUPINGS = ("category", "rule", "publisher", "version")
COUNTS = ("suggested", "confirmed", "corrected", "rejected", "repeated", "added", "missed", "kept")


def _empty() -> dict:
    return {**{k: 0 for k in COUNTS}, "fields": defaultdict(int), "documents": set()}


def _ratio(num: int, den: int) -> Optional[float]:
    return round(num / den, 4) if den else None


def _finish(stats: dict, recall: bool = True) -> dict:
    out = {k: stats[k] for k in COUNTS}
    out["corrected_fields"] = dict(sorted(stats["fields"].items()))
    out["precision"] = _ratio(stats["kept"], stats["suggested"] - stats["repeated"])
    out["recall"] = _ratio(stats["kept"], stats["kept"] + stats["missed"]) if recall else None
    out["documents_with_errors"] = sorted(stats["documents"])
    return out


def repeated_rejections(decisions: Iterable[Decision]) -> set[int]:
    """Row ids of rejected suggestions whose (category, value) a kept row of the same document has."""
    kept: dict[int, set] = defaultdict(set)
    rejected = []
    for d in decisions:
        if d.outcome == "rejected":
            rejected.append(d)
        else:
            kept[d.document_id].add((d.category, d.value))
    return {d.row_id for d in rejected if (d.suggested_category, d.suggested_value) in kept[d.document_id]}


def _key(d: Decision, grouping: str, suggested_side: bool) -> Optional[str]:
    if grouping == "category":
        return d.suggested_category if suggested_side else d.category
    if grouping == "rule":
        return (d.rule or "(no rule)") if suggested_side else None
    if grouping == "publisher":
        return d.publisher or "(no publisher)"
    return d.version or "(unknown)"


def tally(decisions: list[Decision], grouping: str, core_only: bool,
          repeated: Optional[set[int]] = None) -> dict[str, dict]:
    """Counts per group (not yet finished into ratios); ``repeated`` as :func:`repeated_rejections` gives."""
    if repeated is None:
        repeated = repeated_rejections(decisions)
    groups: dict[str, dict] = defaultdict(_empty)

    def counted(category: Optional[str]) -> bool:
        return not core_only or category in CORE_CATEGORIES

    for d in decisions:
        if d.outcome != "added" and counted(d.suggested_category):
            key = _key(d, grouping, True)
            g = groups[key]
            g["suggested"] += 1
            g[d.outcome] += 1
            if d.keeps:
                g["kept"] += 1
            if d.outcome == "rejected" and d.row_id in repeated:
                g["repeated"] += 1
            for f in d.fields:
                g["fields"][f] += 1
            if d.outcome == "corrected" or (d.outcome == "rejected" and d.row_id not in repeated):
                g["documents"].add(d.document_id)
        missed = d.outcome == "added" or (d.outcome == "corrected" and not d.keeps)
        if missed and counted(d.category):
            key = _key(d, grouping, False)
            if key is None:
                continue
            g = groups[key]
            g["missed"] += 1
            g["added"] += d.outcome == "added"
    return groups


def build_report(db: sqlite_utils.Database, since: Optional[str] = None,
                 decisions: Optional[list[Decision]] = None) -> dict:
    """The whole report, JSON-able: ``documents``, ``total``, and one table per grouping
    (``categories``, ``rules``, ``publishers``, ``versions``)."""
    if decisions is None:
        decisions = reviewed_decisions(db, since)
    out: dict = {"documents": reviewed_count(db, since), "since": since}
    repeated = repeated_rejections(decisions)
    total = tally(decisions, "category", core_only=True, repeated=repeated)
    merged = _empty()
    for stats in total.values():
        for k in COUNTS:
            merged[k] += stats[k]
        for f, n in stats["fields"].items():
            merged["fields"][f] += n
        merged["documents"] |= stats["documents"]
    out["total"] = _finish(merged)
    for grouping, name in (("category", "categories"), ("rule", "rules"), ("publisher", "publishers"),
                           ("version", "versions")):
        groups = tally(decisions, grouping, core_only=grouping in ("publisher", "version"), repeated=repeated)
        out[name] = {k: _finish(v, recall=grouping != "rule") for k, v in sorted(groups.items())}
    return out


def _pct(v: Optional[float]) -> str:
    return "-" if v is None else f"{v:.3f}"


def format_table(report: dict, by: str = "category") -> str:
    """One grouping of the report as a plain-text table, with the total under it."""
    name = {"category": "categories", "rule": "rules", "publisher": "publishers", "version": "versions"}[by]
    rows = list(report[name].items())
    width = max([len(by)] + [len(str(k)) for k, _ in rows] + [5])
    head = (f"{by:<{width}} {'sugg':>6} {'conf':>6} {'corr':>6} {'rej':>6} {'added':>6} "
            f"{'prec':>6} {'recall':>6}  corrected fields")
    lines = [head]

    def line(label: str, r: dict) -> str:
        fields = ", ".join(f"{f} {n}" for f, n in r["corrected_fields"].items())
        return (f"{label:<{width}} {r['suggested']:>6} {r['confirmed']:>6} {r['corrected']:>6} {r['rejected']:>6} "
                f"{r['added']:>6} {_pct(r['precision']):>6} {_pct(r['recall']):>6}  {fields}").rstrip()

    for key, r in rows:
        lines.append(line(str(key), r))
    lines.append("-" * len(head))
    lines.append(line("TOTAL (core)", report["total"]))
    since = f" reviewed since {report['since']}" if report.get("since") else ""
    lines.append(f"documents marked reviewed{since}: {report['documents']}")
    if not report["documents"]:
        lines.append("no document is marked reviewed yet: the report counts reviewers' decisions")
    return "\n".join(lines)
