"""The report card, checked figure by figure against numbers worked out by hand (see conftest.decided)."""

import json

import pytest

from desktop.cli import main
from desktop.loop.report import build_report, format_table


def _counts(r):
    return {k: r[k] for k in ("suggested", "confirmed", "corrected", "rejected", "repeated", "added", "missed", "kept")}


def test_categories_by_hand(decided):
    rep = build_report(decided.db)
    assert rep["documents"] == 2
    cats = rep["categories"]
    # arrests: suggested 12 (confirmed), 5 (value corrected), 12 again (rejected, a repeat), 3 (doc 2, confirmed);
    # missed: 6 (the corrected value), 9 (corrected from charges), 1 (added)
    assert _counts(cats["arrests"]) == {"suggested": 4, "confirmed": 2, "corrected": 1, "rejected": 1,
                                        "repeated": 1, "added": 1, "missed": 3, "kept": 2}
    assert cats["arrests"]["precision"] == round(2 / 3, 4) and cats["arrests"]["recall"] == 0.4
    assert cats["arrests"]["corrected_fields"] == {"value": 1}
    # charges: 4 (qualifier corrected: kept), 9 (category corrected: an error); added 1 in doc 2
    assert _counts(cats["charges"]) == {"suggested": 2, "confirmed": 0, "corrected": 2, "rejected": 0,
                                        "repeated": 0, "added": 1, "missed": 1, "kept": 1}
    assert cats["charges"]["precision"] == 0.5 and cats["charges"]["recall"] == 0.5
    assert cats["charges"]["corrected_fields"] == {"category": 1, "qualifier": 1}
    # knives: 3 rejected, 7 subject corrected (kept), 2 added
    assert _counts(cats["knives_seized"]) == {"suggested": 2, "confirmed": 0, "corrected": 1, "rejected": 1,
                                              "repeated": 0, "added": 1, "missed": 1, "kept": 1}
    assert cats["knives_seized"]["precision"] == 0.5 and cats["knives_seized"]["recall"] == 0.5
    assert cats["other"]["precision"] == 0.0 and cats["other"]["recall"] is None
    total = rep["total"]  # core categories only: 'other' neither rewarded nor penalised
    assert _counts(total) == {"suggested": 8, "confirmed": 2, "corrected": 4, "rejected": 2, "repeated": 1,
                              "added": 3, "missed": 5, "kept": 4}
    assert total["precision"] == round(4 / 7, 4) and total["recall"] == round(4 / 9, 4)


def test_rules_versions_publishers_by_hand(decided):
    rep = build_report(decided.db)
    rules = rep["rules"]
    assert rules["arrests.count"]["suggested"] == 2 and rules["arrests.count"]["precision"] == 1.0
    assert rules["arrests.people"]["precision"] == 0.0 and rules["arrests.people"]["recall"] is None
    assert rules["arrests.people"]["documents_with_errors"] == [decided.ids[0]]
    assert rules["charges.count"]["precision"] == 0.5
    assert rules["knives_seized.count"]["precision"] == 0.5
    assert rules["arrests.count"]["documents_with_errors"] == []
    v1, v2 = rep["versions"]["v1"], rep["versions"]["v2"]
    assert (v1["suggested"], v1["kept"], v1["repeated"], v1["missed"]) == (7, 3, 1, 4)
    assert v1["precision"] == 0.5 and v1["recall"] == round(3 / 7, 4)
    assert (v2["precision"], v2["recall"]) == (1.0, 0.5)
    assert rep["publishers"]["Kent Police"]["precision"] == 0.5 and rep["publishers"]["Met"]["recall"] == 0.5


def test_since_leaves_out_earlier_reviews(decided):
    assert build_report(decided.db, since="2999-01-01")["documents"] == 0
    assert build_report(decided.db, since="2000-01-01")["documents"] == 2


def test_cli_json_and_table(decided, tmp_path, capsys):
    path = tmp_path / "b.sqlite"
    decided.db.conn.execute(f"VACUUM INTO '{path}'")
    assert main(["report", "--db", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"] == 2
    assert set(out["categories"]["arrests"]) >= {"suggested", "confirmed", "corrected", "rejected", "added",
                                                 "precision", "recall"}
    assert main(["report", "--db", str(path), "--by", "rule"]) == 0
    table = capsys.readouterr().out
    assert "arrests.people" in table and "TOTAL (core)" in table
    with pytest.raises(SystemExit) as exit_:
        main(["report", "--db", str(path), "--since", "not-a-date"])
    assert exit_.value.code == 2 and "not a date" in capsys.readouterr().err


def test_table_says_when_nothing_is_reviewed(store):
    assert "no document is marked reviewed" in format_table(build_report(store.db))


def test_a_row_left_undecided_in_a_reviewed_document_counts_as_confirmed(store):
    from desktop.domain import Metric
    from tests.conftest import make_document, make_extraction
    doc = make_document("Police made 12 arrests.")
    [doc_id], _ = store.import_batch([(doc, make_extraction(doc, metrics=[Metric("arrests", 12, rule="r")]))])
    store.set_document_status(doc_id, "reviewed")  # "leave them": the row stays suggested, and is exported
    arrests = build_report(store.db)["categories"]["arrests"]
    assert (arrests["suggested"], arrests["confirmed"], arrests["precision"]) == (1, 1, 1.0)
