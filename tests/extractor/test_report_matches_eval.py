"""The report card agrees with ``blotter eval`` on the development corpus (issue 13).

The 32 releases are imported, their gold files are applied as a reviewer would through the
store's API (confirm what matches, correct an operation, correct the category of a wrong
suggestion whose value a missed gold row has, reject the rest, add the misses), every document
is marked reviewed, and the report's counts per core category must equal eval's true
positives, false positives and false negatives (so precision and recall are equal too).
Skipped where the corpus is absent, like the other corpus tests.
"""

from collections import defaultdict

import pytest

from desktop.domain import CORE_CATEGORIES, Metric
from desktop.evaluate import _match_metrics, evaluate, load_gold, op_key
from desktop.ingest import import_paths
from desktop.loop.report import build_report
from desktop.store import Store
from tests.extractor.test_corpus_regression import CORPUS

pytestmark = pytest.mark.skipif(not (CORPUS / "gold").is_dir(), reason=f"no development corpus at {CORPUS}")


def _apply_gold(store: Store, doc_id: int, gold: dict) -> dict:
    """Decide every suggestion of one document as its gold says; returns what was done, by kind."""
    done = defaultdict(int)
    rows = store.metrics(doc_id)
    preds = [Metric(r["category"], r["value"], r["qualifier"], r["unit"], r["subject"], r["operation"],
                    r["offset"] or 0, r["length"] or 0, r["text"] or "", None) for r in rows]
    row_of = {id(p): r for p, r in zip(preds, rows)}
    gold_metrics = [g for g in gold.get("metrics") or [] if g.get("value") is not None]
    matched, missed, spurious = _match_metrics(gold_metrics, preds, store.document(doc_id)["body"])
    decided = set()
    for g, p in matched:
        row = row_of[id(p)]
        gold_op = g.get("operation") or None
        if gold_op and (row["operation"] is None or op_key(row["operation"]) != op_key(gold_op)):
            store.update_metric(row["id"], operation=gold_op)
            done["corrected operation"] += 1
        else:
            store.confirm("metric", row["id"])
            done["confirmed"] += 1
        decided.add(row["id"])
    wrong = [row_of[id(p)] for p in spurious]
    for g in missed:
        value = float(g["value"])
        same_value = [r for r in wrong if r["id"] not in decided and float(r["value"]) == value]
        if same_value:
            store.update_metric(same_value[0]["id"], category=g["category"])
            decided.add(same_value[0]["id"])
            done["corrected category"] += 1
        else:
            store.add_row("metric", doc_id, category=g["category"], value=value, text=str(g.get("text") or ""))
            done["added"] += 1
    other_pairs = {(g["category"], float(g["value"])) for g in gold_metrics if g["category"] not in CORE_CATEGORIES}
    for r in rows:
        if r["id"] in decided:
            continue
        if r["category"] not in CORE_CATEGORIES and (r["category"], float(r["value"])) in other_pairs:
            store.confirm("metric", r["id"])
        else:
            store.reject("metric", r["id"])  # spurious, or a repeated mention of a gold figure
            done["rejected"] += 1
    store.set_document_status(doc_id, "reviewed")
    return done


def test_report_on_the_corpus_equals_eval(tmp_path):
    docs = sorted((CORPUS / "docs").glob("*.md"))
    store = Store.open(tmp_path / "corpus.sqlite", reviewer="gold")
    report = import_paths(store, docs)
    assert len(report.imported) == 32, report.lines()
    names = {store.document(i)["name"]: i for i in report.imported}
    done = defaultdict(int)
    for gold_file in sorted((CORPUS / "gold").glob("*.gold.yaml")):
        gold = load_gold(gold_file)
        for kind, n in _apply_gold(store, names[str(gold["document"])], gold).items():
            done[kind] += n
    # every kind of decision was exercised
    assert all(done[k] for k in ("confirmed", "corrected operation", "corrected category", "added", "rejected")), done
    card = build_report(store.db)
    store.close()
    scored = evaluate(CORPUS / "gold", docs)
    assert card["documents"] == scored["documents_scored"] == 32
    for category, ev in scored["categories"].items():
        r = card["categories"].get(category)
        assert r is not None, category
        mine = (r["kept"], r["suggested"] - r["kept"] - r["repeated"], r["missed"])
        assert mine == (ev["tp"], ev["fp"], ev["fn"]), category
        if ev["tp"] + ev["fp"]:
            assert r["precision"] == ev["precision"], category
        if ev["tp"] + ev["fn"]:
            assert r["recall"] == ev["recall"], category
    total = scored["total"]
    assert (card["total"]["precision"], card["total"]["recall"]) == (total["precision"], total["recall"])
