"""Score the extractor against gold files, exactly as ``shared/spec/extraction.md`` says.

- Metrics: a prediction matches a gold row when ``category`` and ``value`` are equal;
  each gold row is matched at most once; a leftover prediction whose pair some gold
  row has (a repeated mention) is ignored; any other leftover is a false positive.
  Only core categories count (``other`` rows are neither rewarded nor penalised).
- Operations: matched by normalised name (case folded, ``Op``/``Operation`` folded); F1;
  date accuracy is the share of matched operations whose start and end both equal gold's.
- Attribution: of the matched metrics, the share whose ``operation`` equals gold's.

Example::

    >>> report = evaluate("/work/shared/seeds/gold")          # doctest: +SKIP
    >>> print(format_table(report))                           # doctest: +SKIP
"""

from __future__ import annotations

import re

import datetime as dt
from pathlib import Path
from typing import Any, Iterable, Optional, Union

import yaml

from desktop.domain import CORE_CATEGORIES, Metric
from desktop.extractor import extract, load_rules
from desktop.extractor.operations import normalise_key
from desktop.extractor.rules import Rules

PathLike = Union[str, Path]
GOLD_SUFFIX = ".gold.yaml"


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _num(value: Any) -> Optional[float]:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _iso(value: Any) -> Optional[str]:
    if value in (None, ""):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


_ITERATION = re.compile(r"\s+(?:\d{1,3}|[ivx]{1,4})$")


def op_key(name: str) -> str:
    """The key two operation names are matched by: :func:`normalise_key`, an iteration number ignored.

    Example::

        >>> op_key("Operation Mille 3") == op_key("Op Mille")
        True
    """
    return _ITERATION.sub("", normalise_key(name))


def _op(value: Any) -> Optional[str]:
    return op_key(str(value)) if value not in (None, "") else None


def load_gold(path: PathLike) -> dict:
    """One gold file as a mapping (``document``, ``published``, ``operations``, ``metrics``)."""
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    data.setdefault("document", Path(path).name[: -len(GOLD_SUFFIX)])
    return data


def _find_document(gold_dir: Path, name: str, doc_paths: Optional[list[Path]]) -> Optional[Path]:
    if doc_paths is not None:
        for p in doc_paths:
            if p.name == name:
                return p
        return None
    for folder in (gold_dir.parent, gold_dir.parent / "docs", gold_dir):
        if (folder / name).is_file():
            return folder / name
    return None


def _match_metrics(gold: list[dict], pred: list[Metric], body: str) -> tuple[list, list, list]:
    """``(matched pairs, missed gold rows, spurious predictions)`` over core categories."""
    gold = [g for g in gold if g.get("category") in CORE_CATEGORIES]
    pred = [p for p in pred if p.category in CORE_CATEGORIES]
    used: set[int] = set()
    matched, missed = [], []
    for g in gold:
        gv = _num(g.get("value"))
        options = [i for i, p in enumerate(pred) if i not in used and p.category == g["category"] and _num(p.value) == gv]
        if not options:
            missed.append(g)
            continue
        text = str(g.get("text") or "")

        def score(i: int) -> tuple:
            p = pred[i]
            overlap = bool(text) and (text in p.text or p.text in text)
            return (not overlap, _op(p.operation) != _op(g.get("operation")))

        best = min(options, key=score)
        used.add(best)
        matched.append((g, pred[best]))
    pairs = {(g["category"], _num(g.get("value"))) for g in gold}
    spurious = [p for i, p in enumerate(pred) if i not in used and (p.category, _num(p.value)) not in pairs]
    return matched, missed, spurious


def evaluate(gold_dir: PathLike, doc_paths: Optional[Iterable[PathLike]] = None,
             rules: Union[Rules, PathLike, None] = None) -> dict:
    """Score the extractor on every gold file in ``gold_dir``; a JSON-able report.

    :param gold_dir: folder of ``<document>.gold.yaml`` files
    :param doc_paths: the documents; by default found next to the gold folder
        (its parent, then ``parent/docs``)
    :param rules: compiled rules, a rules file, or ``None`` for the bundled rules
    """
    from desktop.importer import read_document

    gold_dir = Path(gold_dir)
    paths = [Path(p) for p in doc_paths] if doc_paths is not None else None
    if rules is not None and not isinstance(rules, Rules):
        rules = load_rules(rules)
    per_cat = {c: [0, 0, 0] for c in CORE_CATEGORIES}
    ops_counts = [0, 0, 0]
    dates_ok = dates_n = attr_ok = attr_n = pub_ok = pub_n = 0
    documents, errors, skipped = [], [], []
    for gold_file in sorted(gold_dir.glob("*" + GOLD_SUFFIX)):
        gold = load_gold(gold_file)
        name = str(gold["document"])
        doc_path = _find_document(gold_dir, name, paths)
        if doc_path is None:
            if paths is None:
                errors.append({"document": name, "error": "document not found"})
            else:
                skipped.append(name)  # its document was not among those given
            continue
        try:
            doc = read_document(doc_path)
        except Exception as exc:  # the report names it; the rest go on
            errors.append({"document": name, "error": str(exc)})
            continue
        ex = extract(doc, rules)
        matched, missed, spurious = _match_metrics(gold.get("metrics") or [], list(ex.metrics), doc.body)
        for g, _ in matched:
            per_cat[g["category"]][0] += 1
        for p in spurious:
            per_cat[p.category][1] += 1
        for g in missed:
            per_cat[g["category"]][2] += 1
        wrong_attr = [(g, p) for g, p in matched if _op(g.get("operation")) != _op(p.operation)]
        attr_n += len(matched)
        attr_ok += len(matched) - len(wrong_attr)
        gold_ops = {op_key(str(o["name"])): o for o in gold.get("operations") or []}
        pred_ops = {op_key(o.name): o for o in ex.operations}
        op_tp = [k for k in gold_ops if k in pred_ops]
        ops_counts[0] += len(op_tp)
        ops_counts[1] += len([k for k in pred_ops if k not in gold_ops])
        ops_counts[2] += len([k for k in gold_ops if k not in pred_ops])
        bad_dates = []
        for k in op_tp:
            g, p = gold_ops[k], pred_ops[k]
            dates_n += 1
            if (_iso(g.get("start")), _iso(g.get("end"))) == (p.start, p.end):
                dates_ok += 1
            else:
                bad_dates.append({"name": p.name, "gold": [_iso(g.get("start")), _iso(g.get("end"))],
                                  "predicted": [p.start, p.end]})
        pub_n += 1
        pub_ok += _iso(gold.get("published")) == doc.published
        documents.append({
            "document": name,
            "published": {"gold": _iso(gold.get("published")), "predicted": doc.published},
            "missed": [_gold_row(g) for g in missed],
            "spurious": [_pred_row(p) for p in spurious],
            "wrong_operation": [{**_gold_row(g), "predicted_operation": p.operation} for g, p in wrong_attr],
            "operations_missed": [str(gold_ops[k]["name"]) for k in gold_ops if k not in pred_ops],
            "operations_spurious": [pred_ops[k].name for k in pred_ops if k not in gold_ops],
            "operation_dates_wrong": bad_dates,
        })
    categories = {c: _prf(*v) for c, v in per_cat.items() if any(v)}
    total = _prf(*[sum(v[i] for v in per_cat.values()) for i in range(3)])
    return {
        "gold_dir": str(gold_dir), "documents_scored": len(documents), "categories": categories, "total": total,
        "operations": {**_prf(*ops_counts), "date_accuracy": round(dates_ok / dates_n, 4) if dates_n else None,
                       "dated": dates_n},
        "attribution": {"correct": attr_ok, "matched": attr_n,
                        "accuracy": round(attr_ok / attr_n, 4) if attr_n else None},
        "published_accuracy": round(pub_ok / pub_n, 4) if pub_n else None,
        "documents": documents, "errors": errors, "skipped": skipped,
    }


def _gold_row(g: dict) -> dict:
    return {k: g.get(k) for k in ("category", "value", "qualifier", "operation", "text")}


def _pred_row(p: Metric) -> dict:
    return {"category": p.category, "value": p.value, "qualifier": p.qualifier, "operation": p.operation,
            "text": p.text, "offset": p.offset, "rule": p.rule}


def format_table(report: dict) -> str:
    """The report as a plain-text table: per category and total P/R/F1, operations, attribution."""
    lines = [f"{'category':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}"]
    rows = list(report["categories"].items()) + [("TOTAL", report["total"])]
    for name, r in rows:
        if name == "TOTAL":
            lines.append("-" * len(lines[0]))
        lines.append(f"{name:<18} {r['tp']:>4} {r['fp']:>4} {r['fn']:>4} "
                     f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}")
    o = report["operations"]
    lines.append(f"{'operations':<18} {o['tp']:>4} {o['fp']:>4} {o['fn']:>4} "
                 f"{o['precision']:>6.3f} {o['recall']:>6.3f} {o['f1']:>6.3f}")
    da = o.get("date_accuracy")
    lines.append(f"operation dates exact: {'-' if da is None else f'{da:.3f}'} (of {o.get('dated', 0)} matched)")
    a = report["attribution"]
    acc = "-" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
    lines.append(f"attribution: {acc} ({a['correct']}/{a['matched']} matched metrics)")
    if report.get("published_accuracy") is not None:
        lines.append(f"published date: {report['published_accuracy']:.3f}")
    lines.append(f"documents scored: {report['documents_scored']}")
    for e in report.get("errors", []):
        lines.append(f"error: {e['document']}: {e['error']}")
    return "\n".join(lines)


def format_misses(report: dict) -> str:
    """Every missed and spurious row (and wrong operation or date) with its text, per document."""
    out = []
    for d in report["documents"]:
        items = []
        for g in d["missed"]:
            items.append(f"  MISSED    {g['category']:<17} {g['value']!s:>9}  {g.get('text')!r}")
        for p in d["spurious"]:
            items.append(f"  SPURIOUS  {p['category']:<17} {p['value']!s:>9}  {p['text']!r} [{p['rule']}] @{p['offset']}")
        for g in d["wrong_operation"]:
            items.append(f"  OPERATION {g['category']:<17} {g['value']!s:>9}  {g.get('text')!r}: "
                         f"gold {g.get('operation') or '-'}, got {g.get('predicted_operation') or '-'}")
        for name in d["operations_missed"]:
            items.append(f"  OP MISSED   {name}")
        for name in d["operations_spurious"]:
            items.append(f"  OP SPURIOUS {name}")
        for bad in d["operation_dates_wrong"]:
            items.append(f"  OP DATES    {bad['name']}: gold {bad['gold']}, got {bad['predicted']}")
        pub = d["published"]
        if pub["gold"] != pub["predicted"]:
            items.append(f"  PUBLISHED   gold {pub['gold']}, got {pub['predicted']}")
        if items:
            out.append(d["document"])
            out.extend(items)
    return "\n".join(out) if out else "no misses"
