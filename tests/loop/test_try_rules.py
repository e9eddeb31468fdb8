"""`rules try`: what candidate rules fix, break and newly suggest, against reviewers' final rows."""

import json

import pytest

from desktop.cli import main
from desktop.extractor import extract, load_rules
from desktop.loop.try_rules import try_rules
from tests.conftest import make_document

TOMAHAWK = "words:\n  nouns:\n    weapon: [tomahawk]\n"
ARRESTS_AS_CHARGES = ("categories:\n  - category: charges\n    rules:\n"
                      "      - {id: charges.bad, priority: 5, after: '{s}arrests\\b'}\n")


@pytest.fixture
def reviewed(store):
    """A: arrests 12 confirmed, weapons 7 added. B: charges 4 confirmed (3 tomahawks not kept).
    C: arrests 20 confirmed, knives 5 rejected. D: not reviewed."""
    def imp(body):
        doc = make_document(body, name=body[:10] + ".txt")
        [doc_id], _ = store.import_batch([(doc, extract(doc))])
        return doc_id, store.metrics(doc_id)

    a, rows = imp("Police recovered 7 tomahawks and made 12 arrests.")
    store.confirm("metric", rows[0]["id"])
    store.add_row("metric", a, category="weapons_seized", value=7, text="7 tomahawks")
    b, rows = imp("Officers found 3 tomahawks in a car. Four people were charged.")
    store.confirm_all(b)
    c, rows = imp("During Operation Blue officers made 20 arrests and seized 5 knives.")
    store.confirm("metric", rows[0]["id"])
    store.reject("metric", rows[1]["id"])
    imp("Police recovered 9 tomahawks.")
    for doc_id in (a, b, c):
        store.set_document_status(doc_id, "reviewed")
    return store


def _rules(tmp_path, text, name="cand.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_new_word_fixes_and_newly_suggests(reviewed, tmp_path):
    result = try_rules(reviewed.db, load_rules(None, overlays=[_rules(tmp_path, TOMAHAWK)]))
    assert result.documents == 3
    assert result.totals == {"fix": 1, "break": 0, "new": 1, "again": 1}
    assert result.categories["weapons_seized"] == {"fix": 1, "break": 0, "new": 1, "again": 0}
    assert result.categories["knives_seized"]["again"] == 1  # the rejected knives, suggested again
    assert {d.title.split()[0] for d in result.diffs} == {"Police", "Officers", "During"}


def test_the_current_rules_change_nothing(reviewed):
    assert try_rules(reviewed.db, load_rules()).totals == {"fix": 0, "break": 0, "new": 0, "again": 1}


def test_a_rule_that_steals_arrests_breaks_them(reviewed, tmp_path):
    result = try_rules(reviewed.db, load_rules(None, overlays=[_rules(tmp_path, ARRESTS_AS_CHARGES)]))
    assert result.categories["arrests"]["break"] == 2  # 12 and 20, confirmed, now missed
    assert result.categories["charges"]["new"] == 2
    assert result.totals["break"] == 2 and result.breaks


def test_cli_exit_status_guards_a_change(reviewed, tmp_path, capsys):
    db = tmp_path / "b.sqlite"
    reviewed.db.conn.execute(f"VACUUM INTO '{db}'")
    assert main(["rules", "try", str(_rules(tmp_path, TOMAHAWK)), "--db", str(db)]) == 0
    assert "TOTAL" in capsys.readouterr().out
    assert main(["rules", "try", str(_rules(tmp_path, ARRESTS_AS_CHARGES, "bad.yaml")), "--db", str(db),
                 "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["total"]["break"] == 2
    folder = tmp_path / "candidates"
    folder.mkdir()
    _rules(folder, TOMAHAWK)
    assert main(["rules", "try", str(folder), "--db", str(db)]) == 0


def test_cli_names_a_broken_candidate(reviewed, tmp_path, capsys):
    bad = _rules(tmp_path, "words:\n  nouns:\n    weapon: [to(mahawk]\n")
    assert main(["rules", "try", str(bad), "--db", str(tmp_path / "x.sqlite")]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3" in err and "not a plain word" in err


def test_a_figure_still_standing_is_not_taken_for_a_correction():
    """Suggested arrests 5 corrected to 6, and arrests 6 confirmed: unchanged rules fix nothing, break nothing."""
    from desktop.domain import Metric
    from desktop.loop.decisions import Decision
    from desktop.loop.try_rules import compare
    corrected = Decision(1, "corrected", "arrests", 6, "arrests", 5, fields=("value",), row_id=1, offset=0,
                         length=9, text="5 arrests", qualifier="exact", unit="count")
    confirmed = Decision(1, "confirmed", "arrests", 6, "arrests", 6, row_id=2, offset=20, length=9,
                         text="6 arrests", qualifier="exact", unit="count")
    found = [Metric("arrests", 5, offset=0, length=9, text="5 arrests"),
             Metric("arrests", 6, offset=20, length=9, text="6 arrests")]
    assert compare([corrected, confirmed], found) == []
