"""Correction mining: added rows whose counted noun the lexicon lacks propose it, tried first."""

import pytest

from desktop.cli import main
from desktop.extractor import default_rules, extract
from desktop.loop.suggest import candidates, counted_words, noun_base, propose, verb_base
from desktop.loop.decisions import reviewed_decisions
from desktop.paths import user_rules_dir
from tests.conftest import make_document

BODIES = ["Police recovered 7 tomahawks and made 12 arrests.",
          "Officers seized 4 tomahawks in Dover.",
          "Three tomahawks were handed in. Two men were arrested.",
          "Officers found 2 tomahawks and 5 knives."]


@pytest.fixture
def mined(store, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for body in BODIES:
        doc = make_document(body, name=body[:12] + ".txt")
        [doc_id], _ = store.import_batch([(doc, extract(doc))])
        store.confirm_all(doc_id)
        number = body.split(" tomahawks")[0].split()[-1]
        start = body.index(number + " tomahawks")
        store.add_row("metric", doc_id, category="weapons_seized", value={"Three": 3}.get(number, number),
                      text=body[start:start + len(number) + 10], offset=start, length=len(number) + 10)
        store.set_document_status(doc_id, "reviewed")
    return store


def test_words_of_the_evidence():
    assert counted_words("7 rusty tomahawks were seized") == ("tomahawks", ["seized"])
    assert noun_base("tomahawks") == "tomahawk" and noun_base("batteries") == "battery"
    assert verb_base("confiscated") == "confiscate" and verb_base("impounded") == "impound"
    assert verb_base("stopped") == "stop" and verb_base("red") is None


def test_added_rows_propose_the_missing_noun(mined):
    props = candidates(reviewed_decisions(mined.db), default_rules())
    top = props[0]
    assert (top.base, top.kind, top.list_name, top.category) == ("tomahawk", "nouns", "weapon", "weapons_seized")
    assert top.rows == 4 and len(top.documents) == 4


def test_each_proposal_is_tried_before_it_is_shown(mined):
    [p] = [p for p in propose(mined.db) if p.base == "tomahawk"]
    assert (p.fixes, p.breaks) == (4, 0)
    assert p.sentence() == ("tomahawks → weapons_seized nouns (weapon): added by reviewers 4 times in 4 documents; "
                            "trying it: fixes 4, breaks 0")


def test_accepting_writes_the_user_file_and_audits(mined, tmp_path, capsys):
    db = tmp_path / "b.sqlite"
    mined.db.conn.execute(f"VACUUM INTO '{db}'")
    assert main(["rules", "suggest", "--db", str(db), "--accept", "1"]) == 0
    out = capsys.readouterr().out
    assert "1. tomahawks → weapons_seized" in out
    written = (user_rules_dir() / "words.yaml").read_text()
    assert "tomahawk" in written and str(tmp_path / "config") in str(user_rules_dir())
    from desktop.store import Store
    s = Store.open(db)
    [entry] = [e for e in s.history() if e["entity"] == "rules"]
    assert (entry["field"], entry["new"]) == ("words.nouns.weapon", "tomahawk")
    s.close()
    # the word is in use now: nothing left to propose for it
    assert main(["rules", "suggest", "--db", str(db), "--json"]) == 0
    assert "tomahawk" not in capsys.readouterr().out


def test_a_verb_the_lexicon_lacks_is_proposed_for_the_categorys_verb_list():
    from desktop.loop.decisions import Decision
    rows = [Decision(i, "added", "arrests", 4, text="collared 4 suspects", row_id=i) for i in (1, 2)]
    [p] = candidates(rows, default_rules())
    assert (p.kind, p.list_name, p.base, p.rows) == ("verbs", "arrest", "collar", 2)
